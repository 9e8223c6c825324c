// Main process without Electron: browser mode. Serves the built renderer and the same service over HTTP on
// 127.0.0.1, for e2e tests and for reading in any browser. Every API call needs the per-run token.
import { randomBytes } from 'node:crypto'
import { open } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pipeline } from 'node:stream/promises'
import type { Handlers } from '../shared/contract'
import { dispatch } from '../shared/dispatch'
import type { Downloads } from './downloads'
import { maxRequestBytes } from '../shared/request-limits'
import { MAX_JSON_DEPTH, nestsDeeperThan, readBodyCapped } from './request-body'
import { sameSecret } from './same-secret'
import { serveStatic } from './serve-static'

export type ServeOptions = {
  handlers: Handlers
  rendererDir: string
  port?: number
  token?: string
  /** Files offered for one download each (export.download); without it /download/ answers 404. */
  downloads?: Downloads
}
export type RunningServer = { url: string; token: string; port: number; close: () => Promise<void> }

export async function startServer({
  handlers,
  rendererDir,
  port = 0,
  token,
  downloads,
}: ServeOptions): Promise<RunningServer> {
  const secret = token ?? randomBytes(24).toString('base64url')
  const expected = `Bearer ${secret}`
  let origin = ''

  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) =>
      send(res, 500, { ok: false, error: { code: 'internal', message: String(err) } }),
    )
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A foreign Host or Origin means another site is reaching in (DNS rebinding, cross-site form): refuse.
    const host = req.headers.host ?? ''
    if (host !== origin.slice('http://'.length) && host !== `localhost:${new URL(origin).port}`) {
      return send(res, 403, { ok: false, error: { code: 'unauthorized', message: 'Foreign Host header.' } })
    }
    const reqOrigin = req.headers.origin
    if (reqOrigin !== undefined && reqOrigin !== origin && reqOrigin !== `http://${host}`) {
      return send(res, 403, { ok: false, error: { code: 'unauthorized', message: 'Foreign Origin header.' } })
    }
    const path = new URL(req.url ?? '/', origin).pathname
    if (path.startsWith('/download/')) return sendDownload(path.slice('/download/'.length), req, res)
    if (!path.startsWith('/api/')) return serveStatic(rendererDir, path, req, res)

    if (!sameSecret(req.headers.authorization ?? '', expected)) {
      return send(res, 401, {
        ok: false,
        error: { code: 'unauthorized', message: 'Missing or wrong token.' },
      })
    }
    if (req.method !== 'POST') {
      return send(res, 405, {
        ok: false,
        error: { code: 'invalid_argument', message: 'Use POST for API calls.' },
      })
    }
    let method: string
    try {
      method = decodeURIComponent(path.slice('/api/'.length))
    } catch {
      return send(res, 400, {
        ok: false,
        error: {
          code: 'invalid_argument',
          message: 'The method name in the address is not valid percent-encoding.',
        },
      })
    }
    // Refused unread past the method's limit: parsing and validating a huge body would stall every other call.
    const limit = maxRequestBytes(method)
    const raw = await readBodyCapped(req, limit)
    if (raw === undefined) {
      res.setHeader('Connection', 'close')
      return send(res, 413, {
        ok: false,
        error: {
          code: 'too_large',
          message: `The request is larger than the ${limit / 1024 / 1024} MB that ${method.slice(0, 100)} takes.`,
        },
      })
    }
    // JSON, refused as an argument is (200 with the refusal), before JSON.parse spends seconds on it.
    if (nestsDeeperThan(raw, MAX_JSON_DEPTH))
      return send(res, 200, {
        ok: false,
        error: {
          code: 'invalid_argument',
          message: `The request body nests arrays or objects deeper than ${MAX_JSON_DEPTH} levels; no Glossa call does.`,
        },
      })
    let args: unknown
    try {
      args = raw.length ? JSON.parse(raw) : {}
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      return send(res, 400, {
        ok: false,
        error: { code: 'invalid_argument', message: `The request body is not JSON: ${message}` },
      })
    }
    send(res, 200, await dispatch(handlers, method, args))
  }

  /**
   * A file offered by export.download, streamed from disk as the browser takes it (backpressure: the read
   * waits for the socket), then removed. The ticket in the address is the token for it: good once, for
   * TICKET_MS, issued only to a token-checked call; Host and Origin were checked above as for every request.
   */
  async function sendDownload(ticket: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET')
      return send(res, 405, {
        ok: false,
        error: { code: 'invalid_argument', message: 'Use GET for a download.' },
      })
    const offered = downloads?.take(ticket)
    if (!offered)
      return send(res, 404, {
        ok: false,
        error: { code: 'not_found', message: 'This download is not offered (it was taken or it expired).' },
      })
    const file = await open(offered.file, 'r')
    res.writeHead(200, {
      'Content-Type': /charset=/i.test(offered.mime) ? offered.mime : `${offered.mime}; charset=utf-8`,
      'Content-Length': String(offered.bytes),
      'Content-Disposition': `attachment; filename="${offered.name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(offered.name)}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    })
    const done = () => void downloads?.discard(offered.file)
    res.once('close', done)
    pipeline(file.createReadStream(), res).catch(() => {})
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const actual = (server.address() as AddressInfo).port
  origin = `http://127.0.0.1:${actual}`
  return {
    url: `${origin}/#token=${secret}`,
    token: secret,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        // Browsers keep connections alive; without this, close waits for them to time out.
        server.closeAllConnections()
      }),
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(json)
}
