import type { LoaderOptions } from "@medusajs/framework/types"
import { asValue } from "@medusajs/framework/awilix"
import { parsePluginOptions } from "../lib/options"

/**
 * Stops the server at start-up when the plugin options are wrong, saying which and why.
 * The parsed options are registered as `serialOptions` in the module's container, where
 * the internal services under `services/` read them.
 */
export default async function validateOptionsLoader({ container, options }: LoaderOptions) {
  container.register("serialOptions", asValue(parsePluginOptions(options)))
}
