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

/** Polls until `check` returns a truthy value (subscribers run after the request answers). */
export async function eventually<T>(check: () => Promise<T>, { tries = 60, everyMs = 250 } = {}): Promise<T> {
  let last: T | undefined
  for (let i = 0; i < tries; i++) {
    last = await check()
    if (last) {
      return last
    }
    await new Promise((r) => setTimeout(r, everyMs))
  }
  throw new Error(`condition not met after ${tries} tries (last: ${JSON.stringify(last)})`)
}
