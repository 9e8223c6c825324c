// Main process and CLI: imports documents into the archive — parse, refuse duplicates, store — and reports
// one result per document, so a bad file says what is wrong and the rest go on.
import { detectLanguage } from '../shared/figures/lang'
import type { z } from 'zod'
import type { importResultSchema } from '../shared/contract-reading'
import { GlossaError, toErrorShape } from '../shared/errors'
import { withoutUndefined } from '../shared/objects'
import { looksLikeBackup, parseBackup } from '../shared/export'
import { normalizePlainText, textToHtml } from '../shared/text-model'
import type { Archive } from './archive/archive'
import { describeRefused, describeRemoved, restoreBackup } from './archive/restore-backup'
import type { StoredImage } from './archive/assets'
import { ImportError, fetchPage } from './import'
import type { FetchImageOptions } from './import/fetch-image'
import type { ImageSource } from './import/image-assets'
import { resolveImages } from './import/image-assets'
import type { ImportedDoc } from './import'
import { inProcessParser } from './jobs/parse-service'
import type { DocumentParser } from './jobs/parse-service'

export type ImportResult = z.infer<typeof importResultSchema>
export type ImportMeta = { source?: string; tags?: string[] }
type Fetch = typeof fetchPage

export class Importer {
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly archive: Archive,
    private readonly fetch: Fetch = fetchPage,
    /** Where pages are parsed: a parse process in the app and browser mode (jobs/), else this process. */
    readonly parser: DocumentParser = inProcessParser,
    /** How article images are downloaded for web addresses (tests point it at a local server). */
    private readonly imageFetch: FetchImageOptions = {},
  ) {
    // Bodies restored whole (backups, snapshots, the trash) are sanitized where pages are parsed, bounded alike.
    archive.useBodyGate(parser.admit)
  }

  /**
   * `folder` is where a saved page's own image files are ("Page_files/…" beside it); only callers that read the
   * file from disk themselves (the command line, files opened with the app) pass it.
   */
  importBytes(
    input: { name: string; bytes: Uint8Array; url?: string; folder?: string; password?: string } & ImportMeta,
  ): Promise<ImportResult> {
    if (/\.json$/i.test(input.name)) {
      const text = new TextDecoder().decode(input.bytes)
      if (looksLikeBackup(input.name, text)) return this.restore(input.name, text)
    }
    const { name, bytes, url, folder, password } = input
    return this.guard(
      input.name,
      () =>
        this.parser.document({
          name,
          bytes,
          keepImages: !!folder,
          ...(url ? { url } : {}),
          ...(password ? { password } : {}),
        }),
      { source: input.source, tags: input.tags },
      undefined,
      folder ? { folder } : undefined,
    )
  }

  /** A Glossa JSON backup: every article comes back under its own id, with its annotations. */
  private async restore(name: string, text: string): Promise<ImportResult> {
    const parsed = parseBackup(text)
    if ('problem' in parsed) return { name, status: 'failed', message: `${name}: ${parsed.problem}` }
    const run = this.queue.then(() => restoreBackup(this.archive, parsed.backup))
    this.queue = run.catch(() => {})
    try {
      const s = await run
      const skipped = s.skipped.length ? `; ${s.skipped.length} already in the archive were skipped` : ''
      const only = s.restored === 1 ? s.articles[0] : undefined
      return {
        name,
        status: 'imported',
        // One article restored: the result names it like any imported file.
        ...(only ? { id: only.id, title: only.title } : {}),
        message: `Restored ${s.restored} articles with ${s.annotations} annotations${skipped}.${describeRemoved(s.removed)}${describeRefused(s.refused)}`,
      }
    } catch (err) {
      return { name, status: 'failed', message: err instanceof Error ? err.message : String(err) }
    }
  }

  importText(
    input: { text?: string; html?: string; title?: string; url?: string } & ImportMeta,
  ): Promise<ImportResult> {
    const name = input.title || 'Pasted text'
    return this.guard(
      name,
      () => {
        if (input.html?.trim()) return this.parser.html({ html: input.html, url: input.url, name })
        const text = normalizePlainText(input.text ?? '')
        const title = input.title?.trim() || firstWords(text)
        return {
          title,
          text,
          html: textToHtml(text),
          format: 'text' as const,
          ...(input.url ? { url: input.url } : {}),
        }
      },
      input,
      input.title,
    )
  }

  importUrl(input: { url: string } & ImportMeta): Promise<ImportResult> {
    return this.guard(
      input.url,
      async () => {
        const page = await this.fetch(input.url)
        return this.parser.html({ html: page.html, url: page.finalUrl, name: input.url, keepImages: true })
      },
      input,
      undefined,
      { web: this.imageFetch },
    )
  }

  /**
   * A page as the browser showed it (the browser connector): parsed as a saved page, and its images downloaded
   * as for a web address, since the browser sends the HTML without them.
   */
  importPage(input: { html: string; url?: string } & ImportMeta): Promise<ImportResult> {
    const name = input.url ?? 'Page from the browser'
    return this.guard(
      name,
      () => this.parser.html({ html: input.html, url: input.url, name, keepImages: true }),
      input,
      undefined,
      { web: this.imageFetch },
    )
  }

  private async guard(
    name: string,
    parse: () => ImportedDoc | Promise<ImportedDoc>,
    meta: ImportMeta,
    title?: string,
    imageSource?: ImageSource,
  ): Promise<ImportResult> {
    // Stores one at a time, so two copies arriving together cannot both pass the duplicate check, and in the
    // order the imports were asked for: the turn is taken now, before the parse, so pages parsed ahead or by two
    // parse processes (importInOrder) are stored as they came, whichever is parsed first.
    const before = this.queue
    let done!: () => void
    this.queue = new Promise<void>((resolve) => (done = resolve))
    try {
      const doc = await parse()
      if (title?.trim()) doc.title = title.trim()
      const { html, images } = await resolveImages(doc.html, doc.images ?? [], imageSource)
      doc.html = html
      await before
      return await this.store(name, doc, meta, images)
    } catch (err) {
      if (err instanceof ImportError || err instanceof GlossaError)
        return { name, status: 'failed', message: err.message, code: err.code }
      // A full disk is said in words, as for every call (toErrorShape).
      return { name, status: 'failed', message: toErrorShape(err).message }
    } finally {
      // The turn ends once the store before it has ended too (a failed parse ends it early otherwise).
      void before.then(done)
    }
  }

  /**
   * Imports `items` with as many under way as the parser reads at once plus one (the page being stored while
   * the next are parsed), results in input order and told to `onResult` in that order. `stop` is asked before
   * each new one starts (those under way finish). At 10,000 articles the parse process was the whole cost of an
   * import, and pages one after another left it idle while the app stored each.
   */
  async importInOrder<T>(
    items: readonly T[],
    one: (item: T) => Promise<ImportResult>,
    onResult: (result: ImportResult, index: number) => void = () => undefined,
    stop: () => boolean = () => false,
  ): Promise<ImportResult[]> {
    const ahead = (this.parser.workers ?? 1) + 1
    const results: ImportResult[] = []
    const underWay: Promise<ImportResult>[] = []
    const settleOldest = async () => {
      const result = await underWay.shift()!
      onResult(result, results.length)
      results.push(result)
    }
    for (const item of items) {
      if (underWay.length >= ahead) await settleOldest()
      if (stop()) break
      const started = one(item)
      started.catch(() => undefined) // rejects where it is awaited, in its turn
      underWay.push(started)
    }
    while (underWay.length) await settleOldest()
    return results
  }

  private async store(
    name: string,
    doc: ImportedDoc,
    meta: ImportMeta,
    images: StoredImage[],
  ): Promise<ImportResult> {
    // A PDF is the same report when its bytes are, or (with text) when its text is; a scan has no text to compare.
    const duplicate =
      (doc.pdf && this.archive.list().find((a) => a.pdf?.file === doc.pdf!.name)) ||
      (doc.text || !doc.pdf
        ? this.archive.findDuplicate({ text: doc.text, canonicalUrl: doc.canonicalUrl })
        : undefined)
    if (duplicate) {
      return {
        name,
        status: 'duplicate',
        id: duplicate.id,
        title: duplicate.title,
        message: `Already in the archive as “${duplicate.title}”.`,
      }
    }
    const tags = [...new Set([...(doc.tags ?? []), ...(meta.tags ?? [])])]
    const stored = await this.archive.createArticle({
      title: doc.title.slice(0, 1000),
      text: doc.text,
      html: doc.html,
      images,
      tags,
      ...(doc.pdf
        ? {
            pdf: {
              file: doc.pdf.name,
              pages: doc.pdf.pages,
              fingerprint: doc.pdf.fingerprint,
              scanned: doc.pdf.scanned,
              pageRanges: doc.pdf.pageRanges,
              ...(doc.pdf.labels ? { labels: doc.pdf.labels } : {}),
            },
            pdfBytes: doc.pdf.bytes,
          }
        : {}),
      // Empty strings count as absent: a page with an empty byline has no author.
      ...withoutUndefined({
        source: (meta.source ?? doc.source) || undefined,
        url: doc.url || undefined,
        canonicalUrl: doc.canonicalUrl || undefined,
        author: doc.author || undefined,
        publishedAt: doc.publishedAt || undefined,
        // Figures are read with the rules of the article's language: the page's own, else the text's.
        language: doc.language || detectLanguage(doc.text) || undefined,
        excerpt: doc.excerpt?.slice(0, 500) || undefined,
      }),
    })
    return { name, status: 'imported', id: stored.id, title: stored.title }
  }
}

function firstWords(text: string): string {
  const line = text.split('\n')[0]
  return line.length <= 90 ? line : `${line.slice(0, 87).replace(/\s+\S*$/, '')}…`
}
