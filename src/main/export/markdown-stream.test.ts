// Tests (Node): Markdown by tag and per article written as the export reads its slices (#19), on a real archive
// of a few hundred articles: notes-by-tag.md byte for byte what the whole-bundle formatter (exportMarkdown)
// writes, however its blocks are spilled; per-article Markdown as a zip whose files are the whole-bundle
// formatter's, from the export job and through export.download; and into a folder by `glossa export --out`.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync, strFromU8 } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serviceHarness } from '../../../test/service-harness'
import { sampleTarget } from '../../../test/temp-archive'
import { exportMarkdown } from '../../shared/export'
import type { ExportBundle } from '../../shared/export'
import { Downloads } from '../downloads'
import { runExportCommand } from '../../cli/export-command'
import { writeByTagMarkdown } from './by-tag-stream'
import { runExportFileJob } from './job'
import { archiveExportSource, gatherBundle, runExport, streamExport, streamedFileOf } from './run'
import type { ExportArgs, ExportScope } from './run'

const ARTICLES = 160
const AT = '2024-02-01T10:00:00.000Z'
const text = (n: number) =>
  `Report ${n}: the port handled ${n * 100} containers, said the authority.\n\nCrews, "tired", kept ${n} cranes working.`
/** Tags in an order compareTags puts otherwise (case, nesting, a hyphen after a slash), some on few annotations. */
const TAG_SETS = [['shipping'], ['Port', 'war/air'], ['war', 'war-b'], [], ['war/air', 'shipping', 'a/b/c']]

let h: Awaited<ReturnType<typeof serviceHarness>>
let downloads: Downloads
let root: string
afterAll(async () => {
  await downloads.close()
  await rm(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })
})
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'glossa-md-stream-'))
  downloads = new Downloads()
  h = await serviceHarness(join(root, 'archive'), { downloads })
  for (let n = 0; n < ARTICLES; n++) {
    const a = await h.call('articles.create', {
      // Every tenth title the same: the per-article files' names are kept apart across slices.
      title: n % 10 ? `Port report ${n}` : 'Port report',
      text: text(n),
      source: n % 2 ? 'Wire, Inc.' : 'Daily',
      publishedAt: `2024-01-${String((n % 28) + 1).padStart(2, '0')}`,
      tags: n % 3 ? ['port'] : [],
    })
    if (n % 6 === 5) continue // an article with nothing marked
    await h.call('annotations.create', {
      articleId: a.id,
      target: sampleTarget(text(n), `${n * 100} containers`),
      note: `Count ${n}, "weekly"\nsecond line`,
      tags: TAG_SETS[n % TAG_SETS.length],
      ...(n % 2 ? { figure: { value: n * 100, unit: 'containers', metric: 'port/containers' } } : {}),
    })
    await h.call('annotations.create', {
      articleId: a.id,
      target: sampleTarget(text(n), 'tired'),
      color: 'blue',
      tags: TAG_SETS[(n + 2) % TAG_SETS.length],
    })
  }
}, 120_000)

const BY_TAG = { layout: 'combined', groupBy: 'tag' } as const
const PER_ARTICLE = { layout: 'per-article', groupBy: 'article' } as const
const SCOPES: ExportScope[] = [{}, { tag: 'port' }, { tag: 'war' }, { metric: 'port' }, { articleIds: [] }]

/** The whole bundle's slices of `size` articles each, with their annotations: what the export reads. */
async function* slicesOf(bundle: ExportBundle, size: number): AsyncGenerator<ExportBundle> {
  for (let at = 0; at < bundle.articles.length; at += size) {
    const articles = bundle.articles.slice(at, at + size)
    const ids = new Set(articles.map((a) => a.id))
    yield { ...bundle, articles, annotations: bundle.annotations.filter((a) => ids.has(a.articleId)) }
  }
}

describe('Markdown by tag written as the slices come', () => {
  it.each(SCOPES)('is byte for byte the whole-bundle formatter’s file: %j', async (scope) => {
    const source = archiveExportSource(h.archive)
    const [whole] = exportMarkdown(await gatherBundle(source, scope, AT), BY_TAG)
    const args: ExportArgs = { format: 'markdown', scope, options: BY_TAG }
    // Streamed to a file (the CLI's --out, the export process, browser mode), 7 articles a slice.
    const file = join(root, `by-tag-${SCOPES.indexOf(scope)}.md`)
    const streamed = await streamExport(source, args, file, AT, 7)
    expect(streamed).toEqual({
      name: 'notes-by-tag.md',
      mime: whole.mime,
      bytes: Buffer.byteLength(whole.content),
    })
    expect(streamedFileOf(args)).toEqual({ name: 'notes-by-tag.md', mime: whole.mime })
    expect(await readFile(file, 'utf8')).toBe(whole.content)
    // In memory (export.run), and with the per-article layout, which groups by tag the same way.
    expect(await runExport(source, args, AT, 7)).toEqual([whole])
    const perArticleByTag = { ...args, options: { ...BY_TAG, layout: 'per-article' as const } }
    expect(await runExport(source, perArticleByTag, AT, 3)).toEqual([whole])
    // No spill folder or scratch file is left beside the file.
    expect((await readdir(root)).filter((n) => n.startsWith('.'))).toEqual([])
  })

  it('is the same file when every block is spilled to its tag’s file as it comes', async () => {
    const bundle = await gatherBundle(archiveExportSource(h.archive), {}, AT)
    const [whole] = exportMarkdown(bundle, BY_TAG)
    expect(whole.content).toContain('## #war-b')
    expect(whole.content).toContain('## Untagged')
    const file = join(root, 'spilled.md')
    await writeByTagMarkdown(file, slicesOf(bundle, 5), AT, 1)
    expect(await readFile(file, 'utf8')).toBe(whole.content)
  })
})

describe('per-article Markdown written as the slices come', () => {
  it.each(SCOPES)('streams a zip of the whole-bundle formatter’s files, in order: %j', async (scope) => {
    const source = archiveExportSource(h.archive)
    const whole = exportMarkdown(await gatherBundle(source, scope, AT), PER_ARTICLE)
    const args: ExportArgs = { format: 'markdown', scope, options: PER_ARTICLE }
    const file = join(root, `per-article-${SCOPES.indexOf(scope)}.zip`)
    const streamed = await streamExport(source, args, file, AT, 7)
    expect(streamed).toMatchObject({ name: 'notes.zip', mime: 'application/zip' })
    const bytes = await readFile(file)
    expect(streamed!.bytes).toBe(bytes.length)
    const entries = unzipSync(bytes)
    expect(Object.keys(entries)).toEqual(whole.map((f) => f.name))
    expect(Object.values(entries).map((b) => strFromU8(b))).toEqual(whole.map((f) => f.content))
    // In memory (the desktop app's export.run) the files are the formatter's, 7 articles a slice.
    expect(await runExport(source, args, AT, 7)).toEqual(whole)
  })

  it('streams the zip from an export job that asks the app for its articles in slices', async () => {
    const source = archiveExportSource(h.archive)
    const whole = exportMarkdown(await gatherBundle(source, {}, AT), PER_ARTICLE)
    const list = h.archive.list()
    const asked: number[] = []
    const outFile = join(root, 'job.zip')
    const done = await runExportFileJob(
      {
        dir: h.dir,
        args: { format: 'markdown', scope: {}, options: PER_ARTICLE },
        generatedAt: AT,
        count: list.length,
        tagColors: {},
        collections: [],
        outFile,
      },
      async (q) => {
        const { from, count } = q as { from: number; count: number }
        asked.push(from)
        return list.slice(from, from + count)
      },
    )
    expect(done.file.name).toBe('notes.zip')
    const entries = unzipSync(await readFile(outFile))
    expect(Object.keys(entries)).toEqual(whole.map((f) => f.name))
    expect(strFromU8(entries[whole[5].name])).toBe(whole[5].content)
  })

  it('is offered by export.download as one zip, and by-tag Markdown as its file', async () => {
    const zip = await h.call('export.download', { format: 'markdown', scope: {}, options: PER_ARTICLE })
    expect(zip).toMatchObject({ name: 'notes.zip', mime: 'application/zip' })
    const offered = downloads.take(zip.url.split('/').pop()!)!
    // One file per article, marked or not.
    expect(Object.keys(unzipSync(await readFile(offered.file)))).toHaveLength(ARTICLES)
    const byTag = await h.call('export.download', { format: 'markdown', scope: {}, options: BY_TAG })
    const [whole] = await h.call('export.run', { format: 'markdown', scope: {}, options: BY_TAG })
    const file = downloads.take(byTag.url.split('/').pop()!)!.file
    // generatedAt is the service's clock, the same for both calls here.
    expect((await readFile(file, 'utf8')).replace(/^generated: .*$/m, '')).toBe(
      whole.content.replace(/^generated: .*$/m, ''),
    )
  })

  it('writes each file into the folder `glossa export --out` names, or a zip when it ends in .zip', async () => {
    const lines: string[] = []
    const folder = join(root, 'cli-notes')
    const flags = { format: 'md', layout: 'per-article', out: folder }
    expect(await runExportCommand(h.archive, flags, (l) => lines.push(l))).toBe(0)
    const [first] = await runExport(
      archiveExportSource(h.archive),
      { format: 'markdown', scope: {}, options: PER_ARTICLE },
      AT,
    )
    expect(lines).toHaveLength((await readdir(folder)).length)
    expect(lines[0]).toBe(`wrote ${join(folder, first.name)}`)
    expect(await readFile(join(folder, first.name), 'utf8')).toBe(first.content)
    const zip = join(root, 'cli.zip')
    await runExportCommand(h.archive, { ...flags, out: zip }, (l) => lines.push(l))
    expect(lines.at(-1)).toBe(`wrote ${zip}`)
    expect(Object.keys(unzipSync(await readFile(zip))).sort()).toEqual((await readdir(folder)).sort())
  })
})
