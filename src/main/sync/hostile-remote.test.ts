// A team server that is the attacker's, over real HTTP, with the sync job running as the app runs it (its own
// process, from the bundled sync worker): a server that never answers, one that stops halfway through an answer,
// one whose answer never ends, and one that sends the sync on to another address. Each fails the sync with its
// reason, soon, and the archive is left as it was.
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { diffSnapshots, snapshot } from '../../../test/reliability/archive-snapshot'
import { bundleChild } from '../../../test/reliability/bundle-child'
import type { BundledChild } from '../../../test/reliability/bundle-child'
import { serviceHarness } from '../../../test/service-harness'
import { TEXT } from '../../../test/sync/run-sync-suite'
import { tempDir } from '../../../test/temp-archive'
import { nodeProcess } from '../jobs/job-process'
import { remoteLimits } from './remote-fetch'
import { runSync } from './run-sync'

let worker: BundledChild
const env = { idle: process.env.GLOSSA_SYNC_IDLE_MS, max: process.env.GLOSSA_SYNC_MAX_BODY_BYTES }
beforeAll(async () => {
  // Short limits for the test; the job process inherits them.
  process.env.GLOSSA_SYNC_IDLE_MS = '1500'
  process.env.GLOSSA_SYNC_MAX_BODY_BYTES = String(4 * 1024 * 1024)
  worker = await bundleChild('src/main/sync/sync-worker.ts')
}, 120_000)
afterAll(async () => {
  for (const [name, value] of [
    ['GLOSSA_SYNC_IDLE_MS', env.idle],
    ['GLOSSA_SYNC_MAX_BODY_BYTES', env.max],
  ] as const)
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  await worker?.dispose()
})

const INFO = JSON.stringify({ db_name: 'team', doc_count: 0, update_seq: '0', instance_start_time: '0' })

/** A server answering the database's info like a CouchDB, and everything else with `rest`. */
async function hostile(rest: (req: IncomingMessage, res: ServerResponse) => void) {
  const sockets = new Set<Socket>()
  const server: Server = createServer((req, res) => {
    if (req.method === 'GET' && (req.url === '/team/' || req.url === '/team')) {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      return res.end(INFO)
    }
    rest(req, res)
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/team`,
    close: () => {
      for (const socket of sockets) socket.destroy()
      return new Promise<void>((done) => server.close(() => done()))
    },
  }
}

/** One sync of a fresh archive holding an article with `url`; what it threw, how long it took, what changed. */
async function syncWith(url: string) {
  const a = await serviceHarness(await tempDir())
  await a.call('articles.create', { title: 'Harbour plan', text: TEXT })
  await a.archive.flush()
  const before = await snapshot(a.dir)
  const started = Date.now()
  const error = await runSync(a.archive, { url, username: 'ann', password: 'pw-ann' }, () =>
    nodeProcess(worker.file),
  ).then(
    () => undefined,
    (err: unknown) => err as { code?: string; message?: string },
  )
  const changed = diffSnapshots(before, await snapshot(a.dir)).filter((line) => !line.includes('sync/'))
  return { error, seconds: (Date.now() - started) / 1000, changed }
}

describe('a hostile team server', () => {
  it('that takes the connection and never answers: the sync ends as unreachable, the archive untouched', async () => {
    // On the old code this sync never ended (and every later sync queued behind it).
    const server = await hostile(() => {})
    try {
      const { error, seconds, changed } = await syncWith(server.url)
      expect(error).toMatchObject({
        code: 'unreachable',
        message: expect.stringContaining('stopped answering'),
      })
      expect(error?.message).toContain('nothing for 2 s')
      expect(seconds).toBeLessThan(20)
      expect(changed).toEqual([])
    } finally {
      await server.close()
    }
  }, 40_000)

  it('that stops halfway through an answer: unreachable, soon', async () => {
    const server = await hostile((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.write('{"results":[')
    })
    try {
      const { error, seconds, changed } = await syncWith(server.url)
      expect(error).toMatchObject({
        code: 'unreachable',
        message: expect.stringContaining('stopped answering'),
      })
      expect(seconds).toBeLessThan(20)
      expect(changed).toEqual([])
    } finally {
      await server.close()
    }
  }, 40_000)

  it('that drips its answer a byte at a time: ended as too slow, not waited on', async () => {
    // Never silent for the idle limit, so only the progress rule ends it; on the old code it went on for hours.
    const server = await hostile((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      const drip = setInterval(() => (res.destroyed ? clearInterval(drip) : res.write(' ')), 200)
    })
    try {
      const { error, seconds, changed } = await syncWith(server.url)
      expect(error).toMatchObject({
        code: 'unreachable',
        message: expect.stringContaining('answers too slowly'),
      })
      expect(seconds).toBeLessThan(20)
      expect(changed).toEqual([])
    } finally {
      await server.close()
    }
  }, 40_000)

  it('whose answer never ends: refused at the limit, not gathered until memory runs out', async () => {
    let sent = 0
    const chunk = Buffer.alloc(256 * 1024, 0x20)
    const server = await hostile((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.write('{"results":[')
      // An endless body; kept to 64 MB here so that the old code, which read on, waits (and the test fails)
      // rather than filling the test machine's memory.
      const pump = () => {
        while (sent < 64 * 1024 * 1024 && !res.destroyed) {
          sent += chunk.length
          if (!res.write(chunk)) return void res.once('drain', pump)
        }
      }
      pump()
    })
    try {
      const { error, seconds, changed } = await syncWith(server.url)
      expect(error).toMatchObject({
        code: 'remote_error',
        message: expect.stringContaining('longer than Glossa reads (4 MB)'),
      })
      expect(seconds).toBeLessThan(20)
      expect(sent).toBeLessThan(64 * 1024 * 1024)
      expect(changed).toEqual([])
    } finally {
      await server.close()
    }
  }, 40_000)

  it('that sends the sync on to another address: not followed, the password stays here', async () => {
    const seen: (string | undefined)[] = []
    const elsewhere = await hostile((req, res) => {
      seen.push(req.headers.authorization)
      res.writeHead(404, { 'Content-Type': 'application/json' })
      res.end('{"error":"not_found"}')
    })
    const target = new URL(elsewhere.url)
    // Another port of the same host: node-fetch's rule (same host name) kept the Authorization header.
    const server = await hostile((req, res) => {
      res.writeHead(307, { Location: `http://${target.host}${req.url}` })
      res.end()
    })
    try {
      const { error, changed } = await syncWith(server.url)
      expect(seen).toEqual([])
      expect(error).toMatchObject({
        code: 'remote_error',
        message: expect.stringContaining(`sent the sync on to http://${target.host}/team/`),
      })
      expect(error?.message).not.toContain('pw-ann')
      expect(changed).toEqual([])
    } finally {
      await server.close()
      await elsewhere.close()
    }
  }, 40_000)

  it('whose error is a megabyte long: the message keeps 300 characters of it', async () => {
    const reason = 'r'.repeat(1024 * 1024)
    const server = await hostile((_req, res) => {
      res.writeHead(500, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ error: 'internal_server_error', reason }))
    })
    try {
      const { error } = await syncWith(server.url)
      expect(error).toMatchObject({
        code: 'remote_error',
        message: expect.stringContaining('answered 500: '),
      })
      expect(error!.message!.length).toBeLessThan(500)
    } finally {
      await server.close()
    }
  }, 40_000)

  it('the limits: a minute of silence and the longest string V8 makes, unless the environment says', () => {
    expect(remoteLimits({})).toEqual({ idleMs: 60_000, maxBodyBytes: 536_870_888 })
    expect(remoteLimits({ GLOSSA_SYNC_IDLE_MS: '-1', GLOSSA_SYNC_MAX_BODY_BYTES: 'x' })).toEqual(
      remoteLimits({}),
    )
  })
})
