// Tests (Node): a real CouchDB-protocol server for sync tests — pouchdb-server, in memory, on 127.0.0.1 at a
// free port, in a process of its own with a temp folder for its config and log. `team()` creates a database,
// an admin, members and optionally a read-only member (CouchDB's way: a validate_doc_update that refuses them).
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// Found through Node's resolution, so the bench's bundle (bench/results/dist) finds it too.
const BIN = createRequire(import.meta.url).resolve('pouchdb-server/bin/pouchdb-server')
export const ADMIN = { user: 'admin', password: 'admin-secret' }

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => done(port))
    })
  })
}

export type CouchServer = {
  url: string
  /** `http://127.0.0.1:port/<db>` after creating it with these members. */
  team(db: string, members: Record<string, string>, readOnly?: string[]): Promise<string>
  /** Stops the server (its clients find nothing there); `resume()` starts it again on the same port. */
  pause(): Promise<void>
  resume(): Promise<void>
  stop(): Promise<void>
}

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`

function launch(dir: string, port: number, inMemory: boolean): Promise<ChildProcess | undefined> {
  const child = spawn(
    process.execPath,
    [
      BIN,
      ...(inMemory ? ['--in-memory'] : []),
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--dir',
      dir,
      '--config',
      join(dir, 'config.json'),
    ],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  return new Promise((done) => {
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('has started')) done(child)
    })
    child.once('exit', () => done(undefined))
  })
}

const stopProcess = async (child: ChildProcess) => {
  child.kill()
  await new Promise((done) =>
    child.exitCode !== null || child.signalCode ? done(null) : child.once('exit', done),
  )
}

/**
 * `onDisk`: the databases live in the temp folder instead of memory, so `pause()` (the server stops: the network
 * is gone for its clients) and `resume()` (it starts again on the same port) keep them.
 */
export async function startCouch({ onDisk = false } = {}): Promise<CouchServer> {
  const dir = await mkdtemp(join(tmpdir(), 'glossa-couch-'))
  let child: ChildProcess | undefined
  let url = ''
  let port = 0
  for (let attempt = 0; attempt < 5 && !url; attempt++) {
    port = await freePort()
    child = await launch(dir, port, !onDisk)
    if (child) url = `http://127.0.0.1:${port}`
  }
  if (!url || !child) throw new Error('pouchdb-server did not start')
  const admin = { Authorization: basic(ADMIN.user, ADMIN.password), 'Content-Type': 'application/json' }
  const put = async (path: string, body: unknown, headers: Record<string, string> = admin) => {
    const res = await fetch(url + path, { method: 'PUT', headers, body: JSON.stringify(body) })
    if (!res.ok) throw new Error(`PUT ${path}: ${res.status} ${await res.text()}`)
  }
  await put(`/_config/admins/${ADMIN.user}`, ADMIN.password, { 'Content-Type': 'application/json' })
  let running: ChildProcess | undefined = child
  return {
    url,
    async team(db, members, readOnly = []) {
      await put(`/${db}`, {})
      for (const [name, password] of Object.entries(members))
        await put(`/_users/org.couchdb.user:${name}`, { name, password, roles: [], type: 'user' }).catch(
          (err: unknown) => {
            if (!String(err).includes('409')) throw err
          },
        )
      await put(`/${db}/_security`, {
        admins: { names: [], roles: [] },
        members: { names: Object.keys(members), roles: [] },
      })
      if (readOnly.length)
        await put(`/${db}/_design/read-only`, {
          validate_doc_update: `function (doc, old, user) { if (${JSON.stringify(readOnly)}.indexOf(user.name) >= 0) throw { forbidden: 'read-only member of this database' } }`,
        })
      return `${url}/${db}`
    },
    async pause() {
      if (running) await stopProcess(running)
      running = undefined
    },
    async resume() {
      for (let attempt = 0; attempt < 20 && !running; attempt++) {
        running = await launch(dir, port, !onDisk)
        if (!running) await new Promise((done) => setTimeout(done, 250))
      }
      if (!running) throw new Error('pouchdb-server did not start again')
    },
    async stop() {
      if (running) await stopProcess(running)
      await rm(dir, { recursive: true, force: true })
    },
  }
}
