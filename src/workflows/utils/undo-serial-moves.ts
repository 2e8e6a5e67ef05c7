import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { SerialUndo } from "../../modules/serial/order-types"

/** Compensation shared by the order steps: puts the moved serials back, removes their ledger rows. */
export async function undoSerialMoves(undo: SerialUndo | null | undefined, container: { resolve: (k: string) => any }) {
  if (!undo) {
    return
  }
  const service: SerialModuleService = container.resolve(SERIAL_MODULE)
  await service.undoSerialMoves(undo)
}
