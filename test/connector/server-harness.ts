// Tests (Node): the browser connector's HTTP server on a real archive, for the connector's suites — started on a
// free port with its paired browsers kept in a user-data folder of its own, and raw requests with any Host and
// Origin (node:http, because fetch will not let a test set them).
import { readFile } from 'node:fs/promises'
import { request } from 'node:http'
import { join } from 'node:path'
import { expect } from 'vitest'
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

export async function pair(port: number, access: ConnectorAccess, origin = EXT): Promise<string> {
  const { code } = access.startPairing()
  const res = await post(
    port,
    '/v1/pair',
    { code: code.toLowerCase() },
    { origin, host: `127.0.0.1:${port}` },
  )
  expect(res.status).toBe(200)
  return (res.json as { value: { token: string } }).value.token
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
