import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { Modules } from "@medusajs/framework/utils"
import { adminHeaders } from "../helpers/admin"
import { createProductWithVariant } from "../helpers/catalog"
import { registerCustomer } from "../helpers/customer"
import { failure } from "../helpers/http"
import { createStore } from "../helpers/store"
import { httpSuite } from "../helpers/suite"

jest.setTimeout(180_000)

/** Where medusa-config.ts has Medusa's local file provider store files in tests. */
const FILE_DIR = path.join(os.tmpdir(), "serial-plugin-test-files")
const filesStored = () => (fs.existsSync(FILE_DIR) ? fs.readdirSync(FILE_DIR).length : 0)

// The smallest real files of each kind the server accepts, and one it must not.
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex"
)
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
const HTML = Buffer.from("<html><script>alert(document.cookie)</script></html>")

/** A multipart form with these files in one field; the browser-claimed type is what the caller says. */
function form(field: string, files: Array<{ name: string; content: Buffer; type: string }>) {
  const body = new FormData()
  for (const f of files) {
    body.append(field, new Blob([f.content], { type: f.type }), f.name)
  }
  return body
}

/**
 * Files through Medusa's File Module: photos and documents of a warranty claim (admin), a
 * customer's proof of purchase with their pending registration (storefront).
 */
httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let serialIds: Record<string, string>
  let alice: any
  let bob: any

  // Once per file: the runner snapshots the database after this and restores it before
  // every test; the files stored on disk are not restored, so tests compare counts.
  beforeAll(async () => {
    const container = getContainer()
    headers = await adminHeaders(api, container)
    const store = await createStore(container)
    const { variant } = await createProductWithVariant(container, { title: "Espresso machine", sku: "ESP-1" })
    await api.post(`/admin/serial-settings/${variant.id}`, { is_serialized: true }, headers)
    const res = await api.post("/admin/serial-numbers", { variant_id: variant.id, serial_numbers: ["ES-1", "ES-2"] }, headers)
    serialIds = Object.fromEntries(res.data.serial_numbers.map((s: any) => [s.serial_number, s.id]))
    alice = await registerCustomer(api, store.publishableKey, "alice-files@serials.test")
    bob = await registerCustomer(api, store.publishableKey, "bob-files@serials.test")
  })

  const fileClaim = async () =>
    (await api.post("/admin/warranty-claims", { serial_number_id: serialIds["ES-1"], description: "Leaks water" }, headers)).data
      .warranty_claim
  const attach = (id: string, body: FormData | object) => api.post(`/admin/warranty-claims/${id}/attachments`, body, headers)
  const fileModule = () => getContainer().resolve(Modules.FILE)

  it("keeps a photo and a PDF with a claim, each openable through the File Module", async () => {
    const claim = await fileClaim()
    const res = await attach(
      claim.id,
      form("files", [
        { name: "leak.png", content: PNG, type: "image/png" },
        { name: "Rechnung März.pdf", content: PDF, type: "application/pdf" },
      ])
    )
    expect(res.status).toBe(200)
    const attachments = res.data.warranty_claim.attachments
    expect(attachments).toEqual([
      expect.objectContaining({ filename: "leak.png", mime_type: "image/png", size: PNG.length, url: expect.stringMatching(/\.png$/) }),
      expect.objectContaining({ filename: "Rechnung März.pdf", mime_type: "application/pdf", size: PDF.length, url: expect.stringMatching(/\.pdf$/) }),
    ])
    expect(await fileModule().getAsBuffer(attachments[0].file_id)).toEqual(PNG)
    expect(await fileModule().getAsBuffer(attachments[1].file_id)).toEqual(PDF)
    // The claim's page reads them back; the list leaves them out.
    const read = (await api.get(`/admin/warranty-claims/${claim.id}`, headers)).data.warranty_claim
    expect(read.attachments.map((a: any) => a.filename)).toEqual(["leak.png", "Rechnung März.pdf"])
    const list = (await api.get("/admin/warranty-claims", headers)).data.warranty_claims
    expect(list[0].attachments).toBeUndefined()
  })

  it("refuses a file whose content is not an image or a PDF, whatever its name and claimed type, and stores nothing", async () => {
    const claim = await fileClaim()
    const before = filesStored()
    const err = await failure(
      attach(
        claim.id,
        form("files", [
          { name: "fine.png", content: PNG, type: "image/png" },
          { name: "photo.png", content: HTML, type: "image/png" },
        ])
      )
    )
    expect(err.status).toBe(400)
    expect(err.message).toBe("File 'photo.png' is not a JPEG, PNG or WebP image or a PDF document (its content says otherwise)")
    expect(filesStored()).toBe(before)
    expect((await api.get(`/admin/warranty-claims/${claim.id}`, headers)).data.warranty_claim.attachments).toEqual([])
  })

  it("answers every malformed upload with a 400 naming the problem, and stores nothing", async () => {
    const claim = await fileClaim()
    const before = filesStored()
    const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)])
    const cases: Array<[FormData | object, string, Record<string, string>?]> = [
      [{ files: "leak.png" }, "No file was uploaded: send a JPEG, PNG or WebP image or a PDF document as multipart/form-data in field 'files'"],
      [form("files", [{ name: "big.png", content: big, type: "image/png" }]), "A file in field 'files' is larger than the 10 MB limit"],
      [form("photo", [{ name: "leak.png", content: PNG, type: "image/png" }]), "Files go in field 'files', got a file in field 'photo'"],
      [
        form("files", Array.from({ length: 11 }, (_, n) => ({ name: `p${n}.png`, content: PNG, type: "image/png" }))),
        "Field 'files' takes at most 10 files at once",
      ],
      // A name that reads backwards ("gnp.exe" shown as "exe.png"): refused by the text rule.
      [form("files", [{ name: "photo\u202egnp.exe", content: PNG, type: "image/png" }]), "contains an invisible formatting character (U+202E)"],
      [form("files", [{ name: "bad\u0000name.png", content: PNG, type: "image/png" }]), "not a readable multipart/form-data body"],
      ["--xyz\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.png\"\r\n\r\nunterminated", "not a readable multipart/form-data body", { "content-type": "multipart/form-data; boundary=xyz" }],
    ]
    for (const [body, message, extra] of cases) {
      const err = await failure(api.post(`/admin/warranty-claims/${claim.id}/attachments`, body, { headers: { ...headers.headers, ...(extra ?? {}) } }))
      expect([message, err.status]).toEqual([message, 400])
      expect(err.message).toContain(message)
    }
    const missing = await failure(attach("snclm_missing", form("files", [{ name: "leak.png", content: PNG, type: "image/png" }])))
    expect(missing.status).toBe(404)
    expect(filesStored()).toBe(before)
    expect((await api.get(`/admin/warranty-claims/${claim.id}`, headers)).data.warranty_claim.attachments).toEqual([])
  })

  it("keeps at most 10 files on a claim", async () => {
    const claim = await fileClaim()
    const png = (n: number) => ({ name: `p${n}.png`, content: PNG, type: "image/png" })
    await attach(claim.id, form("files", Array.from({ length: 9 }, (_, n) => png(n))))
    const before = filesStored()
    const err = await failure(attach(claim.id, form("files", [png(9), png(10)])))
    expect(err.status).toBe(400)
    expect(err.message).toBe(`Warranty claim ${claim.id} holds 9 of at most 10 files; 2 more would be too many`)
    expect(filesStored()).toBe(before)
    expect((await attach(claim.id, form("files", [png(9)]))).data.warranty_claim.attachments).toHaveLength(10)
  })

  it("takes a customer's proof of purchase for their own pending registration, shows it to the admin, replaces it", async () => {
    const registered = await api.post("/store/customers/me/serial-numbers", { serial_number: "ES-2", purchased_at: "2026-03-01" }, alice.headers)
    expect(registered.status).toBe(202)
    const id = registered.data.registration.id
    const proofUrl = `/store/customers/me/serial-registrations/${id}/proof-of-purchase`

    const first = await api.post(proofUrl, form("file", [{ name: "receipt.pdf", content: PDF, type: "application/pdf" }]), alice.headers)
    expect(first.status).toBe(200)
    expect(first.data.registration).toMatchObject({
      id,
      status: "pending",
      proof_of_purchase: { filename: "receipt.pdf", mime_type: "application/pdf", size: PDF.length },
    })
    // The storefront never sees where the file is kept.
    expect(JSON.stringify(first.data)).not.toMatch(/file_id|url/)
    const listed = (await api.get("/store/customers/me/serial-numbers", alice.headers)).data.registrations
    expect(listed[0].proof_of_purchase).toMatchObject({ filename: "receipt.pdf" })

    const queue = (await api.get("/admin/serial-registrations?status=pending", headers)).data.serial_registrations
    const proof = queue.find((r: any) => r.id === id).proof_of_purchase
    expect(proof).toMatchObject({ filename: "receipt.pdf", url: expect.stringMatching(/\.pdf$/) })
    expect(await fileModule().getAsBuffer(proof.file_id)).toEqual(PDF)

    // A photo of the receipt instead: the first file is deleted.
    const second = await api.post(proofUrl, form("file", [{ name: "receipt.png", content: PNG, type: "image/png" }]), alice.headers)
    expect(second.data.registration.proof_of_purchase).toMatchObject({ filename: "receipt.png", mime_type: "image/png" })
    await expect(fileModule().getAsBuffer(proof.file_id)).rejects.toThrow()

    // Bob cannot add to Alice's registration, nor learn it exists.
    const other = await failure(api.post(proofUrl, form("file", [{ name: "r.pdf", content: PDF, type: "application/pdf" }]), bob.headers))
    expect(other).toEqual({ status: 404, message: `Serial registration with id "${id}" was not found` })
    // Once decided, the proof is what it was.
    await api.post(`/admin/serial-registrations/${id}`, { action: "reject", note: "Receipt unreadable" }, headers)
    const late = await failure(api.post(proofUrl, form("file", [{ name: "r.pdf", content: PDF, type: "application/pdf" }]), alice.headers))
    expect(late.status).toBe(400)
    expect(late.message).toBe(`Serial registration ${id} is rejected: a proof of purchase is added while it awaits a decision`)
    const html = await failure(api.post(proofUrl, form("file", [{ name: "r.pdf", content: HTML, type: "application/pdf" }]), alice.headers))
    expect(html.status).toBe(400)
  })
})
