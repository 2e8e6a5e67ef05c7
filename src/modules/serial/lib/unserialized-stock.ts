/**
 * Stock Medusa counts that no serial stands for (positive), or serials in stock beyond
 * Medusa's count (negative), per location. Computed on read from both totals, so it is
 * never stale and never counts a movement twice.
 */
export type LocationStock = {
  location_id: string
  stocked_quantity: number
  serials_in_stock: number
  unserialized: number
}

export function unserializedStock(
  levels: Array<{ location_id: string; stocked_quantity: number }>,
  serialsInStock: Record<string, number>
): LocationStock[] {
  const locations = new Set([...levels.map((l) => l.location_id), ...Object.keys(serialsInStock)])
  const stocked = new Map(levels.map((l) => [l.location_id, Number(l.stocked_quantity)]))
  return [...locations].sort().map((location_id) => {
    const s = stocked.get(location_id) ?? 0
    const n = serialsInStock[location_id] ?? 0
    return { location_id, stocked_quantity: s, serials_in_stock: n, unserialized: s - n }
  })
}
