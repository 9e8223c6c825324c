// Tests (Node): the JSON exports (JSON backup, JSON-LD, CSL-JSON) written a slice of articles at a time are byte
// for byte what the formatters of the whole bundle wrote before (exportBackup, exportWebAnnotations,
// exportCslJson over gatherBundle, as run.ts did), on a real archive of a few hundred articles with annotations,
// an imported page's image, tag colours and collections: in memory (export.run), streamed to a file (the CLI and
// browser mode), and from a real export job asking the app in slices.
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { READER_DIR } from '../../../test/import/reader-score'
import { serviceHarness } from '../../../test/service-harness'
import { sampleTarget } from '../../../test/temp-archive'
import { exportBackup, exportCslJson, exportMarkdown, exportWebAnnotations } from '../../shared/export'
import type { ExportFile } from '../../shared/export'
import { readArticleAssets } from '../archive/backup-assets'
import { Importer } from '../importer'
import { runExportFileJob } from './job'
import { archiveExportSource, gatherBundle, runExport, streamExport, streamedFileOf } from './run'
import type { ExportArgs, ExportSource } from './run'

const ARTICLES = 300
const AT = '2024-02-01T10:00:00.000Z'
const text = (n: number) =>
  `Report ${n}: the port handled ${n * 100} containers, said the authority.\n\nCrews, "tired", kept ${n} cranes working — ünïcode “quotes”.`

/** What run.ts did before the JSON exports were written in slices: the whole bundle, formatted at once. */
async function before(source: ExportSource, args: ExportArgs): Promise<ExportFile> {
  const bundle = await gatherBundle(source, args.scope, AT)
  if (args.format === 'jsonld') return exportWebAnnotations(bundle)
  if (args.format === 'csl') return exportCslJson(bundle)
  const articles = []
  const assets = []
  for (const meta of bundle.articles) {
    articles.push(await source.getArticle(meta))
    assets.push(...(await readArticleAssets(source.dir, meta.id)).assets)
  }
  return exportBackup({
    generatedAt: AT,
    articles,
    annotations: bundle.annotations,
    tagColors: source.tagColors(),
    collections: source.collections(),
    ...(assets.length ? { assets } : {}),
  })
}

let h: Awaited<ReturnType<typeof serviceHarness>>
let out: string
let root: string
afterAll(() => rm(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }))
beforeAll(async () => {
  // Folders of its own, removed after the last test (tempDir's are removed after each test).
  root = await mkdtemp(join(tmpdir(), 'glossa-json-export-'))
  h = await serviceHarness(join(root, 'archive'))
  out = join(root, 'out')
  const collection = await h.call('collections.create', { name: 'Ports' })
  // An imported saved page with a stored image, so the backup carries an asset.
  const page = '00-standard-saved'
  const folder = join(out, 'saved')
  await mkdir(join(folder, `${page}_files`), { recursive: true })
  await copyFile(join(READER_DIR, `${page}.html`), join(folder, `${page}.html`))
  await copyFile(
    join(READER_DIR, `${page}_files/site-photo.png`),
    join(folder, `${page}_files/site-photo.png`),
  )
  const path = join(folder, `${page}.html`)
  const imported = await new Importer(h.archive).importBytes({
    name: path,
    bytes: await readFile(path),
    folder,
  })
  expect(imported.status).toBe('imported')
  for (let n = 0; n < ARTICLES; n++) {
    const a = await h.call('articles.create', {
      // Every tenth title the same: per-article Markdown keeps their file names apart across slices.
      title: n % 10 ? `Port report ${n}` : 'Port report',
      text: text(n),
      ...(n % 4 ? { source: n % 2 ? 'Wire, Inc.' : 'Daily', author: 'Ana Díaz and Bo Li' } : {}),
      ...(n % 5 ? { publishedAt: `2024-01-${String((n % 28) + 1).padStart(2, '0')}` } : {}),
      url: n % 3 ? `https://news.example/${n}` : undefined,
      tags: n % 3 ? ['port', 'war/air'] : [],
    })
    if (n % 7 === 0) await h.archive.updateArticle(a.id, { collections: [collection.id] })
    if (n % 6 === 5) continue // an article with nothing marked
    await h.call('annotations.create', {
      articleId: a.id,
      target: sampleTarget(text(n), `${n * 100} containers`),
      note: `Count ${n}, "weekly"\nsecond line`,
      tags: ['shipping'],
      ...(n % 2 ? { figure: { value: n * 100, unit: 'containers', metric: 'port/containers' } } : {}),
    })
    await h.call('annotations.create', {
      articleId: a.id,
      target: sampleTarget(text(n), 'tired'),
      color: 'blue',
    })
  }
  await h.call('tags.setColor', { name: 'port', color: 'green' })
}, 120_000)

const CASES: ExportArgs[] = [
  { format: 'json', scope: {} },
  { format: 'json', scope: { tag: 'shipping' } },
  { format: 'json', scope: { metric: 'port' } },
  { format: 'json', scope: { articleIds: ['nosuch12345a'].slice(1) } },
  { format: 'jsonld', scope: {} },
  { format: 'jsonld', scope: { tag: 'port' } },
  { format: 'csl', scope: {} },
  { format: 'csl', scope: { metric: 'port' } },
]

describe('the JSON exports written a slice at a time', () => {
  it.each(CASES)('are byte for byte the whole-bundle export: %j', async (args) => {
    const source = archiveExportSource(h.archive)
    const old = await before(source, args)
    expect(old.content.length).toBeGreaterThan(1)
    // In memory, 7 articles a slice: the file is written in many slices and must not show the seams.
    const [now] = await runExport(source, args, AT, 7)
    expect(now).toEqual(old)
    // Streamed to a file, as the CLI's --out and browser mode's download do.
    const file = join(out, `${args.format}-${JSON.stringify(args.scope).length}`)
    const streamed = await streamExport(source, args, file, AT, 7)
    expect(streamed).toEqual({ name: old.name, mime: old.mime, bytes: Buffer.byteLength(old.content) })
    expect(streamedFileOf(args)).toEqual({ name: old.name, mime: old.mime })
    expect(await readFile(file, 'utf8')).toBe(old.content)
  })

  it.each([{}, { metric: 'port' }, { tag: 'shipping' }])(
    'writes per-article Markdown a slice at a time as from the whole bundle, names kept apart: %j',
    async (scope) => {
      const source = archiveExportSource(h.archive)
      const options = { layout: 'per-article', groupBy: 'article' } as const
      const whole = exportMarkdown(await gatherBundle(source, scope, AT), options)
      expect(whole.length).toBeGreaterThan(7)
      expect(await runExport(source, { format: 'markdown', scope, options }, AT, 7)).toEqual(whole)
    },
  )

  it('carries the imported page’s image in the backup', async () => {
    const [backup] = await runExport(archiveExportSource(h.archive), { format: 'json', scope: {} }, AT, 7)
    const parsed = JSON.parse(backup.content) as { articles: unknown[]; assets?: unknown[] }
    expect(parsed.articles).toHaveLength(ARTICLES + 1)
    expect(parsed.assets).toHaveLength(1)
  })

  it('streams the backup from an export job that asks the app for its articles in slices', async () => {
    const source = archiveExportSource(h.archive)
    const old = await before(source, { format: 'json', scope: {} })
    const list = h.archive.list()
    const asked: number[] = []
    const done = await runExportFileJob(
      {
        dir: h.dir,
        args: { format: 'json', scope: {} },
        generatedAt: AT,
        count: list.length,
        tagColors: source.tagColors(),
        collections: source.collections(),
        outFile: join(out, 'job-backup.json'),
      },
      async (q) => {
        const { from, count } = q as { from: number; count: number }
        asked.push(from)
        return list.slice(from, from + count)
      },
    )
    expect(done.file.name).toBe('glossa-backup.json')
    expect(await readFile(join(out, 'job-backup.json'), 'utf8')).toBe(old.content)
    expect(asked.length).toBeGreaterThan(1)
  })
})
