import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { bundleChild } from '../../../test/reliability/bundle-child'
import type { BundledChild } from '../../../test/reliability/bundle-child'
import { serviceHarness } from '../../../test/service-harness'
import { sampleTarget, tempDir } from '../../../test/temp-archive'
import { archiveExportSource, runExport } from './run'
import type { ExportArgs } from './run'
import { createService } from '../service'
import { nodeExporter, processExporter, processFileExporter, runExportJob } from './job'
import type { ExportJobRequest } from './job'
import { nodeProcess } from '../jobs/job-process'
import type { JobProcess } from '../jobs/job-process'

// The export process as the app ships it (worker.ts bundled), for the tests that run a real one.
const worker = { file: '' }
let bundled: BundledChild | undefined
beforeAll(async () => {
  bundled = await bundleChild('src/main/export/worker.ts')
  worker.file = bundled.file
}, 120_000)
afterAll(async () => bundled?.dispose())

const TEXT = 'The air force said 520 drones were launched and 412 were shot down over the week.'

async function fixture() {
  const h = await serviceHarness()
  const a = await h.call('articles.create', { title: 'Drones', text: TEXT, tags: ['strikes'] })
  await h.call('articles.create', { title: 'Quiet', text: 'Nothing happened today.', tags: [] })
  await h.call('annotations.create', {
    articleId: a.id,
    target: sampleTarget(TEXT, '520 drones'),
    note: 'weekly count',
    tags: ['drones'],
    figure: { value: 520, unit: 'drones', metric: 'drones/launched' },
  })
  await h.call('annotations.create', { articleId: a.id, target: sampleTarget(TEXT, '412'), color: 'blue' })
  await h.call('tags.setColor', { name: 'drones', color: 'orange' })
  const c = await h.call('collections.create', { name: 'Winter' })
  await h.call('articles.bulkUpdate', { ids: [a.id], addCollections: [c.id] })
  return { ...h, a }
}

const FORMATS: ExportArgs[] = [
  { format: 'figures-csv', scope: {} },
  { format: 'highlights-csv', scope: { tag: 'strikes' }, options: { bom: true } },
  { format: 'markdown', scope: {}, options: { layout: 'per-article', groupBy: 'article' } },
  { format: 'markdown', scope: {}, options: { layout: 'combined', groupBy: 'tag' } },
  { format: 'jsonld', scope: {} },
  { format: 'csl', scope: {} },
  { format: 'json', scope: {} },
]

/** A job's `ask` answered from a selection, as the app answers it (without a process between). */
async function askFrom(source: ReturnType<typeof archiveExportSource>, args: ExportArgs) {
  const selection = await source.select(args.scope)
  return async (question: unknown) => {
    const { from, count } = question as { from: number; count: number }
    return selection.slice(from, count)
  }
}

describe('export jobs', () => {
  it('give, from the files and the slices the app sends, exactly the files the app would write itself', async () => {
    const h = await fixture()
    const source = archiveExportSource(h.archive)
    const at = '2024-03-01T00:00:00.000Z'
    for (const args of FORMATS) {
      const count = (await source.select(args.scope)).count
      const request: ExportJobRequest = {
        dir: h.archive.dir,
        count,
        tagColors: source.tagColors(),
        collections: source.collections(),
        args,
        generatedAt: at,
      }
      const job = await runExportJob(request, await askFrom(source, args))
      expect(job.files, JSON.stringify(args)).toEqual(await runExport(source, args, at))
      expect(job.peakRssMB).toBeGreaterThan(10)
    }
  })

  it('run in a real export process that asks the app for the catalog a slice at a time', async () => {
    const h = await fixture()
    // More articles than one slice (500), so the process asks more than once.
    for (let n = 0; n < 520; n++)
      await h.call('articles.create', { title: `Filler ${n}`, text: `Day ${n}.`, tags: [] })
    const source = archiveExportSource(h.archive)
    const at = '2024-03-01T00:00:00.000Z'
    const asked: unknown[] = []
    const flags: string[][] = []
    const start = (execArgv: string[]) => {
      flags.push(execArgv)
      const child = nodeProcess(worker.file, execArgv)
      return {
        ...child,
        onMessage: (listener: (m: unknown) => void) => child.onMessage((m) => (asked.push(m), listener(m))),
      }
    }
    for (const args of FORMATS) {
      const job = await processExporter(start)(h.archive, args, at)
      expect(job.files, JSON.stringify(args)).toEqual(await runExport(source, args, at))
    }
    const out = join(await tempDir(), 'figures.csv')
    const streamed = await processFileExporter(start)(
      h.archive,
      { format: 'figures-csv', scope: {} },
      at,
      out,
    )
    const [whole] = await runExport(source, { format: 'figures-csv', scope: {} }, at)
    expect(await readFile(out, 'utf8')).toBe(whole.content)
    expect(streamed.file.bytes).toBe(Buffer.byteLength(whole.content))
    // 522 articles: asked as two slices (500, then 22), never the whole catalog at once.
    const questions = asked.filter((m) => typeof (m as { ask?: unknown }).ask === 'number')
    expect(questions.slice(-2)).toEqual([
      expect.objectContaining({ question: { from: 0, count: 500 } }),
      expect.objectContaining({ question: { from: 500, count: 22 } }),
    ])
    // Every export process started with the larger young generation.
    expect(flags).toEqual(Array.from({ length: FORMATS.length + 1 }, () => ['--max-semi-space-size=64']))
  }, 60_000)

  it('refuse an unknown article in the app, with its error code, before starting a process', async () => {
    const h = await fixture()
    const start = vi.fn<() => JobProcess>()
    const exporter = processExporter(start)
    await expect(
      exporter(h.archive, { format: 'csl', scope: { articleIds: ['nosuch1'] } }, 'now'),
    ).rejects.toMatchObject({ code: 'not_found' })
    expect(start).not.toHaveBeenCalled()
  })

  it('fall back to exporting in this process when the export process fails', async () => {
    const h = await fixture()
    const worker = join(await tempDir(), 'crashing-worker.mjs')
    await writeFile(worker, "process.once('message', () => process.exit(9))\n")
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const service = createService({ archive: h.archive, version: 'test', exporter: nodeExporter(worker) })
    const files = await service['export.run']({ format: 'figures-csv', scope: {} })
    expect(files[0].content).toContain('weekly count')
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/export process failed .*exit code 9/))
    errors.mockRestore()
  })
})
