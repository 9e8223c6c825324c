// Main process (the desktop app and `glossa serve`): the browser connector's HTTP server, on 127.0.0.1 only.
// Only a browser extension (Origin chrome-extension:// or moz-extension://) reaching a loopback Host may use it.
// The pairing key never travels (signature.ts): a hello names it by its id and gets our proof that we hold it,
// and every other call but pairing is signed with it. An older extension that still sends its token in a header
// is told to update, whatever the token. A request without an extension's Origin (a
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
import { helloRequestSchema, pairConfirmSchema, pairOpenSchema, saveRequestSchema } from './save'
import type { SaveReply, SaveRequest } from './save'
import { AUTH_HEADER, RequestGuard, sha256Hex } from './signature'

/** The port the extension tries unless told another (chosen to be unlikely taken; `--connector-port`). */
export const DEFAULT_CONNECTOR_PORT = 21787
/** The header in which an older extension sent its token (answered with OUTDATED, never checked). */
export const TOKEN_HEADER = 'x-glossa-token'
export const OUTDATED =
  'This Glossa extension is older than the Glossa app: it pairs or calls in a way Glossa no longer accepts. Update the extension (see “Save from the browser” in Glossa’s README), then pair it again if it asks.'
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

const ROUTES = new Set(['/v1/pair', '/v1/pair/confirm', '/v1/hello', '/v1/info', '/v1/save', '/v1/open'])
/** Pairing's two requests, the only ones not signed: they are how a key comes to be. */
const PAIRING = new Set(['/v1/pair', '/v1/pair/confirm'])

export async function startConnector(options: ConnectorOptions): Promise<RunningConnector> {
  const { access } = options
  const guard = new RequestGuard()
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
    const keyHeader = req.headers[AUTH_HEADER.key]
    const paired = await access.find(typeof keyHeader === 'string' ? keyHeader.slice(0, 64) : '', origin)
    const method = req.method ?? ''
    const declared = guard.verify({ key: paired?.hash, method, host, path, headers: req.headers })
    const authOk = PAIRING.has(path) || (path === '/v1/hello' ? paired !== undefined : declared !== undefined)
    if (!(hostOk && originOk && routeOk)) return originOk ? refuse(res) : hangUp(req)
    if (req.headers[TOKEN_HEADER] !== undefined) return outdated(res)
    if (!authOk) return refuse(res)

    const text = await readBodyCapped(req, path === '/v1/save' ? SAVE_LIMIT : SMALL_LIMIT)
    if (text === undefined)
      return reply(res, 413, {
        ok: false,
        error: { code: 'too_large', message: 'This page is too large for Glossa to save (over 64 MB).' },
        close: true,
      })
    // The signature covers the body's hash as declared; a body that is not the one signed is refused.
    if (declared !== undefined && sha256Hex(text) !== declared) return refuse(res)
    const body = parseJson(text)
    if (path === '/v1/pair') {
      // An older extension pairs in a way that no longer holds: the code itself (and a token back), or an
      // ECDH exchange whose proof let a program on the port test codes offline. Told to update, nothing spent.
      if (typeof body === 'object' && body !== null && ('code' in body || 'publicKey' in body))
        return outdated(res)
      const { sid, share } = parse(pairOpenSchema, body)
      return reply(res, 200, { ok: true, value: await access.openPairing({ sid, share, host, origin }) })
    }
    if (path === '/v1/pair/confirm') {
      const { sid, proof, name } = parse(pairConfirmSchema, body)
      const value = await access.confirmPairing({ sid, proof, origin, name: name ?? browserName(origin) })
      return reply(res, 200, { ok: true, value })
    }
    if (path === '/v1/hello' && paired) {
      const { nonce } = parse(helloRequestSchema, body)
      return reply(res, 200, { ok: true, value: guard.hello(paired.hash, host, nonce) })
    }
    if (path === '/v1/info') return reply(res, 200, { ok: true, value: options.info() })
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

/** Not 403: an older extension forgets its token on a 403 and asks to pair again, which could not help. */
function outdated(res: ServerResponse): void {
  reply(res, 426, { ok: false, error: { code: 'unauthorized', message: OUTDATED }, close: true })
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

/** The body's JSON; refused by name when it nests too deep or is not JSON. */
function parseJson(text: string): unknown {
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
