// Main process, export job process and CLI: gathers what to export (a scope of articles and annotations)
// and runs the pure formatters from src/shared/export.
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import {
  combinedMarkdownStream,
  combinedMarkdownWriter,
  perArticleMarkdownFiles,
  perArticleMarkdownWriter,
  figuresCsvStream,
  figuresCsvWriter,
  highlightsCsvStream,
  highlightsCsvWriter,
} from '../../shared/export'
import type { ExportBundle, ExportFile, ExportWriter, StreamWriter } from '../../shared/export'
import { writerOf } from '../../shared/export/bundle'
import { BY_TAG_NAME, MARKDOWN_MIME } from '../../shared/export/markdown'
import { cslJsonStream, webAnnotationStream } from '../../shared/export/json-stream'
import { streamsToOneFile } from '../../shared/export/streamable'
import { mapLimit } from '../../shared/map-limit'
import { matchesFilter } from '../../shared/library-query'
import { articleHasTag, isWithinTag } from '../../shared/tags'
import type { Annotation, ArticleMeta } from '../../shared/types'
import type { Archive } from '../archive/archive'
import { writeAtomicChunks, writeAtomicStreamed } from '../archive/atomic'
import { backupChunks } from './backup-stream'
import { writeByTagMarkdown } from './by-tag-stream'
import { STREAM_SCRATCH_PREFIX, withScratch } from './scratch'
import { ZipMaker } from './zip'
import type { ExportArgs, ExportScope, ExportSource, Selection } from './source'

export type { CollectionName, ExportArgs, ExportScope, ExportSource, Selection } from './source'

const carries = (a: Annotation, tag: string) =>
  a.tags.some((t) => isWithinTag(t, tag)) || isWithinTag(a.figure?.metric, tag)

/** A selection over articles held already. */
export function selectionOf(articles: ArticleMeta[]): Selection {
  return { count: articles.length, slice: async (from, count) => articles.slice(from, from + count) }
}

export function archiveExportSource(archive: Archive): ExportSource {
  return {
    dir: archive.dir,
    // After a power cut the counts are read again in the background first: until then they may leave out
    // an acknowledged annotation (Archive.countsChecked).
    select: async (scope) => {
      await archive.countsChecked()
      return selectionOf(selectArticles(archive, scope))
    },
    readAnnotations: (id) => archive.readAnnotations(id),
    getArticle: (meta) => archive.getArticle(meta.id),
    tagColors: () =>
      Object.fromEntries(
        Object.entries(archive.tagStore.colors()).flatMap(([name, { color }]) =>
          color ? [[name, color]] : [],
        ),
      ),
    collections: () => archive.collections.all(),
  }
}

/** Everything a selection holds, for the formats that need every annotation at once. */
async function allOf(selection: Selection): Promise<ArticleMeta[]> {
  return selection.slice(0, selection.count)
}

/** Articles whose annotations are read at once while exporting a slice at a time. */
const SLICE_ARTICLES = 500
/** What a preview formats of its scope: the first articles (with a figure of the metric, when it has one). */
export const PREVIEW_ARTICLES = 20

/** The scope narrowed to its first PREVIEW_ARTICLES articles, which select the same annotations as before. */
async function previewScope(archive: ExportSource, scope: ExportScope): Promise<ExportScope> {
  let articles = await allOf(await archive.select(scope))
  const metric = scope.metric
  if (metric)
    articles = articles.filter((a) => Object.keys(a.annotationTags).some((t) => isWithinTag(t, metric)))
  return { ...scope, articleIds: articles.slice(0, PREVIEW_ARTICLES).map((a) => a.id) }
}

/**
 * The articles and annotations a scope selects. A tag selects articles tagged with it (all their annotations)
 * and annotations carrying it; a metric keeps only figures of that metric.
 */
export async function gatherBundle(
  archive: ExportSource,
  scope: ExportScope,
  generatedAt: string,
): Promise<ExportBundle> {
  return gatherSlice(archive, scope, generatedAt, await allOf(await archive.select(scope)))
}

/** The articles of the archive's catalog (newest first) that a scope selects, in that order. */
export function selectArticles(
  archive: { list(): ArticleMeta[]; meta(id: string): ArticleMeta },
  scope: ExportScope,
): ArticleMeta[] {
  // A copy: the catalog's own list is updated in place as saves land.
  let articles: ArticleMeta[] = [...archive.list()]
  if (scope.articleIds) {
    for (const id of scope.articleIds) archive.meta(id)
    const wanted = new Set(scope.articleIds)
    articles = articles.filter((a) => wanted.has(a.id))
  }
  const filter = scope.filter
  if (filter) articles = articles.filter((a) => matchesFilter(a, filter))
  if (scope.collection) articles = articles.filter((a) => a.collections?.includes(scope.collection!))
  const tag = scope.tag
  if (tag) articles = articles.filter((a) => articleHasTag(a, tag))
  return articles
}

/**
 * Whether an export in `format` reads an article's annotations file, by the catalog's counts (the export's
 * selection trusts them already: the app flushes acknowledged saves first). figures.csv has a row only for a
 * figure, so an article with highlights alone is not read: a quarter of the files of the bench's archive.
 */
export function readsAnnotationsOf(format: ExportArgs['format']): (article: ArticleMeta) => boolean {
  return format === 'figures-csv'
    ? (a) => a.counts.figures > 0
    : (a) => a.counts.highlights + a.counts.figures > 0
}

/** The annotations of these articles that the scope selects; articles a metric leaves empty are dropped. */
async function gatherSlice(
  archive: ExportSource,
  scope: ExportScope,
  generatedAt: string,
  articles: ArticleMeta[],
  reads = readsAnnotationsOf('markdown'),
): Promise<ExportBundle> {
  const tag = scope.tag
  // Read several annotation files at once: at 10,000 articles, one after another is most of the export's time.
  const lists = await mapLimit(articles, 16, async (article) => {
    let list = reads(article) ? await archive.readAnnotations(article.id) : []
    if (tag && !article.tags.some((t) => isWithinTag(t, tag))) list = list.filter((a) => carries(a, tag))
    if (scope.metric) list = list.filter((a) => a.figure && isWithinTag(a.figure.metric, scope.metric!))
    return list
  })
  const annotations: Annotation[] = []
  const kept: ArticleMeta[] = []
  articles.forEach((article, i) => {
    if (scope.metric && lists[i].length === 0) return
    annotations.push(...lists[i])
    kept.push(article)
  })
  return { generatedAt, articles: kept, annotations }
}

/**
 * Runs a slice-at-a-time writer over the scope, so the annotations of at most SLICE_ARTICLES articles are in
 * memory at once (100,000 annotations held together were most of an export's memory).
 */
async function writeBySlices(
  archive: ExportSource,
  scope: ExportScope,
  generatedAt: string,
  writer: ExportWriter,
  size: number,
  reads?: (article: ArticleMeta) => boolean,
): Promise<ExportFile[]> {
  for await (const slice of slicesOf(archive, scope, generatedAt, size, reads)) writer.add(slice)
  return writer.finish()
}

/** The scope's articles a slice at a time, each with its annotations, gathered when the slice is asked for. */
async function* slicesOf(
  archive: ExportSource,
  scope: ExportScope,
  generatedAt: string,
  size: number,
  reads?: (article: ArticleMeta) => boolean,
): AsyncGenerator<ExportBundle> {
  const articles = await archive.select(scope)
  for (let at = 0; at < articles.count; at += size)
    yield gatherSlice(archive, scope, generatedAt, await articles.slice(at, size), reads)
}

/** Markdown's layout as the export makes it: by tag (either layout), per article, or combined. */
function markdownLayout(args: ExportArgs): 'tag' | 'per-article' | 'combined' | null {
  if (args.format !== 'markdown') return null
  const o = args.options ?? {}
  if ((o.groupBy ?? 'article') === 'tag') return 'tag'
  return (o.layout ?? 'combined') === 'per-article' ? 'per-article' : 'combined'
}

/** Whether the export is per-article Markdown: several files, streamed into a zip or a folder. */
export function isPerArticle(args: ExportArgs): boolean {
  return markdownLayout(args) === 'per-article'
}

/** Per-article Markdown's files a slice of articles at a time, each slice's made when it is asked for. */
export async function* perArticleFiles(
  archive: ExportSource,
  args: ExportArgs,
  generatedAt: string,
  sliceArticles = SLICE_ARTICLES,
): AsyncGenerator<ExportFile> {
  const next = perArticleMarkdownFiles()
  for await (const slice of slicesOf(archive, args.scope, generatedAt, sliceArticles)) yield* next(slice)
}

/**
 * The files as one zip, each entry made as its file comes (zip.ts), dated the export's time; handed on a
 * megabyte or so at a time, since one write per file of 2 KB was most of the cost of writing them.
 */
async function* zipOf(files: AsyncIterable<ExportFile>, generatedAt: string): AsyncGenerator<Uint8Array> {
  const zip = new ZipMaker(new Date(generatedAt))
  let held: Buffer[] = []
  let bytes = 0
  for await (const file of files) {
    const entry = zip.entry(file.name, file.content)
    held.push(entry)
    bytes += entry.length
    if (bytes < ZIP_CHUNK) continue
    yield Buffer.concat(held)
    held = []
    bytes = 0
  }
  held.push(zip.end())
  yield Buffer.concat(held)
}
const ZIP_CHUNK = 1 << 20

/** `sliceArticles`: articles per slice for the formats written a slice at a time (tests make it small). */
export async function runExport(
  archive: ExportSource,
  args: ExportArgs,
  generatedAt = new Date().toISOString(),
  sliceArticles = SLICE_ARTICLES,
): Promise<ExportFile[]> {
  const o = args.options ?? {}
  const scope = o.preview ? await previewScope(archive, args.scope) : args.scope
  switch (args.format) {
    case 'figures-csv':
      return writeBySlices(
        archive,
        scope,
        generatedAt,
        figuresCsvWriter({ bom: o.bom }),
        sliceArticles,
        readsAnnotationsOf(args.format),
      )
    case 'highlights-csv':
      return writeBySlices(archive, scope, generatedAt, highlightsCsvWriter({ bom: o.bom }), sliceArticles)
    case 'markdown':
      if ((o.layout ?? 'combined') === 'combined' && (o.groupBy ?? 'article') === 'article')
        return writeBySlices(archive, scope, generatedAt, combinedMarkdownWriter(generatedAt), sliceArticles)
      if ((o.groupBy ?? 'article') === 'article')
        return writeBySlices(archive, scope, generatedAt, perArticleMarkdownWriter(), sliceArticles)
      return [{ ...BY_TAG_FILE, content: await byTagText(archive, scope, generatedAt, sliceArticles) }]
    case 'jsonld':
      return writeBySlices(
        archive,
        scope,
        generatedAt,
        writerOf(webAnnotationStream(generatedAt)),
        sliceArticles,
      )
    case 'csl':
      return writeBySlices(archive, scope, generatedAt, writerOf(cslJsonStream()), sliceArticles)
    case 'json': {
      const chunks: string[] = []
      for await (const chunk of backupOf(archive, scope, generatedAt, sliceArticles)) chunks.push(chunk)
      return [{ name: BACKUP_FILE.name, mime: BACKUP_FILE.mime, content: chunks.join('') }]
    }
  }
}

/** The temp folder's scratch folders of export.run's notes-by-tag.md (scratch.ts). */
const EXPORT_SCRATCH_PREFIX = 'glossa-export-'

/**
 * notes-by-tag.md as text (export.run): written as a stream into a private folder and read back, so the export
 * holds the file's text but never every annotation at once (their parsed form is several times the text).
 */
async function byTagText(
  archive: ExportSource,
  scope: ExportScope,
  generatedAt: string,
  sliceArticles: number,
): Promise<string> {
  return withScratch(tmpdir(), EXPORT_SCRATCH_PREFIX, async (dir) => {
    const file = join(dir, BY_TAG_NAME)
    await writeByTagMarkdown(file, slicesOf(archive, scope, generatedAt, sliceArticles), generatedAt)
    return readFile(file, 'utf8')
  })
}

/** The JSON backup of a scope, in chunks (backup-stream.ts). */
async function* backupOf(
  archive: ExportSource,
  scope: ExportScope,
  generatedAt: string,
  sliceArticles: number,
): AsyncGenerator<string> {
  const selection = await archive.select(scope)
  const gather = (articles: ArticleMeta[]) => gatherSlice(archive, scope, generatedAt, articles)
  yield* backupChunks(archive, selection, scope, generatedAt, gather, sliceArticles)
}

const BACKUP_FILE = { name: 'glossa-backup.json', mime: 'application/json' }
const BY_TAG_FILE = { name: BY_TAG_NAME, mime: MARKDOWN_MIME }
/** Per-article Markdown streamed to one file: a zip of its files. */
const PER_ARTICLE_ZIP = { name: 'notes.zip', mime: 'application/zip' }

/** The name and type of the file an export streams to, or null when it is not one file (see streamsToOneFile). */
export function streamedFileOf(args: ExportArgs): { name: string; mime: string } | null {
  if (args.format === 'json') return BACKUP_FILE
  if (markdownLayout(args) === 'tag') return BY_TAG_FILE
  if (markdownLayout(args) === 'per-article') return PER_ARTICLE_ZIP
  const stream = exportStream(args, '')
  return stream ? { name: stream.name, mime: stream.mime } : null
}
/**
 * The one-file formats written in file order a slice at a time, as streams; null for the others (the backup,
 * Markdown by tag and per article, which streamExport writes in their own ways).
 */
export function exportStream(args: ExportArgs, generatedAt: string): StreamWriter | null {
  const o = args.options ?? {}
  if (!streamsToOneFile(args)) return null
  if (args.format === 'figures-csv') return figuresCsvStream({ bom: o.bom })
  if (args.format === 'highlights-csv') return highlightsCsvStream({ bom: o.bom })
  if (args.format === 'jsonld') return webAnnotationStream(generatedAt)
  if (args.format === 'csl') return cslJsonStream()
  return markdownLayout(args) === 'combined' ? combinedMarkdownStream(generatedAt) : null
}

export type StreamedFile = { name: string; mime: string; bytes: number }

/**
 * Streams an export from the archive's reader to `file`: each slice of articles is read, formatted and
 * written before the next is read, so memory stays flat however many annotations the export holds. The
 * file appears whole (atomic.ts) once it is done. Null when the format cannot be streamed (see exportStream).
 */
export async function streamExport(
  archive: ExportSource,
  args: ExportArgs,
  file: string,
  generatedAt = new Date().toISOString(),
  sliceArticles = SLICE_ARTICLES,
): Promise<StreamedFile | null> {
  const layout = markdownLayout(args)
  if (layout === 'tag') {
    const slices = slicesOf(archive, args.scope, generatedAt, sliceArticles)
    return { ...BY_TAG_FILE, bytes: await writeByTagMarkdown(file, slices, generatedAt) }
  }
  const stream = exportStream(args, generatedAt)
  if (args.format !== 'json' && layout !== 'per-article' && !stream) return null
  // The scratch and temp files in a folder of this export's, which the next export here sweeps if this one is
  // killed (scratch.ts): nothing is left beside the target, and the target appears whole or not at all.
  return withScratch(dirname(file), STREAM_SCRATCH_PREFIX, async (dir): Promise<StreamedFile> => {
    if (args.format === 'json') {
      const chunks = backupOf(archive, args.scope, generatedAt, sliceArticles)
      const bytes = await writeAtomicStreamed(file, chunks, () => ({ head: '', tail: '' }), dir)
      return { ...BACKUP_FILE, bytes }
    }
    if (layout === 'per-article') {
      const files = perArticleFiles(archive, args, generatedAt, sliceArticles)
      return { ...PER_ARTICLE_ZIP, bytes: await writeAtomicChunks(file, zipOf(files, generatedAt), dir) }
    }
    const writer = stream!
    const articles = await archive.select(args.scope)
    const reads = readsAnnotationsOf(args.format)
    async function* slices(): AsyncGenerator<string> {
      for (let at = 0; at < articles.count; at += sliceArticles) {
        const slice = await articles.slice(at, sliceArticles)
        yield writer.add(await gatherSlice(archive, args.scope, generatedAt, slice, reads))
      }
    }
    const bytes = await writeAtomicStreamed(file, slices(), () => writer.end(), dir)
    return { name: writer.name, mime: writer.mime, bytes }
  })
}
