// Tests (Node): `glossa export` run on an archive that `glossa serve` holds while it is still reading every
// article's annotation counts again after an unexpected shutdown — both real processes of the CLI, built from src.
// The archive is left as a power cut leaves it (saves on disk, the catalog's counts and tags from before them, an
// open mark from an earlier boot), and the serve's recount is held after its first article (GLOSSA_TEST_RECOUNT_GATE,
// test-gate.ts). The export opened beside it used to read the stale catalog at once and leave out what only the
// later saves tagged; it now says it waits, and exports every figure once the recount is done.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { cp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { articleFile } from '../../src/main/archive/ids'
import { OPEN_MARK_FILE, readOpenMark } from '../../src/main/archive/open-mark'
import type { OpenMark } from '../../src/main/archive/open-mark'
import { IN_FLIGHT_FILE } from '../../src/main/archive/saves-in-flight'
import { serviceHarness } from '../service-harness'
import { sampleTarget, tempDir } from '../temp-archive'
import { bundleChild } from './bundle-child'
import type { BundledChild } from './bundle-child'

const DAY = 24 * 3600 * 1000
const ARTICLES = [111, 222, 333]

let cli: BundledChild
beforeAll(async () => {
  cli = await bundleChild('src/cli/index.ts')
}, 90_000)
afterAll(() => cli?.dispose())

/** An archive as a power cut leaves it: each article's 'after-cut' figure on disk, its catalog entry without it. */
async function archiveAfterPowerCut(): Promise<string> {
  const h = await serviceHarness()
  const ids: string[] = []
  for (const n of ARTICLES) {
    const text = `Crews repaired ${n} substations and ${n + 1} lines overnight.`
    const a = await h.call('articles.create', { title: `Repairs ${n}`, text })
    ids.push(a.id)
    await h.call('annotations.create', {
      articleId: a.id,
      target: sampleTarget(text, `${n + 1} lines`),
      figure: { value: n + 1, metric: 'grid/lines' },
      tags: ['before-cut'],
    })
  }
  await h.archive.flush()
  const before = await tempDir()
  await cp(join(h.dir, 'catalog'), join(before, 'catalog'), { recursive: true })
  for (const [i, n] of ARTICLES.entries()) {
    const text = `Crews repaired ${n} substations and ${n + 1} lines overnight.`
    await h.call('annotations.create', {
      articleId: ids[i],
      target: sampleTarget(text, `${n} substations`),
      figure: { value: n, metric: 'grid/substations' },
      tags: ['after-cut'],
    })
  }
  await h.archive.flush()
  await rm(join(h.dir, 'catalog'), { recursive: true, force: true })
  await cp(join(before, 'catalog'), join(h.dir, 'catalog'), { recursive: true })
  await rm(join(h.dir, IN_FLIGHT_FILE), { force: true })
  const left: OpenMark = {
    pid: 4_194_400,
    host: hostname(),
    bootedAt: Date.now() - 3 * DAY,
    openedAt: new Date(Date.now() - 3 * DAY).toISOString(),
  }
  await writeFile(join(h.dir, OPEN_MARK_FILE), JSON.stringify(left))
  return h.dir
}

/** `node <cli> ...args`, with the trust key and default archive in a folder of the test's. */
function glossa(args: string[], env: Record<string, string>) {
  const proc = spawn(process.execPath, [cli.file, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  })
  const out = { stdout: '', stderr: '' }
  proc.stdout!.on('data', (chunk: Buffer) => (out.stdout += chunk.toString()))
  proc.stderr!.on('data', (chunk: Buffer) => (out.stderr += chunk.toString()))
  const ended = new Promise<number | null>((resolve) => proc.on('close', (code) => resolve(code)))
  return { proc, out, ended }
}

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  )

describe('glossa export beside a glossa serve still recounting', () => {
  it('waits, saying so, and exports what the stale counts left out', async () => {
    const dir = await archiveAfterPowerCut()
    const gate = await tempDir('glossa-gate-')
    const env = { XDG_CONFIG_HOME: await tempDir() }
    let serve: { proc: ChildProcess; out: { stderr: string }; ended: Promise<number | null> } | null = null
    try {
      serve = glossa(['serve', '--archive', dir, '--port', '0', '--connector-port', '0'], {
        ...env,
        GLOSSA_TEST_RECOUNT_GATE: gate,
      })
      const servePid = serve.proc.pid
      // The serve has opened the archive and its recount is under way (held after its first article).
      await expect
        .poll(
          async () => {
            const mark = await readOpenMark(dir)
            return mark !== null && mark !== 'unreadable' && mark.pid === servePid && mark.recount === true
          },
          { timeout: 60_000 },
        )
        .toBe(true)

      const csv = join(await tempDir(), 'after-cut.csv')
      const exporting = glossa(
        ['export', '--archive', dir, '--format', 'csv', '--tag', 'after-cut', '--out', csv],
        env,
      )
      try {
        await expect
          .poll(() => exporting.out.stderr, { timeout: 30_000 })
          .toContain('checking annotation counts after an unexpected shutdown')
        // Nothing is written while the recount is under way.
        expect(await exists(csv)).toBe(false)
      } finally {
        await writeFile(join(gate, 'go'), '')
      }
      expect(await exporting.ended).toBe(0)
      expect(exporting.out.stdout).toContain(`wrote ${csv}`)
      const rows = (await readFile(csv, 'utf8')).trim().split('\n').slice(1)
      // Every article's after-cut figure, none of the figures from before the cut.
      expect(rows).toHaveLength(ARTICLES.length)
      for (const n of ARTICLES) expect(rows.some((row) => row.includes(`Repairs ${n}`))).toBe(true)
      // The serve's recount is done and on disk.
      const mark = await readOpenMark(dir)
      expect(mark).toMatchObject({ pid: servePid })
      expect(mark).not.toHaveProperty('recount')
    } finally {
      serve?.proc.kill('SIGTERM')
      await serve?.ended
    }
  }, 180_000)

  it('opening such an archive itself, the export says it recounts first, holds the lock meanwhile, and has every figure', async () => {
    const dir = await archiveAfterPowerCut()
    const gate = await tempDir('glossa-gate-')
    const csv = join(await tempDir(), 'after-cut.csv')
    const env = { XDG_CONFIG_HOME: await tempDir() }
    const exporting = glossa(
      ['export', '--archive', dir, '--format', 'csv', '--tag', 'after-cut', '--out', csv],
      { ...env, GLOSSA_TEST_RECOUNT_GATE: gate },
    )
    try {
      await expect
        .poll(() => exporting.out.stderr, { timeout: 30_000 })
        .toContain('Checking annotation counts after an unexpected shutdown')
      expect(await exists(csv)).toBe(false)
      // The export is the archive's writer while it recounts: a glossa serve started now is refused, by name,
      // rather than counting and writing the same catalog beside it.
      const serve = glossa(['serve', '--archive', dir, '--port', '0', '--connector-port', '0'], env)
      try {
        await expect
          .poll(() => serve.out.stderr, { timeout: 30_000 })
          .toContain('This archive is already open in another Glossa (glossa export, process')
        expect(await serve.ended).not.toBe(0)
      } finally {
        serve.proc.kill('SIGTERM')
      }
    } finally {
      await writeFile(join(gate, 'go'), '')
    }
    expect(await exporting.ended).toBe(0)
    const rows = (await readFile(csv, 'utf8')).trim().split('\n').slice(1)
    expect(rows).toHaveLength(ARTICLES.length)
    // The lock goes with the export.
    expect(await exists(join(dir, '.lock'))).toBe(false)
  }, 120_000)
})

/** The catalog's buckets, not its caches (dot files: the trust snapshot, the library's head and rows, which say
 * what bucket text they were made from and are made again when it differs). */
async function catalogFiles(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(join(dir, 'catalog'))).filter((n) => !n.startsWith('.')).sort()
  return Object.fromEntries(
    await Promise.all(names.map(async (n) => [n, await readFile(join(dir, 'catalog', n), 'utf8')])),
  )
}

describe('glossa export beside a glossa serve', () => {
  it('writes nothing in the archive: counts to mend are the holder’s, not a reader’s', async () => {
    const h = await serviceHarness()
    const text = 'Crews repaired 40 substations overnight.'
    const article = await h.call('articles.create', { title: 'Repairs', text })
    const saved = await h.call('annotations.create', {
      articleId: article.id,
      target: sampleTarget(text, '40 substations'),
      figure: { value: 40, metric: 'grid/substations' },
    })
    const file = articleFile(h.dir, 'annotations', article.id)
    const annotations = await readFile(file, 'utf8')
    await h.call('annotations.delete', { articleId: article.id, id: saved.id })
    await h.archive.flush()
    const env = { XDG_CONFIG_HOME: await tempDir() }
    const serve = glossa(['serve', '--archive', h.dir, '--port', '0', '--connector-port', '0'], env)
    try {
      await expect
        .poll(async () => ((await readOpenMark(h.dir)) as OpenMark | null)?.pid, { timeout: 60_000 })
        .toBe(serve.proc.pid)
      // As the serve's save leaves it between the annotations file and the catalog entry that counts it.
      await writeFile(file, annotations)
      const before = await catalogFiles(h.dir)
      const csv = join(await tempDir(), 'figures.csv')
      const exporting = glossa(['export', '--archive', h.dir, '--format', 'csv', '--out', csv], env)
      expect(await exporting.ended).toBe(0)
      expect(await catalogFiles(h.dir)).toEqual(before)
      expect(await readOpenMark(h.dir)).toMatchObject({ pid: serve.proc.pid })
    } finally {
      serve.proc.kill('SIGTERM')
      await serve.ended
    }
  }, 120_000)
})
