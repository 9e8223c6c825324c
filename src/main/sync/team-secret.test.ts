// The team password: kept encrypted outside the archive when the system has a keychain (the desktop app's
// safeStorage, stood in for here by a SecretBox that cannot run outside Electron), for the session only when it
// has none (and in browser mode); after a real sync with it, it is in no file of the archive and no log line.
import { fork } from 'node:child_process'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { bundleChild } from '../../../test/reliability/bundle-child'
import type { BundledChild } from '../../../test/reliability/bundle-child'
import { serviceHarness } from '../../../test/service-harness'
import { startCouch } from '../../../test/sync/couch-server'
import type { CouchServer } from '../../../test/sync/couch-server'
import { sampleTarget, tempDir } from '../../../test/temp-archive'
import type { JobProcess } from '../jobs/job-process'
import { TeamSecrets } from './team-secret'
import type { SecretBox } from './team-secret'

let couch: CouchServer
let worker: BundledChild
beforeAll(async () => {
  ;[couch, worker] = await Promise.all([startCouch(), bundleChild('src/main/sync/sync-worker.ts')])
}, 120_000)
afterAll(async () => {
  await couch?.stop()
  await worker?.dispose()
})
afterEach(() => {
  vi.restoreAllMocks()
})

const PASSWORD = 'Zebra-7731-team-pass'
const TEXT = 'The harbour plan costs 40 million euros, the council said on Tuesday.'

/** A keychain stand-in: reversible, and the stored bytes never hold the password's text. */
function fakeKeychain(available = true): SecretBox & { calls: string[] } {
  const calls: string[] = []
  const flip = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a))
  return {
    calls,
    available: () => available,
    encrypt: (plain) => {
      calls.push('encrypt')
      return Buffer.concat([Buffer.from('v10'), flip(Buffer.from(plain, 'utf8'))])
    },
    decrypt: (data) => {
      calls.push('decrypt')
      if (!data.subarray(0, 3).equals(Buffer.from('v10'))) throw new Error('not ours')
      return flip(data.subarray(3)).toString('utf8')
    },
  }
}

/** Every file under `dir`, as bytes. */
async function filesUnder(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>()
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  for (const e of entries)
    if (e.isFile()) out.set(join(e.parentPath, e.name), await readFile(join(e.parentPath, e.name)))
  return out
}

/** The sync job with everything it prints captured (the app's jobs print to the app's log). */
function capturedJob(log: string[]): () => JobProcess {
  return () => {
    const child = fork(worker.file, [], {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
    })
    child.stdout!.on('data', (c: Buffer) => log.push(c.toString()))
    child.stderr!.on('data', (c: Buffer) => log.push(c.toString()))
    return {
      send: (m) => child.send(m as never),
      onMessage: (l) => child.on('message', l),
      onExit: (l) => {
        child.once('exit', (code, signal) => l(signal ?? `exit code ${code}`))
        child.once('error', (err) => l(err.message))
      },
      kill: () => child.kill(),
    }
  }
}

describe('the team password', () => {
  it('desktop app: stored encrypted outside the archive, used again after a restart', async () => {
    const url = await couch.team('secret1', { ann: PASSWORD })
    const dir = await tempDir()
    const secretsDir = await tempDir()
    const box = fakeKeychain()
    const log: string[] = []
    const open = () =>
      serviceHarness(dir, { syncJob: capturedJob(log), teamSecrets: new TeamSecrets(secretsDir, box) })
    const h = await open()
    // Whatever the app and its handlers print while this runs is the log.
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const)
      vi.spyOn(console, method).mockImplementation(
        (...args: unknown[]) => void log.push(args.map(String).join(' ')),
      )

    const status = await h.call('sync.configure', { remote: url, user: 'ann', password: PASSWORD })
    expect(status.password).toBe('stored')
    const article = await h.call('articles.create', { title: 'Harbour plan', text: TEXT })
    await h.call('annotations.create', {
      articleId: article.id,
      note: 'n',
      target: sampleTarget(TEXT, 'council'),
    })
    expect(await h.call('sync.run', {})).toMatchObject({ sent: 2 })

    // Restarted: the password comes back from the keychain; a sync needs nothing typed.
    const again = await open()
    await vi.waitFor(async () => expect((await again.call('sync.status', {})).password).toBe('stored'))
    expect(box.calls).toContain('decrypt')
    await again.call('annotations.create', {
      articleId: article.id,
      note: 'after restart',
      target: sampleTarget(TEXT, 'harbour'),
    })
    expect(await again.call('sync.run', {})).toMatchObject({ sent: 1 })

    // Nowhere in plain text: not in any file of the archive (its settings, state, the LevelDB replica), not in
    // the keychain's file, not in anything printed.
    const archiveFiles = await filesUnder(dir)
    expect([...archiveFiles.keys()].some((f) => f.includes(join('sync', 'replica')))).toBe(true)
    for (const [file, bytes] of archiveFiles) expect(bytes.includes(PASSWORD), file).toBe(false)
    const secretFiles = await filesUnder(secretsDir)
    expect(secretFiles.size).toBe(1)
    for (const [file, bytes] of secretFiles) expect(bytes.includes(PASSWORD), file).toBe(false)
    expect(log.join('\n')).not.toContain(PASSWORD)
    expect(JSON.stringify(await again.call('sync.status', {}))).not.toContain(PASSWORD)
  }, 120_000)

  it('no keychain (or browser mode): kept for the session only, nothing written, asked again after a restart', async () => {
    const url = await couch.team('secret2', { ann: PASSWORD })
    const dir = await tempDir()
    const secretsDir = await tempDir()
    for (const teamSecrets of [new TeamSecrets(secretsDir, fakeKeychain(false)), undefined]) {
      const h = await serviceHarness(dir, { ...(teamSecrets ? { teamSecrets } : {}) })
      const status = await h.call('sync.configure', { remote: url, user: 'ann', password: PASSWORD })
      expect(status.password).toBe('session')
      const restarted = await serviceHarness(dir, { ...(teamSecrets ? { teamSecrets } : {}) })
      // Give the start-up a moment's turn to (not) find a password.
      await new Promise((done) => setTimeout(done, 50))
      expect((await restarted.call('sync.status', {})).password).toBe('none')
    }
    expect((await filesUnder(secretsDir)).size).toBe(0)
    for (const [file, bytes] of await filesUnder(dir)) expect(bytes.includes(PASSWORD), file).toBe(false)
  }, 60_000)

  it('a stored password the keychain cannot open (another user, another machine) counts as none', async () => {
    const secretsDir = await tempDir()
    const key = { archiveDir: '/a', remote: 'http://127.0.0.1:9/t', user: 'ann' }
    expect(await new TeamSecrets(secretsDir, fakeKeychain()).save(key, PASSWORD)).toBe('stored')
    const other: SecretBox = {
      ...fakeKeychain(),
      decrypt: () => {
        throw new Error('cannot decrypt')
      },
    }
    expect(await new TeamSecrets(secretsDir, other).load(key)).toBeUndefined()
    expect(await new TeamSecrets(secretsDir, fakeKeychain()).load(key)).toBe(PASSWORD)
    await new TeamSecrets(secretsDir, fakeKeychain()).forget(key)
    expect(await new TeamSecrets(secretsDir, fakeKeychain()).load(key)).toBeUndefined()
  })
})
