// Tests (Node): an archive folder is hostile (a shared folder, a restored copy), and so is its sync/settings.json.
// Opening such an archive must not make Glossa write outside the archive, nor send its articles to a server that
// nobody on this machine chose; and a password never reaches the settings through an address that carries one.
// A real archive on disk, the real sync job process, a real HTTP server that records every request.
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSyncCommand } from '../../src/cli/sync-command'
import { Archive } from '../../src/main/archive/archive'
import { nodeProcess } from '../../src/main/jobs/job-process'
import { bundleChild } from '../reliability/bundle-child'
import type { BundledChild } from '../reliability/bundle-child'
import { serviceHarness } from '../service-harness'
import { tempDir } from '../temp-archive'

let worker: BundledChild
let server: Server
let url = ''
const requests: string[] = []
beforeAll(async () => {
  process.env.GLOSSA_SYNC_POLL_MS = '100'
  server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`)
    res.writeHead(200, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify({ db_name: 'team', update_seq: '1' }))
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/team`
  worker = await bundleChild('src/main/sync/sync-worker.ts')
}, 120_000)
afterAll(async () => {
  delete process.env.GLOSSA_SYNC_POLL_MS
  await new Promise((done) => server?.close(done))
  await worker?.dispose()
})

/** An archive with one article whose sync/settings.json was written by someone else. */
async function hostileArchive(settings: unknown) {
  const dir = await tempDir()
  // The Archive alone, not a service: the service's sync handlers would cache the settings before they are written.
  const archive = await Archive.open(dir)
  await archive.createArticle({ title: 'Private lead', text: 'The source said 12 boats left.', tags: [] })
  await archive.flush()
  await mkdir(join(dir, 'sync'), { recursive: true })
  await writeFile(join(dir, 'sync', 'settings.json'), JSON.stringify(settings))
  return dir
}

/** Several live sync periods (100 ms each), asking for the status as the window does. */
async function aWhile(h: Awaited<ReturnType<typeof serviceHarness>>) {
  for (let i = 0; i < 15; i++) {
    await h.call('sync.status', {})
    await new Promise((done) => setTimeout(done, 100))
  }
}

describe('a hostile sync/settings.json', () => {
  it('a "remote" that is a path is no team address: nothing is written outside the archive', async () => {
    const outside = join(await tempDir(), 'copied-here')
    const dir = await hostileArchive({ remote: outside, live: true })
    const h = await serviceHarness(dir, { syncJob: () => nodeProcess(worker.file) })
    await aWhile(h)
    const run = await h.call('sync.run', {}).catch((err: unknown) => err)
    expect(existsSync(outside)).toBe(false)
    expect(String(run)).toMatch(/Set the team database/)
    expect((await h.call('sync.status', {})).remote).toBeUndefined()
  })

  it('live sync to an address this machine never chose does not start when the archive opens', async () => {
    const dir = await hostileArchive({ remote: url, live: true })
    const h = await serviceHarness(dir, { syncJob: () => nodeProcess(worker.file) })
    await aWhile(h)
    expect(requests).toEqual([])
    const status = await h.call('sync.status', {})
    expect(status.live?.state).toBe('needs-password')
  })

  it('refuses an address with a user name or password in it, and never writes it to the settings', async () => {
    const dir = await tempDir()
    const h = await serviceHarness(dir)
    const secret = 'pw-in-the-address'
    await expect(
      h.call('sync.configure', { remote: `http://ann:${secret}@127.0.0.1:1/team`, user: 'ann' }),
    ).rejects.toThrow(/user name and password/)
    const settings = await readFile(join(dir, 'sync', 'settings.json'), 'utf8').catch(() => '')
    expect(settings).not.toContain(secret)
  })

  it('a settings file holding such an address is not read as a team', async () => {
    const dir = await hostileArchive({ remote: 'http://ann:pw@127.0.0.1:1/team', user: 'ann' })
    const h = await serviceHarness(dir)
    expect((await h.call('sync.status', {})).remote).toBeUndefined()
  })
})

describe('glossa sync --remote', () => {
  it('refuses an address with a password in it (it would sit in the shell history), naming where it goes', async () => {
    const archive = await Archive.open(await tempDir())
    const errors: string[] = []
    const code = await runSyncCommand(
      archive,
      { remote: 'https://ann:pw-in-history@couch.example.org/team', user: 'ann', json: false },
      () => nodeProcess(worker.file),
      () => {},
      (line) => errors.push(line),
    )
    expect(code).toBe(2)
    expect(errors.join('\n')).toMatch(/user name and password in it.*GLOSSA_SYNC_PASSWORD/)
    expect(errors.join('\n')).not.toContain('pw-in-history')
  })
})
