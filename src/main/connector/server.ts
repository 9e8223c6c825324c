// Main process (the desktop app and `glossa serve`): the browser connector's HTTP server, on 127.0.0.1 only.
// Only a browser extension (Origin chrome-extension:// or moz-extension://) reaching a loopback Host may use it;
// every call but pairing carries the extension's token in a header. A request without an extension's Origin (a
// web page's, or none) gets no answer at all: its connection is reset unanswered, as at a closed port, so a page
// cannot tell from the outcome that something listens (timing still can: README). An extension's request that
// breaks a rule gets one and the same 403, after the same checks, so nothing tells which check failed. No CORS
// headers are ever sent.
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { z } from 'zod'
import { GlossaError } from '../../shared/errors'
import { idSchema } from '../../shared/schemas'
import { MAX_JSON_DEPTH, nestsDeeperThan, readBodyCapped } from '../request-body'
import type { ConnectorAccess } from './access'
import { pairRequestSchema, saveRequestSchema } from './save'
import type { SaveReply, SaveRequest } from './save'

/** The port the extension tries unless told another (chosen to be unlikely taken; `--connector-port`). */
export const DEFAULT_CONNECTOR_PORT = 21787
/** The header carrying an extension's token: never a cookie, never in the address. */
export const TOKEN_HEADER = 'x-glossa-token'
const EXTENSION_ORIGIN = /^(chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[0-9a-f-]{36})$/
/** A page's HTML may be large (the contract allows 20 million characters): 64 MB; anything else 16 KB. */
const SAVE_LIMIT = 64 * 1024 * 1024
const SMALL_LIMIT = 16 * 1024

export type ConnectorInfo = { version: string; collections: { id: string; name: string }[]; tags: string[] }
export type ConnectorOptions = {
  access: ConnectorAccess
  port?: number
  save: (request: SaveRequest) => Promise<SaveReply>
  info: () => ConnectorInfo
  /** Shows an article in the app's window; false where there is none to show it in (browser mode). */
  open?: (id: string) => boolean
}
export type RunningConnector = { port: number; close: () => Promise<void> }

const ROUTES = new Set(['/v1/pair', '/v1/hello', '/v1/save', '/v1/open'])

export async function startConnector(options: ConnectorOptions): Promise<RunningConnector> {
  const { access } = options
  let port = 0
  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (err instanceof GlossaError)
        return reply(res, 400, { ok: false, error: { code: err.code, message: err.message } })
      reply(res, 500, { ok: false, error: { code: 'internal', message: String(err) } })
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Every check runs for every request, whatever fails first: refusals cost the same and read the same.
    const host = req.headers.host ?? ''
    const hostOk = host === `127.0.0.1:${port}` || host === `localhost:${port}`
    const origin = req.headers.origin ?? ''
    const originOk = EXTENSION_ORIGIN.test(origin)
    const path = (req.url ?? '').split('?')[0]
    const routeOk = req.method === 'POST' && ROUTES.has(path) && !(req.url ?? '').includes('?')
    const header = req.headers[TOKEN_HEADER]
    const token = typeof header === 'string' ? header.slice(0, 200) : ''
    const paired = await access.check(token, origin)
    const tokenOk = path === '/v1/pair' || paired !== undefined
    if (!(hostOk && originOk && routeOk && tokenOk)) return originOk ? refuse(res) : hangUp(req)

    const body = await readJson(req, path === '/v1/save' ? SAVE_LIMIT : SMALL_LIMIT)
    if (body === undefined)
      return reply(res, 413, {
        ok: false,
        error: { code: 'too_large', message: 'This page is too large for Glossa to save (over 64 MB).' },
        close: true,
      })
    if (path === '/v1/pair') {
      const { code, name } = parse(pairRequestSchema, body)
      const value = await access.pair({ code, origin, name: name ?? browserName(origin) })
      return reply(res, 200, { ok: true, value })
    }
    if (path === '/v1/hello') return reply(res, 200, { ok: true, value: options.info() })
    if (path === '/v1/open') {
      const { id } = parse(idBody, body)
      return reply(res, 200, { ok: true, value: { opened: options.open?.(id) ?? false } })
    }
    const value = await options.save(parse(saveRequestSchema, body))
    // The page is saved whatever happens to this note of when the token was last used.
    if (paired) await access.touch(paired.id).catch(() => {})
    reply(res, 200, { ok: true, value })
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? DEFAULT_CONNECTOR_PORT, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  access.status = { listening: true, port }
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        access.status = { listening: false }
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

const idBody = z.object({ id: idSchema }).strict()

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const checked = schema.safeParse(body)
  if (!checked.success) {
    const issue = checked.error.issues[0]
    const where = issue.path.length ? `${issue.path.join('.')}: ` : ''
    throw new GlossaError(
      'invalid_argument',
      `The extension sent something Glossa cannot read (${where}${issue.message}).`,
    )
  }
  return checked.data
}

const browserName = (origin: string): string =>
  origin.startsWith('moz-extension:') ? 'Firefox extension' : 'Chromium extension'

/** No answer: the connection ends as one to a closed port does, with nothing for a web page to read. */
function hangUp(req: IncomingMessage): void {
  req.socket.resetAndDestroy()
}

function refuse(res: ServerResponse): void {
  reply(res, 403, { ok: false, error: { code: 'unauthorized', message: 'Refused.' }, close: true })
}

function reply(
  res: ServerResponse,
  status: number,
  body: { close?: boolean } & Record<string, unknown>,
): void {
  const { close, ...rest } = body
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(close ? { Connection: 'close' } : {}),
  })
  res.end(JSON.stringify(rest))
}

/** The JSON body, or undefined once it proves larger than `limit` bytes (the rest is never read). */
async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const text = await readBodyCapped(req, limit)
  if (text === undefined) return undefined
  if (nestsDeeperThan(text, MAX_JSON_DEPTH))
    throw new GlossaError(
      'invalid_argument',
      `The extension sent JSON nested deeper than ${MAX_JSON_DEPTH} levels.`,
    )
  try {
    return text ? JSON.parse(text) : {}
  } catch {
    throw new GlossaError('invalid_argument', 'The extension sent something that is not JSON.')
  }
}
