import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { serviceHarness } from '../../../test/service-harness'
import { sampleTarget, tempDir } from '../../../test/temp-archive'
import { archiveExportSource, runExport } from './run'
import type { ExportArgs } from './run'
import { createService } from '../service'
import { nodeExporter, processExporter, runExportJob } from './job'
import type { ExportJobRequest } from './job'
import type { JobProcess } from '../jobs/job-process'

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

describe('export jobs', () => {
  it('give, from the files and what the app sends, exactly the files the app would write itself', async () => {
    const h = await fixture()
    const source = archiveExportSource(h.archive)
    const at = '2024-03-01T00:00:00.000Z'
    for (const args of FORMATS) {
      const request: ExportJobRequest = {
        dir: h.archive.dir,
        metas: source.list(),
        tagColors: source.tagColors(),
        collections: source.collections(),
        args,
        generatedAt: at,
      }
      const job = await runExportJob(request)
      expect(job.files, JSON.stringify(args)).toEqual(await runExport(source, args, at))
      expect(job.peakRssMB).toBeGreaterThan(10)
    }
  })

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
