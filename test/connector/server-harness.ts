// Tests (Node): the browser connector's HTTP server on a real archive, for the connector's suites — started on a
// free port with its paired browsers kept in a user-data folder of its own, and raw requests with any Host and
// Origin (node:http, because fetch will not let a test set them). Pairing and signing use the extension's own
// code (extension/glossa-protocol.js), so these suites also show the two sides agree.
import { readFile } from 'node:fs/promises'
import { request } from 'node:http'
import { join } from 'node:path'
import { expect } from 'vitest'
import { freshNonce, helloProven, keyId, signRequest, startPairing } from '../../extension/glossa-protocol.js'
import { Archive } from '../../src/main/archive/archive'
import { ConnectorAccess } from '../../src/main/connector/access'
import { savePage } from '../../src/main/connector/save'
import { startConnector } from '../../src/main/connector/server'
import type { RunningConnector } from '../../src/main/connector/server'
import type { FetchImageOptions } from '../../src/main/import/fetch-image'
import { Importer } from '../../src/main/importer'
import { tempDir } from '../temp-archive'

export const EXT = `chrome-extension://${'abcdefghijklmnop'.repeat(2)}`
export const FIREFOX = 'moz-extension://1c0e5d5a-2b7e-4a0f-9b1d-3f4e5a6b7c8d'
export const PAGE = readFile(join(__dirname, '../fixtures/connector/harbour-article.html'), 'utf8')

let running: RunningConnector | null = null

/** Closes the server the last `start` opened (each suite calls it after each test). */
export async function stopRunning(): Promise<void> {
  await running?.close()
  running = null
}

export async function start(imageFetch: FetchImageOptions = {}) {
  const dir = await tempDir()
  const archive = await Archive.open(join(dir, 'archive'))
  const importer = new Importer(archive, undefined, undefined, imageFetch)
  const userDir = join(dir, 'user')
  const access = new ConnectorAccess({ archiveDir: archive.dir, userDir })
  running = await startConnector({
    access,
    port: 0,
    save: (req) => savePage({ archive, importer, now: () => new Date().toISOString() }, req),
    info: () => ({ version: 'test', collections: archive.collections.all(), tags: [] }),
  })
  const port = running.port
  return { archive, access, userDir, port, host: `127.0.0.1:${port}` }
}

export type Reply = { status: number; headers: Record<string, string | string[] | undefined>; json: unknown }

/** A request with exactly these headers; `body` is sent as JSON, or as it is when a string. */
export function post(
  port: number,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
  method = 'POST',
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let text = ''
      res.on('data', (c) => (text += c))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, json: text ? JSON.parse(text) : null }),
      )
    })
    req.on('error', reject)
    req.end(body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body))
  })
}

/**
 * Pairs over HTTP as the extension does, with `code`: both requests and their answers (for what crossed the
 * wire), and the key agreed, or undefined when the answers did not prove the code.
 */
export async function pairOverHttp(
  port: number,
  code: string,
  origin = EXT,
): Promise<{ wire: unknown[]; opened: Reply; confirmed?: Reply; key?: string }> {
  const host = `127.0.0.1:${port}`
  const pairing = await startPairing({ code, host })
  const opened = await post(port, '/v1/pair', pairing.body, { origin, host })
  const confirming = await pairing.confirm((opened.json as { value?: unknown }).value)
  if (!confirming) return { wire: [pairing.body, opened.json], opened }
  const confirmed = await post(port, '/v1/pair/confirm', confirming.body, { origin, host })
  const key = await confirming.finish((confirmed.json as { value?: unknown }).value)
  return { wire: [pairing.body, opened.json, confirming.body, confirmed.json], opened, confirmed, key }
}

/** Pairs as the extension does, with the code the app shows; returns the key agreed (hex). */
export async function pair(port: number, access: ConnectorAccess, origin = EXT): Promise<string> {
  const { code } = access.startPairing()
  const { opened, confirmed, key } = await pairOverHttp(port, code.toLowerCase(), origin)
  expect(opened.status).toBe(200)
  expect(confirmed?.status).toBe(200)
  if (!key) throw new Error('the connector did not prove it knows the pairing code')
  return key
}

/**
 * A hello sent with `key`'s id as the extension sends it, its answer unchecked: for the refusals. `host` and
 * `body` replace the connector's address and a fresh nonce.
 */
export async function sendHello(
  port: number,
  key: string,
  { origin = EXT, host = `127.0.0.1:${port}`, body }: { origin?: string; host?: string; body?: unknown } = {},
): Promise<Reply> {
  body ??= { nonce: freshNonce() }
  return post(port, '/v1/hello', body, { origin, host, 'x-glossa-key': await keyId(key) })
}

/** A hello as the extension sends it; the session it opened, once its proof is checked. */
export async function hello(port: number, key: string, origin = EXT): Promise<string> {
  const host = `127.0.0.1:${port}`
  const nonce = freshNonce()
  const res = await sendHello(port, key, { origin, body: { nonce } })
  expect(res.status).toBe(200)
  const value = (res.json as { value: { nonce: string } }).value
  expect(await helloProven(key, host, nonce, value)).toBe(true)
  return value.nonce
}

/**
 * The headers of a call signed as the extension signs it, after a hello of its own; `extra` adds or replaces
 * headers (origin and host default to the extension's and the connector's).
 */
export async function signed(
  port: number,
  key: string,
  path: string,
  body: unknown,
  extra: Record<string, string> = {},
): Promise<Record<string, string>> {
  const host = `127.0.0.1:${port}`
  const session = await hello(port, key, extra.origin ?? EXT)
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  const headers = await signRequest({ key, host, path, session, body: text })
  return lower({ origin: EXT, host, 'content-type': 'application/json', ...headers, ...extra })
}

const lower = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))

/** A signed call as the extension makes it. */
export async function call(
  port: number,
  key: string,
  path: string,
  body: unknown,
  origin = EXT,
): Promise<Reply> {
  return post(port, path, body, await signed(port, key, path, body, { origin }))
}

/** What the connector did with a request: its answer, or the connection ended with none (a closed port's way). */
export function outcome(
  port: number,
  path: string,
  headers: Record<string, string>,
  method?: string,
): Promise<Reply | 'no answer'> {
  return post(port, path, method ? undefined : {}, headers, method).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ECONNRESET') return 'no answer' as const
    throw err
  })
}

/** Pairs straight through `access` (no server), as the extension would at 127.0.0.1:21787: the record's id and the key. */
export async function pairWith(
  access: ConnectorAccess,
  { code = access.startPairing().code, origin = EXT, name = 'x' } = {},
): Promise<{ id: string; key: string }> {
  const host = '127.0.0.1:21787'
  const pairing = await startPairing({ code, host })
  const confirming = await pairing.confirm(await access.openPairing({ ...pairing.body, host, origin }))
  if (!confirming) throw new Error('the app sent no share')
  const { id, ...answer } = await access.confirmPairing({ ...confirming.body, origin, name })
  const key = await confirming.finish(answer)
  if (!key) throw new Error('the pairing answer did not prove the code')
  return { id, key }
}

/** The pairing a key belongs to, as the connector finds it for a request from `origin`. */
export const known = async (access: ConnectorAccess, key: string, origin = EXT) =>
  access.find(await keyId(key), origin)
