// Main process: a download's body, read chunk by chunk up to a size cap, for fetch-page.ts and fetch-image.ts, and
// for live sync's look at the team database (sync/remote-seq.ts).

/**
 * The response's body, or undefined once it passes `maxBytes`: the download is aborted then (`controller`), or,
 * without one, the rest of the body is not read (the reader cancelled).
 */
export async function readCapped(
  response: Response,
  maxBytes: number,
  controller?: AbortController,
): Promise<Uint8Array | undefined> {
  if (!response.body) return new Uint8Array(0)
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      if (controller) controller.abort()
      else await reader.cancel().catch(() => {})
      return undefined
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(total)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.byteLength
  }
  return bytes
}
