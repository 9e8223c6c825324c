// Tests (Node): a streamed export's slices made by worker threads (slice-threads.ts) and written in order
// (run.ts's streamExport): the same bytes as the export made in one thread, the same refusal of a damaged file,
// and the export still whole when a thread cannot start. The threads load the TypeScript source through jiti,
// as the built export-worker.js loads itself.
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { serviceHarness } from '../../../test/service-harness'
import { sampleTarget, tempDir } from '../../../test/temp-archive'
import type { MadeSlice } from '../../shared/export'
import { jobExportSource } from './job'
import { archiveExportSource, runExport, streamExport } from './run'
import type { ExportArgs } from './run'
import { SliceThreads } from './slice-threads'
import type { StartSliceThread } from './slice-threads'

const SOURCE = join(__dirname, 'slice-threads.ts')
const BOOT = `
const { createJiti } = require('jiti')
createJiti(${JSON.stringify(__filename)}).import(${JSON.stringify(SOURCE)}).then((m) => m.serveSliceThread())
`

/** Threads running the source, counting the slices they answered. */
function jitiThreads() {
  const counted = { answers: 0 }
  const start: StartSliceThread = (workerData) => {
    const worker = new Worker(BOOT, { eval: true, workerData })
    worker.on('message', () => counted.answers++)
    return worker
  }
  return { start, counted }
}

const text = (n: number) =>
  `Report ${n}: the port handled ${n * 100} containers, said the authority.\n\nCrews, "tired", kept ${n} cranes working.`

async function fixture(articles = 9) {
  const h = await serviceHarness()
  const ids: string[] = []
  for (let n = 0; n < articles; n++) {
    const a = await h.call('articles.create', {
      title: `Port report ${n}`,
      text: text(n),
      source: n % 2 ? 'Wire, Inc.' : 'Daily',
      publishedAt: `2024-01-1${n}`,
      tags: n % 3 ? ['port'] : [],
    })
    ids.push(a.id)
    if (n === 3) continue // an article with nothing marked
    await h.call('annotations.create', {
      articleId: a.id,
      target: sampleTarget(text(n), `${n * 100} containers`),
      note: `Count ${n}, "weekly"\nsecond line`,
      tags: ['shipping'],
      figure: { value: n * 100, unit: 'containers', metric: 'port/containers' },
    })
    if (n % 4 !== 1)
      await h.call('annotations.create', { articleId: a.id, target: sampleTarget(text(n), 'tired') })
  }
  return { ...h, ids, out: await tempDir('glossa-export-threads-') }
}

/** The export process's source: the files on disk, for the slices of the catalog the app sends. */
function processSource(h: Awaited<ReturnType<typeof fixture>>, args: ExportArgs) {
  const list = h.archive.list()
  return jobExportSource(
    { dir: h.dir, args, generatedAt: AT, count: list.length, tagColors: {}, collections: [] },
    async (q) => list.slice(q.from, q.from + q.count),
  )
}

const AT = '2024-02-01T10:00:00.000Z'
const ARGS: ExportArgs[] = [
  { format: 'figures-csv', scope: {} },
  { format: 'figures-csv', scope: { tag: 'port' }, options: { bom: true } },
  { format: 'highlights-csv', scope: {} },
  { format: 'markdown', scope: {}, options: { layout: 'combined', groupBy: 'article' } },
  { format: 'markdown', scope: { metric: 'port' } },
]

describe('slices made by worker threads', () => {
  it.each(ARGS)(
    'write the same bytes as one thread: %j',
    async (args) => {
      const h = await fixture()
      const [whole] = await runExport(archiveExportSource(h.archive), args, AT)
      const { start, counted } = jitiThreads()
      const threads = new SliceThreads({ dir: h.dir, args, generatedAt: AT }, start, 2)
      try {
        // Two articles a slice: five slices over two threads, taken in order whichever is made first.
        const file = join(h.out, whole.name)
        const streamed = await streamExport(processSource(h, args), args, file, AT, 2, threads.apart)
        expect(streamed?.bytes).toBe(Buffer.byteLength(whole.content))
        expect(await readFile(file, 'utf8')).toBe(whole.content)
        expect(counted.answers).toBe(5)
      } finally {
        await threads.close()
      }
    },
    60_000,
  )

  it('refuse a damaged annotations file as one thread does, and leave no file', async () => {
    const h = await fixture()
    await writeFile(join(h.dir, 'annotations', `${h.ids[5]}.json`), '{"version":1,"annotations":[{')
    const args: ExportArgs = { format: 'markdown', scope: {} }
    const alone = await streamExport(processSource(h, args), args, join(h.out, 'a.md'), AT, 2).catch(
      (err: unknown) => err,
    )
    const { start } = jitiThreads()
    const threads = new SliceThreads({ dir: h.dir, args, generatedAt: AT }, start, 2)
    try {
      const apart = await streamExport(
        processSource(h, args),
        args,
        join(h.out, 'b.md'),
        AT,
        2,
        threads.apart,
      ).catch((err: unknown) => err)
      expect(alone).toMatchObject({ name: 'GlossaError', code: 'corrupt_file' })
      expect(apart).toMatchObject({
        name: 'GlossaError',
        code: 'corrupt_file',
        message: (alone as Error).message,
        file: (alone as { file: string }).file,
      })
      expect(await readdir(h.out)).toEqual([])
    } finally {
      await threads.close()
    }
  }, 60_000)

  it('are made here when a thread cannot start', async () => {
    const h = await fixture()
    const args: ExportArgs = { format: 'figures-csv', scope: {} }
    const [whole] = await runExport(archiveExportSource(h.archive), args, AT)
    const broken: StartSliceThread = (workerData) =>
      new Worker('throw new Error("no thread here")', { eval: true, workerData })
    const threads = new SliceThreads({ dir: h.dir, args, generatedAt: AT }, broken, 2)
    try {
      const file = join(h.out, 'figures.csv')
      await streamExport(processSource(h, args), args, file, AT, 2, threads.apart)
      expect(await readFile(file, 'utf8')).toBe(whole.content)
    } finally {
      await threads.close()
    }
  })

  it('are taken in the order of the selection, not the order they are made', async () => {
    const h = await fixture()
    const args: ExportArgs = { format: 'markdown', scope: {} }
    const [whole] = await runExport(archiveExportSource(h.archive), args, AT)
    // Each slice made here, the earlier ones answered later: the last slice is ready first.
    const threads = new SliceThreads({ dir: h.dir, args, generatedAt: AT }, () => {
      throw new Error('no threads')
    })
    let asked = 0
    const format = async (articles: Parameters<SliceThreads['make']>[0]): Promise<MadeSlice> => {
      const made = await threads.make(articles)
      await new Promise((resolve) => setTimeout(resolve, 60 - 10 * asked++))
      return made
    }
    const file = join(h.out, 'notes.md')
    await streamExport(processSource(h, args), args, file, AT, 2, { format, ahead: 5 })
    expect(await readFile(file, 'utf8')).toBe(whole.content)
    expect(asked).toBe(5)
  })
})
