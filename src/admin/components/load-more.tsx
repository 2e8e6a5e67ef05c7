import { Button } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

/** "Load more" under a list read by cursor, shown while the server has a next page. */
export const LoadMore = ({
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
}: {
  hasNextPage: boolean
  isFetchingNextPage: boolean
  fetchNextPage: () => unknown
}) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.common" })
  return hasNextPage ? (
    <div className="flex justify-center px-6 py-3">
      <Button size="small" variant="secondary" isLoading={isFetchingNextPage} onClick={() => fetchNextPage()}>
        {t("loadMore")}
      </Button>
    </div>
  ) : null
}
