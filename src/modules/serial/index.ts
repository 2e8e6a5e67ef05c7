import { Module } from "@medusajs/framework/utils"
import SerialModuleService from "./service"
import validateOptionsLoader from "./loaders/validate-options"

export const SERIAL_MODULE = "serial"

export default Module(SERIAL_MODULE, {
  service: SerialModuleService,
  loaders: [validateOptionsLoader],
})

export { SerialModuleService }
export * from "./types"
export { SerialEvents } from "./events"
export * from "./lib/status-machine"
export { maintenanceStatus } from "../../shared/maintenance-status"
export type { SerialPluginOptions } from "./lib/options"
