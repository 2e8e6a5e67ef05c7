import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { StoredFile, StoredFileWithUrl } from "../../shared/attachments"

/**
 * Stored files with a URL to open them, asked of Medusa's File Module in one call each time
 * (a private file's URL may be presigned and expire). When the File Module cannot answer,
 * the files are shown without a URL rather than failing the whole answer.
 */
export async function withFileUrls(scope: MedusaContainer, files: StoredFile[] | null | undefined): Promise<StoredFileWithUrl[]> {
  if (!files?.length) {
    return []
  }
  // listFiles takes several ids (one URL each), though its filter type names one.
  const found: Array<{ id: string; url?: string | null }> = await scope
    .resolve(Modules.FILE)
    .listFiles({ id: files.map((f) => f.file_id) as unknown as string })
    .catch(() => [])
  const urls = new Map(found.map((f): [string, string | null] => [f.id, f.url ?? null]))
  return files.map((f) => ({ ...f, url: urls.get(f.file_id) ?? null }))
}
