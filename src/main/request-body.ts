// Main process: an HTTP request's body, read up to a size limit, for browser mode (serve.ts) and the
// extension's server (connector/server.ts).
import type { IncomingMessage } from 'node:http'

/** The body as text, or undefined once it proves larger than `limit` bytes (the rest is never read). */
export function readBodyCapped(req: IncomingMessage, limit: number): Promise<string | undefined> {
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.resolve(undefined)
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) return void chunks.push(chunk)
      req.off('data', onData)
      req.pause()
      resolve(undefined)
    }
    req.on('data', onData)
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
