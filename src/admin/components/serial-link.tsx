import { Link } from "react-router-dom"

/** A serial's text as a link to its page, as every list and detail page shows one. */
export const SerialLink = ({ id, text }: { id: string; text?: string | null }) => (
  <Link className="text-ui-fg-interactive font-mono" to={`/serial-numbers/${id}`}>
    {text ?? id}
  </Link>
)
