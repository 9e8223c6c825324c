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

/**
 * The deepest a request body's JSON may nest. The contract's deepest argument (an annotation with its target's
 * selectors, a figure, a PDF passage's rectangles) is under ten levels; 64 leaves ample room and refuses, before
 * JSON.parse sees it, a body nested a million deep (which held the event loop for seconds).
 */
export const MAX_JSON_DEPTH = 64

/**
 * Whether `raw` nests arrays and objects deeper than `max`: one pass over the text (brackets inside strings do not
 * count), far cheaper than parsing. Malformed JSON is left to JSON.parse to name.
 */
export function nestsDeeperThan(raw: string, max: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // a backslash: the next character is escaped
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return false
}
