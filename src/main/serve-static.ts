// Main process without Electron: serves the built renderer's files, with the same CSP the app uses.
import { readFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

/** Nothing is allowed unless named, and nothing from another origin: no media at all, and images only from the app
 * itself or inline (data:) in an article. The same policy as the meta element of src/renderer/index.html, plus
 * frame-ancestors, which a meta element cannot carry (csp.test.ts keeps the two equal). */
export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; media-src 'none'; object-src 'none'; frame-src 'none'; child-src 'none'; " +
  "worker-src 'self'; manifest-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

export async function serveStatic(root: string, urlPath: string, req: IncomingMessage, res: ServerResponse) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405).end()
    return
  }
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath)
  } catch {
    res.writeHead(400, { 'Content-Type': 'text/plain' }).end('Bad request')
    return
  }
  const rel = normalize(decoded).replace(/^([/\\])+/, '')
  const file = join(root, rel)
  if (!file.startsWith(root + sep) || rel.split(/[/\\]/).includes('..')) {
    res.writeHead(404).end()
    return
  }
  try {
    const body = await readFile(file)
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found')
  }
}
