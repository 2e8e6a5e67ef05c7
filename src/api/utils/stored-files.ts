import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { StoredFile, StoredFileWithUrl } from "../../shared/attachments"

/**
 * Stored files with a URL to open them, asked of Medusa's File Module each time (a private
 * file's URL may be presigned and expire). A file the File Module no longer has is shown
 * without a URL rather than failing the whole answer.
 */
export async function withFileUrls(scope: MedusaContainer, files: StoredFile[] | null | undefined): Promise<StoredFileWithUrl[]> {
  if (!files?.length) {
    return []
  }
  const fileModule = scope.resolve(Modules.FILE)
  return await Promise.all(
    files.map(async (f) => {
      const url = await fileModule
        .retrieveFile(f.file_id)
        .then((found) => found.url ?? null)
        .catch(() => null)
      return { ...f, url }
    })
  )
}
