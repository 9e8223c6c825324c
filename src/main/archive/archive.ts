// Main process: a Glossa archive folder. Sharded so that saving one annotation rewrites only that article's
// annotations file and its catalog bucket, never the whole archive.
//   glossa.json              manifest (format marker, schema version)
//   catalog/<xx…>.json       article metadata, 256 buckets by id prefix, each split in 16 past 64 KB
//   bodies/<id>.json         article text and sanitized HTML, written once
//   annotations/<id>.json    one article's annotations
//   tags.json                tag colours
//   saves-in-flight          ids of articles whose catalog counts a save has yet to write (saves-in-flight.ts)
//   open-mark.json           left while a process writes the archive: a power cut is told at the next open (open-mark.ts)
import { GlossaError } from '../../shared/errors'
import { withoutUndefined } from '../../shared/objects'
import { STORED_BOUNDS } from '../../shared/schemas'
import type { Annotation, Article, ArticleMeta } from '../../shared/types'
import { AnnotationStore } from './annotation-store'
import { readBody, sameSummary, summarize } from './article-files'
import type { BodyFile } from './article-files'
import { CatalogStore } from './catalog-store'
import { CatalogTrust } from './catalog-trust'
import { CollectionStore } from './collection-store'
import { CountsCheck } from './counts-check'
import { healUncounted } from './heal-counts'
import { articleFile, newId, textHash } from './ids'
import { CURRENT_VERSION } from './migrations'
import type { Problem } from './problems'
import { ensureManifest } from './manifest'
import { admitMeta, checkAnnotations } from './records'
import type { Admitted } from './records'
import { inProcessBodyGate } from './records-body'
import type { ArticleBody, BodyGate } from './records-body'
import type { ImageBytes } from './assets'
import type { ArchiveChange, ArchiveListener, ArticlePatch, NewArticle } from './archive-types'
import { MAX_PDF_BYTES, readImage, readPdfAsset, writeImages, writePdf } from './assets'
import { WriteBatch, removeDurably, writeAtomic } from './atomic'
import { SaveLedger } from './save-ledger'
import { savesLeft } from './saves-in-flight'
import { heldByAnother, removeStrayTemps } from './stray-temps'
import { TagStore } from './tag-store'
import { replayTagJournal } from './tag-ops'
import { purgeTrash, readTrash, removeTrash, writeTrash } from './trash'

export { readBody, summarize } from './article-files'

export { MAX_PDF_BYTES } from './assets'
export type { ArchiveChange, ArchiveListener, ArticlePatch, NewArticle } from './archive-types'

export type OpenOptions = {
  /** Called once when the folder is new, to fill it with sample articles. */
  seed?: (archive: Archive) => Promise<void>
  /**
   * This machine's catalog trust key (a file outside the archive, made on first use): catalog buckets checked
   * once are then trusted by their exact content (catalog-trust.ts). Without it every entry is checked.
   */
  trustKeyFile?: string
}

export class Archive {
  readonly problems: Problem[] = []
  readonly catalog: CatalogStore
  readonly annotations: AnnotationStore
  readonly tagStore: TagStore
  readonly collections: CollectionStore
  private readonly listeners = new Set<ArchiveListener>()
  /** Annotation saves under way and started per article, and their catalog writes (save-ledger.ts). */
  private readonly saves = new SaveLedger((message) => this.noteProblem({ message }))
  /** The open mark, and the recount after a power cut (counts-check.ts). */
  private counts = CountsCheck.none()

  private constructor(readonly dir: string) {
    this.catalog = new CatalogStore(dir, this.problems)
    this.annotations = new AnnotationStore(dir)
    this.tagStore = new TagStore(dir, this.problems)
    this.collections = new CollectionStore(dir, this.problems)
  }

  static async open(dir: string, options: OpenOptions = {}): Promise<Archive> {
    const archive = new Archive(dir)
    const fresh = await ensureManifest(dir)
    await removeStrayTemps(dir)
    // Another live process holds the archive (`glossa export` opened beside the app or `glossa serve`): it is the
    // writer, and what a crash left (old trash, a tag rename's journal, counts to mend) is its to put right —
    // a reader writing beside it would put a catalog bucket of its own older reading over the holder's.
    const held = await heldByAnother(dir)
    const trust = options.trustKeyFile
      ? await CatalogTrust.open(dir, options.trustKeyFile).catch(() => null)
      : null
    const loaded = archive.catalog.load(trust)
    await Promise.all([
      loaded,
      archive.tagStore.load(),
      archive.collections.load(),
      held ? 0 : purgeTrash(dir, (id) => loaded.then(() => archive.catalog.has(id))),
    ])
    if (fresh && options.seed) await options.seed(archive)
    const replayed = held ? null : await replayTagJournal(archive)
    if (replayed) archive.problems.push({ message: replayed })
    // Before anything chooses articles by the counts (the export, the figures index): a kill can leave them behind.
    const left = await savesLeft(dir)
    if (!held) await healUncounted(archive, left.ids)
    archive.saves.useMarker(await left.marker((message) => archive.noteProblem({ message })))
    if (!left.held) archive.counts = await CountsCheck.start(archive)
    return archive
  }

  /**
   * Resolves once the catalog's counts match the annotations files as far as saves acknowledged so far go: at once,
   * except after a power cut, while every article is counted again. What chooses articles by the counts (the
   * export, the figures list) waits for it.
   */
  countsChecked(): Promise<void> {
    return this.counts.checked()
  }

  /** The recount after a power cut under way (articles done of all), or null. */
  recounting(): { done: number; of: number } | null {
    return this.counts.recounting()
  }

  /** Whether no save is under way (counts-check.ts: the open mark is removed at exit only then). */
  idle(): boolean {
    return this.saves.idle()
  }

  /** How many saves of the article have started in this process (heal-counts.ts recountAll). */
  savesOf(id: string): number {
    return this.saves.savesOf(id)
  }

  /** Records a damaged file found after opening (e.g. an annotations file read on demand). */
  noteProblem(problem: Problem): void {
    if (!this.problems.some((p) => p.file === problem.file && p.message === problem.message))
      this.problems.push(problem)
  }

  clearProblem(file: string): void {
    const keep = this.problems.filter((p) => p.file !== file)
    this.problems.splice(0, this.problems.length, ...keep)
  }

  onChange(listener: ArchiveListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(change: ArchiveChange): void {
    for (const listener of this.listeners) listener(change)
  }

  list(): ArticleMeta[] {
    return this.catalog.all()
  }

  meta(id: string): ArticleMeta {
    return this.catalog.get(id)
  }

  /** One of an article's images, checked against its name (assets.ts). */
  readImage(id: string, name: string): Promise<ImageBytes> {
    this.catalog.get(id)
    return readImage(this.dir, id, name)
  }

  /** A PDF article's file, checked against its name (assets.ts). */
  readPdf(id: string): Promise<Uint8Array> {
    const meta = this.catalog.get(id)
    if (!meta.pdf) throw new GlossaError('not_found', `“${meta.title}” is not a PDF.`)
    return readPdfAsset(this.dir, id, meta.pdf.file, MAX_PDF_BYTES)
  }

  async getArticle(id: string): Promise<Article> {
    const meta = this.catalog.get(id)
    const body = await readBody(this.dir, id)
    return { ...meta, text: body.text, ...(body.html ? { html: body.html } : {}) }
  }

  findDuplicate(probe: { text: string; canonicalUrl?: string }): ArticleMeta | undefined {
    return this.catalog.findDuplicate(textHash(probe.text), probe.canonicalUrl)
  }

  async createArticle(input: NewArticle): Promise<ArticleMeta> {
    const { text, html, images, pdfBytes, ...rest } = input
    let id = newId()
    while (this.catalog.has(id) || this.catalog.isReadOnlyFor(id)) id = newId()
    // Images, then the body, then the catalog: nothing on disk ever names a file that is not there yet.
    await writeImages(this.dir, id, images ?? [])
    if (rest.pdf) {
      if (!pdfBytes) throw new GlossaError('invalid_argument', 'A PDF article needs its PDF file.')
      await writePdf(this.dir, id, { name: rest.pdf.file, bytes: pdfBytes })
    }
    const meta: ArticleMeta = {
      ...withoutUndefined(rest),
      id,
      tags: [...new Set(rest.tags ?? [])],
      addedAt: new Date().toISOString(),
      textHash: textHash(text),
      length: text.length,
      counts: { highlights: 0, figures: 0, notes: 0 },
      annotationTags: {},
    }
    // Body first: a catalog entry must never point at a body that is not on disk. The id is new, so the file is
    // written as it is, not read first (a file left there by a crash is an orphan no entry names).
    const body: BodyFile = { version: CURRENT_VERSION.body, id, text, ...(html ? { html } : {}) }
    await this.writeFile(this.bodyFile(id), JSON.stringify(body))
    await this.catalog.put(meta)
    this.emit({ kind: 'article-created', articleId: id })
    return meta
  }

  async updateArticle(id: string, patch: ArticlePatch): Promise<ArticleMeta> {
    const meta = { ...this.catalog.get(id), ...withoutUndefined(patch) }
    if (patch.tags) meta.tags = [...new Set(patch.tags)]
    // Past the stored bound the entry would be refused when read back: refused here instead, nothing written.
    for (const [what, list] of [
      ['tags', meta.tags],
      ['collections', meta.collections ?? []],
    ] as const)
      if (list.length > STORED_BOUNDS.list)
        throw new GlossaError(
          'invalid_argument',
          `An article can be in at most ${STORED_BOUNDS.list} ${what}; "${meta.title.slice(0, 80)}" would be in ${list.length}.`,
        )
    await this.catalog.put(meta)
    this.emit({ kind: 'article-updated', articleId: id })
    return meta
  }

  private articleOps: Promise<unknown> = Promise.resolve()

  /** Deletes and restores run one at a time: two at once race on the same trash and body files. */
  private oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    const run = this.articleOps.then(work)
    this.articleOps = run.catch(() => {})
    return run
  }

  /** Throws what `restoreArticle` would throw, without changing anything. */
  async assertRestorable(id: string): Promise<void> {
    if (this.catalog.has(id)) throw new GlossaError('conflict', `Article ${id} is already in the archive.`)
    await readTrash(this.dir, id)
  }

  /** Moves the article with its annotations to the trash, from where `restoreArticle` brings it back. */
  deleteArticle(id: string): Promise<void> {
    return this.oneAtATime(() => this.moveToTrash(id))
  }

  restoreArticle(id: string): Promise<ArticleMeta> {
    return this.oneAtATime(() => this.restoreFromTrash(id))
  }

  private async moveToTrash(id: string): Promise<void> {
    const meta = this.catalog.get(id)
    this.catalog.assertWritable(id)
    const { text, html } = await this.getArticle(id)
    const annotations = await this.annotations.list(id)
    await writeTrash(this.dir, {
      version: 1,
      deletedAt: new Date().toISOString(),
      meta,
      body: { version: CURRENT_VERSION.body, id, text, ...(html ? { html } : {}) },
      annotations,
    })
    // Catalog next: once it is gone from the catalog, leftover files are unreachable, never half-visible.
    await this.catalog.remove(id)
    this.annotations.forget(id)
    // Each removal's folder flushed before the deletion is acknowledged (a power cut must not bring them back).
    await removeDurably(this.bodyFile(id))
    await removeDurably(articleFile(this.dir, 'annotations', id))
    this.emit({ kind: 'article-deleted', articleId: id })
  }

  private async restoreFromTrash(id: string): Promise<ArticleMeta> {
    if (this.catalog.has(id)) throw new GlossaError('conflict', `Article ${id} is already in the archive.`)
    const record = await readTrash(this.dir, id)
    await this.putArticle(record.meta, record.body, record.annotations)
    await removeTrash(this.dir, id)
    return this.catalog.get(id)
  }

  private bodyGate: BodyGate = inProcessBodyGate

  /** Sets where whole bodies from outside are sanitized (records.ts's BodyGate): the importer's parse process. */
  useBodyGate(gate: BodyGate): void {
    this.bodyGate = gate
  }

  /** A body from outside the archive (backup, snapshot, trash file) through the gate; see BodyGate. */
  admitBody(body: ArticleBody, name: string): Promise<Admitted<ArticleBody>> {
    return this.bodyGate(body, name)
  }

  /**
   * Stores a whole article under its own id (restore from trash or from a backup). Everything goes through the
   * archive's one gate first (records.ts): the body through the sanitizer, addresses checked, annotations
   * checked against the schema. Returns what the gate removed, for the caller's report.
   */
  async putArticle(meta: ArticleMeta, body: ArticleBody, annotations: Annotation[]): Promise<string[]> {
    const id = meta.id
    const bodyFile = articleFile(this.dir, 'bodies', id)
    if (this.catalog.has(id)) throw new GlossaError('conflict', `Article ${id} is already in the archive.`)
    this.catalog.assertWritable(id)
    const checked = checkAnnotations(annotations, id)
    if (!checked.ok)
      throw new GlossaError('invalid_argument', `Article ${id} was not restored: ${checked.reason}.`)
    const admittedMeta = admitMeta(meta)
    const admittedBody = await this.admitBody(body, `“${admittedMeta.value.title}” (${id})`)
    // The gate may have taken a while (another process): the id may have been taken meanwhile.
    if (this.catalog.has(id)) throw new GlossaError('conflict', `Article ${id} is already in the archive.`)
    const { text, html } = admittedBody.value
    await this.writeFile(
      bodyFile,
      JSON.stringify({ version: CURRENT_VERSION.body, id, text, ...(html ? { html } : {}) }),
    )
    if (checked.value.length) {
      const file = { version: CURRENT_VERSION.annotations, articleId: id, annotations: checked.value }
      await this.writeFile(articleFile(this.dir, 'annotations', id), JSON.stringify(file))
    }
    await this.catalog.put({
      ...admittedMeta.value,
      textHash: textHash(text),
      length: text.length,
      ...summarize(checked.value),
    })
    this.emit({ kind: 'article-created', articleId: id })
    return [...admittedMeta.removed, ...admittedBody.removed]
  }

  async listAnnotations(articleId: string): Promise<Annotation[]> {
    this.catalog.get(articleId)
    const list = await this.noting(() => this.annotations.list(articleId))
    await this.healCounts(articleId, list)
    return list
  }

  /** One article's annotations for a pass over many articles: read, not kept open. */
  async readAnnotations(articleId: string): Promise<Annotation[]> {
    this.catalog.get(articleId)
    return this.noting(() => this.annotations.peek(articleId))
  }

  /**
   * The catalog's counts are derived from the annotations file, written just after it; a crash between the
   * two leaves them stale. Whoever reads the annotations puts them right.
   */
  async healCounts(articleId: string, list: Annotation[]): Promise<void> {
    const meta = this.catalog.get(articleId)
    const summary = summarize(list)
    const same = sameSummary(meta, summary)
    if (same || this.catalog.isReadOnlyFor(articleId)) return
    await this.catalog.put({ ...meta, ...summary }, this.countsOnly())
  }

  /**
   * How a put of counts alone is written: with its folder's flush owed (catalog-store.ts `derived`) once this
   * process's open mark is on disk, so that a power cut that loses it brings a recount of every article at the
   * next open (counts-check.ts); before that (while opening), or when another process holds the mark, flushed.
   */
  private countsOnly(): { derived: boolean } {
    return { derived: this.counts.recountsAfterPowerCut() }
  }

  /** Damage found while working is remembered, so the app can offer to repair it. */
  private async noting<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work()
    } catch (err) {
      if (err instanceof GlossaError && err.code === 'corrupt_file' && err.file)
        this.noteProblem({ file: err.file, message: err.message })
      throw err
    }
  }

  /** Applies `change` to one article's annotations, then refreshes its counts in the catalog. */
  async changeAnnotations<R>(articleId: string, change: (list: Annotation[]) => R): Promise<R> {
    this.catalog.get(articleId)
    this.catalog.assertWritable(articleId)
    // Named until its catalog entry is written: a kill before leaves it to re-count at open (saves-in-flight.ts).
    this.saves.begin(articleId)
    const { result, list } = await this.noting(() => this.annotations.change(articleId, change)).catch(
      (err: unknown) => {
        this.saves.abandon(articleId)
        throw err
      },
    )
    // The annotation is on disk: that is what the caller waits for. The counts derived from it are written at
    // once, not awaited (deferring them let a kill leave figures out of the export and the figures index: bench/
    // README "Seventh session … SAVE+EXPORT"). A kill before they land, or a failed write, leaves the id named.
    this.saves.finish(
      articleId,
      this.catalog.put({ ...this.catalog.get(articleId), ...summarize(list) }, this.countsOnly()),
    )
    this.emit({ kind: 'annotations-changed', articleId })
    return result
  }

  private batch: WriteBatch | null = null

  /** A body or annotations file, written atomically: alone, or with others in bulk mode. */
  private writeFile(file: string, text: string): Promise<void> {
    return this.batch ? this.batch.write(file, text) : writeAtomic(file, text)
  }

  /**
   * Bulk mode, for filling an archive with many articles at once (the bench's archives; a large restore): while
   * `work` runs, bodies and annotations files are written in batches (WriteBatch: each file still atomic, the
   * flushes to disk overlapping), annotations files are not kept open, and each catalog bucket is written once
   * at the end instead of after every change. Everything is written by the same code as outside bulk mode, in
   * the same format. A crash before the end leaves the catalog as it was before the changes since its last
   * write: the new articles' files are then orphans that no entry names.
   */
  async bulk<T>(work: () => Promise<T>): Promise<T> {
    if (this.batch) return work()
    const batch = new WriteBatch()
    this.batch = batch
    this.annotations.useBatch(batch)
    this.catalog.beginBulk()
    try {
      return await work()
    } finally {
      this.batch = null
      this.annotations.useBatch(null)
      // The counts' catalog puts follow each annotations write unawaited: in memory by now, written just below.
      await this.saves.settled()
      await this.catalog.endBulk()
    }
  }

  /** Resolves when every write started so far, including deferred catalog updates, is on disk. */
  async flush(): Promise<void> {
    await this.saves.settled()
    await this.catalog.flush()
  }

  private bodyFile(id: string): string {
    return articleFile(this.dir, 'bodies', id)
  }
}
