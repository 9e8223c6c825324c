// Tests (Node): a Markdown export by tag killed with SIGKILL (a real child process, by-tag-spill-child.ts) while
// its blocks are spilled, or while the document is being written from the spill files; figures.csv killed as it
// streams; per-article files killed while written into a folder. What each leaves is one private folder beside
// the target, which the next export into that folder removes — never the folder of an export still running
// beside it — and the target is the old file (the folder without the new files) until the whole is in place.
import { spawn, execFile } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serviceHarness } from '../service-harness'
import { sampleTarget, tempDir } from '../temp-archive'
import { SPILL_PREFIX } from '../../src/main/export/by-tag-stream'
import { archiveExportSource, perArticleFiles, runExport, streamExport } from '../../src/main/export/run'
import { writeExportFiles } from '../../src/main/export/write-files'
import type { ExportArgs } from '../../src/main/export/run'
import { bundleChild } from './bundle-child'
import type { BundledChild } from './bundle-child'
import { runUntilKilled } from './kill-child'

const AT = '2024-02-01T10:00:00.000Z'
const BY_TAG: ExportArgs = { format: 'markdown', scope: {}, options: { layout: 'combined', groupBy: 'tag' } }
const OLD = 'an older notes-by-tag.md, whole\n'

let child: BundledChild
let h: Awaited<ReturnType<typeof serviceHarness>>
let expected: string
let archiveDir: string
beforeAll(async () => {
  child = await bundleChild('test/reliability/by-tag-spill-child.ts')
  // Not a tempDir(): those are removed after each test, and this archive serves them all.
  archiveDir = await mkdtemp(join(tmpdir(), 'glossa-spill-archive-'))
  h = await serviceHarness(archiveDir)
  for (let n = 0; n < 8; n++) {
    const text = `Report ${n}: the port handled ${n * 100} containers, said the authority.`
    const a = await h.call('articles.create', { title: `Port ${n}`, text })
    await h.call('annotations.create', {
      articleId: a.id,
      target: sampleTarget(text, `${n * 100} containers`),
      note: `Count ${n}`,
      tags: n % 2 ? ['port', 'war/air'] : ['shipping'],
    })
  }
  await h.archive.flush()
  ;[{ content: expected }] = await runExport(archiveExportSource(h.archive), BY_TAG, AT)
}, 120_000)
afterAll(async () => {
  await child?.dispose()
  await rm(archiveDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })
})

const spillFolders = async (dir: string) =>
  (await readdir(dir)).filter((name) => name.startsWith(SPILL_PREFIX)).sort()

/** The next export by tag into `target`, in this process. */
const exportAgain = (target: string) => streamExport(archiveExportSource(h.archive), BY_TAG, target, AT)

/** Starts a child and resolves with it once it has spilled its first slice and stopped at its gate. */
function startHeld(target: string, gate: string, mode: 'split' | 'whole' | 'csv' | 'folder') {
  const proc = spawn(process.execPath, [child.file, h.dir, target, gate, mode], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const lines: string[] = []
  const ended = new Promise<number | null>((resolve) => proc.on('close', (code) => resolve(code)))
  const spilled = new Promise<void>((resolve, reject) => {
    createInterface({ input: proc.stdout }).on('line', (line) => {
      lines.push(line)
      if (line.startsWith('spilled ')) resolve()
    })
    void ended.then(() => reject(new Error(`child ended before it spilled:\n${stderr}${lines.join('\n')}`)))
  })
  return spilled.then(() => ({ proc, lines, ended }))
}

describe('a by-tag export killed mid-spill', () => {
  it('leaves a folder the next export removes, and a live export’s folder beside it is untouched', async () => {
    const out = await tempDir('glossa-spill-out-')
    const target = join(out, 'notes-by-tag.md')
    await writeFile(target, OLD)

    const killedGate = await tempDir('glossa-gate-')
    const lines = await runUntilKilled(child.file, [h.dir, target, killedGate, 'split'], (line, kill) => {
      if (line.startsWith('spilled ')) kill(0)
    })
    expect(lines).toEqual([expect.stringMatching(/^spilled \d+$/)])
    const [left, ...more] = await spillFolders(out)
    expect(more).toEqual([])
    // The kill landed mid-spill: the first slice's blocks are in the folder, the target is the old file.
    expect((await readdir(join(out, left))).length).toBeGreaterThan(0)
    expect(await readFile(target, 'utf8')).toBe(OLD)

    // A second export into the same folder, alive and stopped mid-spill while the next one runs.
    const liveGate = await tempDir('glossa-gate-')
    const live = await startHeld(target, liveGate, 'split')
    try {
      const [liveFolder] = (await spillFolders(out)).filter((name) => name !== left)
      expect(liveFolder).toBeDefined()
      const liveFiles = (await readdir(join(out, liveFolder))).sort()

      await exportAgain(target)
      // The killed export's folder is gone; the live one's is there with what it spilled.
      expect(await spillFolders(out)).toEqual([liveFolder])
      expect((await readdir(join(out, liveFolder))).sort()).toEqual(liveFiles)
      expect(await readFile(target, 'utf8')).toBe(expected)

      await writeFile(join(liveGate, 'go'), '')
      expect(await live.ended).toBe(0)
      expect(live.lines.at(-1)).toBe('done')
    } finally {
      live.proc.kill('SIGKILL')
    }
    expect(await spillFolders(out)).toEqual([])
    expect(await readFile(target, 'utf8')).toBe(expected)
  }, 120_000)

  it('killed while writing the document: the target stays the old file, and nothing is left after the next export', async () => {
    const out = await tempDir('glossa-spill-out-')
    const target = join(out, 'notes-by-tag.md')
    await writeFile(target, OLD)
    const gate = await tempDir('glossa-gate-')
    const held = await startHeld(target, gate, 'whole')
    try {
      const [folder] = await spillFolders(out)
      // Every spill file becomes a named pipe with no writer: opening it to copy it into the document blocks,
      // so the export stops inside the document's write, its temp file begun, until it is killed.
      for (const name of await readdir(join(out, folder))) {
        await rm(join(out, folder, name))
        await promisify(execFile)('mkfifo', [join(out, folder, name)])
      }
      await writeFile(join(gate, 'go'), '')
      const temp = /^\.notes-by-tag\.md\.[0-9a-f]{8}\.tmp$/
      const hasTemp = async () =>
        [...(await readdir(out)), ...(await readdir(join(out, folder)).catch(() => []))].some((n) =>
          temp.test(n),
        )
      await expect.poll(hasTemp, { timeout: 30_000 }).toBe(true)
      expect(held.lines).not.toContain('done')
    } finally {
      held.proc.kill('SIGKILL')
    }
    await held.ended
    expect(await readFile(target, 'utf8')).toBe(OLD)
    // What the kill left is the one folder (its temp file inside it), nothing beside the target.
    expect((await readdir(out)).sort()).toEqual(
      await spillFolders(out).then((f) => [...f, 'notes-by-tag.md']),
    )
    expect(await spillFolders(out)).toHaveLength(1)

    await exportAgain(target)
    expect(await readdir(out)).toEqual(['notes-by-tag.md'])
    expect(await readFile(target, 'utf8')).toBe(expected)
  }, 120_000)

  it('figures.csv killed mid-stream: its scratch and temp files are in one folder, swept by the next export', async () => {
    const out = await tempDir('glossa-spill-out-')
    const target = join(out, 'figures.csv')
    await writeFile(target, OLD)
    const gate = await tempDir('glossa-gate-')
    const lines = await runUntilKilled(child.file, [h.dir, target, gate, 'csv'], (line, kill) => {
      if (line.startsWith('spilled ')) kill(0)
    })
    expect(lines).toEqual([expect.stringMatching(/^spilled \d+$/)])
    expect(await readFile(target, 'utf8')).toBe(OLD)
    const left = (await readdir(out)).filter((n) => n !== 'figures.csv')
    expect(left).toEqual([expect.stringMatching(/^\.glossa-export-/)])
    // The first half's rows were written to the scratch file in it when the kill came.
    expect((await readdir(join(out, left[0]))).length).toBe(1)

    const args: ExportArgs = { format: 'figures-csv', scope: {} }
    await streamExport(archiveExportSource(h.archive), args, target, AT)
    expect(await readdir(out)).toEqual(['figures.csv'])
    const [whole] = await runExport(archiveExportSource(h.archive), args, AT)
    expect(await readFile(target, 'utf8')).toBe(whole.content)
  }, 120_000)

  it('per-article files into a folder, killed midway: none appear until all are made; the next export sweeps', async () => {
    const out = await tempDir('glossa-spill-out-')
    const gate = await tempDir('glossa-gate-')
    const lines = await runUntilKilled(child.file, [h.dir, out, gate, 'folder'], (line, kill) => {
      if (line.startsWith('spilled ')) kill(0)
    })
    expect(lines).toEqual([expect.stringMatching(/^spilled \d+$/)])
    // The first half's files were made when the kill came, in the scratch folder only.
    const left = await readdir(out)
    expect(left).toEqual([expect.stringMatching(/^\.glossa-export-/)])
    expect((await readdir(join(out, left[0]))).length).toBeGreaterThan(0)

    const args: ExportArgs = { format: 'markdown', scope: {}, options: { layout: 'per-article' } }
    const wrote: string[] = []
    await writeExportFiles({
      files: perArticleFiles(archiveExportSource(h.archive), args, AT),
      out,
      perArticle: true,
      wrote: (path) => wrote.push(path),
    })
    const whole = await runExport(archiveExportSource(h.archive), args, AT)
    expect((await readdir(out)).sort()).toEqual(whole.map((f) => f.name).sort())
    expect(wrote).toEqual(whole.map((f) => join(out, f.name)))
    for (const f of whole) expect(await readFile(join(out, f.name), 'utf8')).toBe(f.content)
  }, 120_000)
})
