/** The status and message of a request expected to fail; throws when it succeeds. */
export async function failure(p: Promise<any>, label = ""): Promise<{ status: number; message: string }> {
  let res: any
  try {
    res = await p
  } catch (e: any) {
    return { status: e.response?.status, message: String(e.response?.data?.message ?? "") }
  }
  throw new Error(`expected the request ${label} to fail, got ${res.status}`)
}

export async function statusOf(p: Promise<any>): Promise<number> {
  try {
    return (await p).status
  } catch (e: any) {
    return e.response?.status
  }
}
