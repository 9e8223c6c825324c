// Main process: full-text search over an archive's articles, notes and tags. Kept current from the archive's
// change events, saved beside the archive so startup loads it instead of reading every body again.
import { join } from 'node:path'
import type { Archive, ArchiveChange } from '../archive/archive'
import { GlossaError } from '../../shared/errors'
import { compactIndex } from './compact-postings'
import type { SearchHit } from './hits'
import { encodeIndex } from './index-codec'
import { indexHeader, writeIndexFile } from './index-file'
import { IndexState, message } from './index-state'
import { loadState } from './load-state'
import type { BuildReport, IndexBuilder } from './load-state'
import { runQuery } from './query-run'
import type { SearchOutcome } from './query-run'
import { parseSearchQuery } from '../../shared/search-query'
import { archiveReader } from '../archive/reader'
import type { ArchiveReader } from '../archive/reader'
import { TextCache } from './text-cache'

export type OpenSearchOptions = {
  /** Default `<archive>/search-index.json`. */
  file?: string
  /** Builds a missing or unusable index in another process (see build-worker.ts); default: in this one. */
  builder?: IndexBuilder
}
export type SearchQueryOptions = { /** Articles returned at most, 1–500; default 50. */ limit?: number }

const DEFAULT_LIMIT = 50
const MAX_LIMIT = 500
/** Saves wait this long after the last change... */
const SAVE_DEBOUNCE_MS = 2_000
/** ...but no longer than this after the first unsaved one... */
const SAVE_MAX_WAIT_MS = 30_000
/** ...and saving gets at most 1/20 of the time: at 10,000 articles a save writes ~50 MB over ~2 s, holding
 *  changes back meanwhile, and a change a crash kept from the file is re-indexed on the next open anyway. */
const SAVE_SPACING = 20

export class SearchIndex {
  readonly problems: string[] = []
  private rebuiltReason: string | undefined
  private state = new IndexState(undefined, undefined, undefined, this.problems)
  /** Every task that reads or changes the index as a whole (load, updates, saves), one after another. */
  private tail: Promise<unknown> = Promise.resolve()
  /** The last update queued: a search waits for it, so it sees every change the archive reported before. */
  private updated: Promise<unknown> = Promise.resolve()
  private readonly texts: TextCache
  private readonly unsubscribe: () => void
  private savedRevision = -1
  private lastSavedAt = 0
  private lastSaveCostMs = 0
  private dirtySince: number | undefined
  private timer: NodeJS.Timeout | undefined
  private closed = false

  private readonly source: ArchiveReader
  private builtReport: BuildReport | undefined

  private constructor(
    archive: Archive,
    readonly file: string,
    private readonly builder: IndexBuilder | undefined,
  ) {
    this.source = archiveReader(archive)
    this.texts = new TextCache(this.source)
    // Subscribed before loading: a change made while the index loads is queued behind it, not lost.
    this.unsubscribe = archive.onChange((change) => this.onChange(change))
  }

  /**
   * Loads the saved index, re-indexing what changed since it was saved, or builds it from every article.
   * A rebuilt or refreshed index is saved shortly after (as after any change), not before this returns.
   */
  static async open(archive: Archive, opts: OpenSearchOptions = {}): Promise<SearchIndex> {
    const index = new SearchIndex(archive, opts.file ?? join(archive.dir, 'search-index.json'), opts.builder)
    try {
      await index.enqueue(() => index.load())
    } catch (err) {
      index.unsubscribe()
      throw err
    }
    return index
  }

  /** Set when open() could not use the saved index as it was: 'missing', 'corrupt: …' or 'stale: …'. */
  get rebuiltBecause(): string | undefined {
    return this.rebuiltReason
  }

  /** Set when open() had the index built by the builder process: its time and memory peak. */
  get built(): BuildReport | undefined {
    return this.builtReport
  }

  /** The articles that match `query` (see src/shared/search-query.ts), best first, and how many match. */
  async find(query: string, opts: SearchQueryOptions = {}): Promise<SearchOutcome> {
    if (this.closed) throw new GlossaError('invalid_argument', 'The search index is closed; open it again.')
    const parsed = parseSearchQuery(query)
    if (!parsed.ok) throw new GlossaError(parsed.code, parsed.message)
    await this.updated
    const requested = Number.isFinite(opts.limit) ? Number(opts.limit) : DEFAULT_LIMIT
    const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(requested)))
    return runQuery(this.state.ms, parsed.query, limit, {
      archive: this.source,
      text: (id) => this.texts.get(id),
    })
  }

  /** The hits of `find`; a query with nothing to look for (only punctuation) finds nothing. */
  async search(query: string, opts: SearchQueryOptions = {}): Promise<SearchHit[]> {
    if (!parseSearchQuery(query).ok && !this.closed) return []
    return (await this.find(query, opts)).hits
  }

  /** Writes pending changes to the index file now. */
  async flush(): Promise<void> {
    await this.save()
  }

  /** Stops following the archive and saves. Changes made after this are picked up by the next open(). */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.unsubscribe()
    await this.save()
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task)
    this.tail = run.catch(() => undefined)
    return run
  }

  private onChange(change: ArchiveChange): void {
    if (change.kind === 'article-deleted') this.texts.forget(change.articleId)
    this.updated = this.enqueue(async () => {
      try {
        const { source, state } = this
        const { articleId } = change
        if (change.kind === 'article-deleted') state.remove(articleId)
        else if (change.kind === 'article-updated') await state.indexArticle(source, articleId)
        else if (change.kind === 'annotations-changed') await state.indexAnnotations(source, articleId)
        // Created, or restored from the trash with its annotations.
        else await state.index(source, articleId)
      } catch (err) {
        this.state.report(`Search may miss a change to article ${change.articleId}: ${message(err)}`)
      }
      this.scheduleSave()
    })
  }

  private async load(): Promise<void> {
    const loaded = await loadState(this.source, this.file, this.problems, this.builder)
    this.state = loaded.state
    this.rebuiltReason = loaded.rebuiltBecause
    this.builtReport = loaded.built
    this.savedRevision = loaded.needsSave ? -1 : loaded.state.revision
    this.scheduleSave()
  }

  private scheduleSave(): void {
    if (this.closed || this.state.revision === this.savedRevision) return
    const now = Date.now()
    this.dirtySince ??= now
    const earliest = this.lastSavedAt + this.lastSaveCostMs * SAVE_SPACING
    const due = Math.min(now + SAVE_DEBOUNCE_MS, this.dirtySince + SAVE_MAX_WAIT_MS)
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.save().catch(() => undefined), Math.max(due, earliest) - now)
    this.timer.unref()
  }

  /** Saves once every change queued so far is in the index; a failure is also kept in `problems`. */
  private async save(): Promise<void> {
    clearTimeout(this.timer)
    this.timer = undefined
    try {
      await this.enqueue(() => this.saveNow())
    } catch (err) {
      this.state.report(message(err))
      throw err
    }
  }

  /**
   * Runs as a queue task, so no update changes the index while its terms are walked and written out line by
   * line; searches go on meanwhile (they only read a vacuumed index). Nothing holds the whole file in memory.
   */
  private async saveNow(): Promise<void> {
    const revision = this.state.revision
    if (revision === this.savedRevision) return
    this.dirtySince = undefined
    const started = performance.now()
    const { ms } = this.state
    // Discarded documents linger in the term lists until vacuumed, and a search that meets one removes it:
    // vacuumed first, the walk below sees no change, and a reopened index ranks exactly as a rebuilt one.
    if (ms.dirtCount > 0) await ms.vacuum({ batchSize: 2_000, batchWait: 0 })
    // Postings changed since the last save are folded back into their compact arrays.
    compactIndex(ms, { fully: true })
    await writeIndexFile(this.file, encodeIndex(indexHeader(this.state), ms))
    this.lastSaveCostMs = performance.now() - started
    this.savedRevision = revision
    this.lastSavedAt = Date.now()
  }
}
