import { z } from "@medusajs/framework/zod"

/** `?dry_run=true` checks the file and saves nothing. */
export const AdminImportSerialsParams = z.object({
  dry_run: z
    .enum(["true", "false", "1", "0"], {
      error: (issue) => `Field 'dry_run' must be true or false, got: '${String(issue.input).slice(0, 60)}'`,
    })
    .optional()
    .transform((v) => v === "true" || v === "1"),
})
export type AdminImportSerialsParamsType = z.infer<typeof AdminImportSerialsParams>
