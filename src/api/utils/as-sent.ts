/**
 * A value read on the server, typed as the client receives it. `res.json` writes a Date
 * as its ISO string, so a row with Date fields arrives with the string fields of the
 * shared HTTP types (src/shared/http). The presenters end with this, so that each route's
 * `MedusaResponse<…>` names what the client gets; the HTTP tests check the shapes.
 */
export const asSent = <T>(value: unknown): T => value as T
