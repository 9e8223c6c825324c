// Tests (Node): exports streamed from the archive reader to a file (streamExport), on a real archive: the
// same bytes as the export built in memory, a slice at a time, the file whole or not there at all.
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { serviceHarness } from '../../../test/service-harness'
import { sampleTarget, tempDir } from '../../../test/temp-archive'
import { archiveExportSource, exportStream, runExport, streamExport } from './run'
import { STREAM_SCRATCH_PREFIX } from './scratch'
import type { ExportArgs, ExportSource } from './run'
import { jobExportSource, runExportFileJob } from './job'

const text = (n: number) =>
  `Report ${n}: the port handled ${n * 100} containers, said the authority.\n\nCrews, "tired", kept ${n} cranes working.`

async function fixture(articles = 7) {
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
    await h.call('annotations.create', {
      articleId: a.id,
      target: sampleTarget(text(n), 'tired'),
      color: 'blue',
    })
  }
  return { ...h, ids, out: await tempDir('glossa-export-') }
}

const STREAMED: ExportArgs[] = [
  { format: 'figures-csv', scope: {} },
  { format: 'figures-csv', scope: { tag: 'port' }, options: { bom: true } },
  { format: 'highlights-csv', scope: {} },
  { format: 'markdown', scope: {}, options: { layout: 'combined', groupBy: 'article' } },
  { format: 'markdown', scope: { metric: 'port' } },
]

describe('streamExport', () => {
  it.each(STREAMED)('writes the same bytes as the export held in memory: %j', async (args) => {
    const h = await fixture()
    const source = archiveExportSource(h.archive)
    const at = '2024-02-01T10:00:00.000Z'
    const [whole] = await runExport(source, args, at)
    // Two articles a slice: the file is written in four slices and must not show the seams.
    const file = join(h.out, whole.name)
    const streamed = await streamExport(source, args, file, at, 2)
    expect(streamed).toEqual({ name: whole.name, mime: whole.mime, bytes: Buffer.byteLength(whole.content) })
    expect(await readFile(file, 'utf8')).toBe(whole.content)
    expect(await readdir(h.out)).toEqual([whole.name])
  })

  it('writes each slice before it reads the next: memory holds one slice, however long the export', async () => {
    const h = await fixture()
    const base = archiveExportSource(h.archive)
    // At every read of an annotations file, how much of the export is on disk already (the scratch file, in the
    // export's scratch folder beside the target).
    const written: number[] = []
    const scratchFile = async () => {
      for (const dir of (await readdir(h.out)).filter((n) => n.startsWith(STREAM_SCRATCH_PREFIX))) {
        const name = (await readdir(join(h.out, dir))).find((n) => n.startsWith('.figures.csv.'))
        if (name) return join(h.out, dir, name)
      }
      return null
    }
    const source: ExportSource = {
      ...base,
      readAnnotations: async (id) => {
        const scratch = await scratchFile()
        written.push(scratch ? (await readFile(scratch)).length : 0)
        return base.readAnnotations(id)
      },
    }
    await streamExport(source, { format: 'figures-csv', scope: {} }, join(h.out, 'figures.csv'), undefined, 2)
    // Six articles have annotations; the first slice's reads find nothing written, the last slice's find the
    // rows of the slices before it.
    expect(written).toHaveLength(6)
    expect(written[0]).toBe(0)
    expect(written.at(-1)).toBeGreaterThan(0)
  })

  it('leaves no file and no temp file when a slice cannot be read', async () => {
    const h = await fixture()
    await writeFile(join(h.dir, 'annotations', `${h.ids[5]}.json`), '{"version":1,"annotations":[{')
    const file = join(h.out, 'notes.md')
    // As the export process reads it: the files on disk, for the slices of the catalog the app sends.
    const list = h.archive.list()
    const source = jobExportSource(
      {
        dir: h.dir,
        args: { format: 'markdown', scope: {} },
        generatedAt: 'now',
        count: list.length,
        tagColors: {},
        collections: [],
      },
      async (q) => list.slice(q.from, q.from + q.count),
    )
    await expect(
      streamExport(source, { format: 'markdown', scope: {} }, file, undefined, 2),
    ).rejects.toMatchObject({ code: 'corrupt_file' })
    expect(await readdir(h.out)).toEqual([])
  })

  it('writes the StreamWriter formats in file order; the export process streams the others its own ways', async () => {
    // The JSON backup is streamed in passes of its own (backup-stream.ts), Markdown by tag through spill files
    // (by-tag-stream.ts) and per article as a zip (zip.ts), not by a StreamWriter.
    expect(exportStream({ format: 'json', scope: {} }, 'x')).toBeNull()
    expect(exportStream({ format: 'markdown', scope: {}, options: { groupBy: 'tag' } }, 'x')).toBeNull()
    expect(
      exportStream({ format: 'markdown', scope: {}, options: { layout: 'per-article' } }, 'x'),
    ).toBeNull()
    const h = await fixture(2)
    const list = h.archive.list()
    const ask = async (q: unknown) => {
      const { from, count } = q as { from: number; count: number }
      return list.slice(from, from + count)
    }
    const request = {
      dir: h.dir,
      count: list.length,
      tagColors: {},
      collections: [],
      generatedAt: '2024-02-01T10:00:00.000Z',
    }
    const zip = await runExportFileJob(
      {
        ...request,
        args: { format: 'markdown', scope: {}, options: { layout: 'per-article' } },
        outFile: join(h.out, 'notes.zip'),
      },
      ask,
    )
    expect(zip.file).toMatchObject({ name: 'notes.zip', mime: 'application/zip' })
    const done = await runExportFileJob(
      { ...request, args: { format: 'figures-csv', scope: {} }, outFile: join(h.out, 'figures.csv') },
      ask,
    )
    expect(done.file.name).toBe('figures.csv')
    expect((await readFile(join(h.out, 'figures.csv'), 'utf8')).split('\r\n').length).toBe(4)
  })
})
