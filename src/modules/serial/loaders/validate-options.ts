import type { LoaderOptions } from "@medusajs/framework/types"
import { parsePluginOptions } from "../lib/options"

/** Stops the server at start-up when the plugin options are wrong, saying which and why. */
export default async function validateOptionsLoader({ options }: LoaderOptions) {
  parsePluginOptions(options)
}
