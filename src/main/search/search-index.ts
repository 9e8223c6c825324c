// Main process: full-text search over an archive's articles, notes and tags. Kept current from the archive's
// change events; saved beside the archive as segment files and their manifest (segment-store.ts), signed with
// this machine's trust key (made in its file outside the archive when missing, as the catalog makes it), so
// startup opens it instead of reading every body again. A save appends what changed as a small segment.
// Without a usable saved index the builder process (build.ts) builds one; meanwhile an index in the older
// single-file format answers (then is removed), or, for a first build in the app, the segments written so far
// (building.ts), the outcome saying the results are partial. Without a key file at all (an embedder that names
// none) nothing saved can be verified: the index is built at every open and never saved.
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Archive, ArchiveChange } from '../archive/archive'
import { trustKey } from '../archive/catalog-trust'
import { GlossaError } from '../../shared/errors'
import type { SearchHit } from './hits'
import type { IndexState } from './index-state'
import { message } from './index-state'
import { loadSaved } from './load-state'
import type { BuildProgress, BuildReport, IndexBuilder } from './load-state'
import type { SearchOutcome } from './query-run'
import { parseSearchQuery } from '../../shared/search-query'
import { archiveReader } from '../archive/reader'
import type { ArchiveReader } from '../archive/reader'
import { searchIndexKeyFile } from './search-key'
import { openStore, saveStore } from './segment-store'
import type { SaveGuard } from './segment-store'
import { FIELDS, SegmentState } from './segment-state'
import type { SegmentReader } from './segment-file'
import { MERGE_MIN_DOCS, MERGE_SHARE, adoptMerged, mergeSegmentFile } from './segment-merge'
import { MergeRunner } from './merge-runner'
import { SaveTimer } from './save-timer'
import { buildInMemory, buildStore, exists, refreshState } from './store-open'
import type { BuiltStore } from './store-open'
import { NO_KEY } from './search-options'
import { answer, limitOf, parsedQuery } from './search-find'
import type { OpenSearchOptions, SearchQueryOptions } from './search-options'
import { TextCache } from './text-cache'
import { BuildingIndex } from './building'
import type { Indexing } from './building'
import { namedFiles, sweepTemps } from './temp-sweep'

export { NO_KEY } from './search-options'
export type { OpenSearchOptions, SearchQueryOptions } from './search-options'

export class SearchIndex {
  readonly problems: string[] = []
  private rebuiltReason: string | undefined
  private state: SegmentState | IndexState = new SegmentState(undefined, undefined, this.problems)
  /** Every task that reads or changes the index as a whole (load, updates, saves), one after another. */
  private tail: Promise<unknown> = Promise.resolve()
  /** The last update queued: a search waits for it, so it sees every change the archive reported before. */
  private updated: Promise<unknown> = Promise.resolve()
  private readonly texts: TextCache
  private readonly unsubscribe: () => void
  private savedRevision = -1
  private closed = false
  private key: Buffer | null = null
  /** Searches under way, and indexes replaced meanwhile: closed once no search can be reading them. */
  private running = 0
  private retired: { close(): void }[] = []
  /** The first build under way (answerWhileBuilding): searches answer from its segments written so far. */
  private building: BuildingIndex | undefined
  private idleWaiters: (() => void)[] = []
  private migration: Promise<void> = Promise.resolve()
  private readonly merges: MergeRunner
  private readonly saves = new SaveTimer(() => this.save())
  /** Files take the place of what the index holds in memory only when no search is under way. */
  private readonly guard: SaveGuard = {
    idle: () => this.running === 0,
    whenIdle: () => new Promise<void>((resolve) => this.idleWaiters.push(resolve)),
    merging: () => this.merges.underWay,
  }

  private readonly source: ArchiveReader
  private builtReport: BuildReport | undefined

  private constructor(
    archive: Archive,
    readonly dir: string,
    private readonly legacyFile: string,
    private readonly builder: IndexBuilder | undefined,
    private readonly keyFile: string | undefined,
    mergeAt: { share: number; minDocs: number },
    private readonly early: Pick<OpenSearchOptions, 'answerWhileBuilding'> = {},
  ) {
    this.source = archiveReader(archive)
    this.merges = new MergeRunner(dir, keyFile, mergeAt, builder?.merge ?? mergeSegmentFile)
    this.texts = new TextCache(this.source)
    // Subscribed before loading: a change made while the index loads is queued behind it, not lost.
    this.unsubscribe = archive.onChange((change) => this.onChange(change))
  }

  /**
   * Opens the saved index, re-indexing what changed since it was saved, or builds it from every article.
   * A refreshed index is saved shortly after (as after any change), not before this returns. An index in the
   * older format answers at once while the new one is built (`migrated` settles when it has taken over); so,
   * with `answerWhileBuilding`, does a first build, searches answering from its segments written so far.
   */
  static async open(archive: Archive, opts: OpenSearchOptions = {}): Promise<SearchIndex> {
    const index = new SearchIndex(
      archive,
      opts.dir ?? join(archive.dir, 'search-index'),
      opts.legacyFile ?? join(archive.dir, 'search-index.json'),
      opts.builder,
      'keyFile' in opts ? opts.keyFile : searchIndexKeyFile(archive),
      opts.mergeAt ?? { share: MERGE_SHARE, minDocs: MERGE_MIN_DOCS },
      opts,
    )
    try {
      await index.enqueue(() => index.load())
    } catch (err) {
      index.unsubscribe()
      throw err
    }
    return index
  }

  /** Set when open() could not use the saved index as it was: 'missing', 'corrupt: …', 'stale: …', 'unverified: …'. */
  get rebuiltBecause(): string | undefined {
    return this.rebuiltReason
  }

  /** Set when the index was built by the builder process: its time and memory peak. */
  get built(): BuildReport | undefined {
    return this.builtReport
  }

  /** Settles once an index found in the older format, or being built with `answerWhileBuilding`, has been
   *  replaced by the segmented one (or could not be). */
  get migrated(): Promise<void> {
    return this.migration
  }

  /** How far the first build is, while searches answer from a part of the articles (answerWhileBuilding). */
  get indexing(): Indexing | undefined {
    return this.building?.progress
  }

  /** Settles once the merge job under way, if any, has been adopted or dropped. */
  get mergeSettled(): Promise<void> {
    return this.merges.settled
  }

  /** The articles that match `query` (see src/shared/search-query.ts), best first, and how many match. */
  async find(query: string, opts: SearchQueryOptions = {}): Promise<SearchOutcome> {
    if (this.closed) throw new GlossaError('invalid_argument', 'The search index is closed; open it again.')
    const parsed = parsedQuery(query)
    await this.updated
    const limit = limitOf(opts)
    const { state, building } = this
    this.running++
    try {
      const src = { archive: this.source, text: (id: string) => this.texts.get(id) }
      return await answer(state, building, parsed, limit, src)
    } finally {
      this.running--
      this.closeRetired()
      if (this.running === 0) for (const wake of this.idleWaiters.splice(0)) wake()
    }
  }

  /** The hits of `find`; a query with nothing to look for (only punctuation) finds nothing. */
  async search(query: string, opts: SearchQueryOptions = {}): Promise<SearchHit[]> {
    if (!parseSearchQuery(query).ok && !this.closed) return []
    return (await this.find(query, opts)).hits
  }

  /** Writes pending changes to the index folder now. */
  async flush(): Promise<void> {
    await this.save()
  }

  /** Stops following the archive and saves. Changes made after this are picked up by the next open(). */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.unsubscribe()
    try {
      await this.save()
    } finally {
      await this.enqueue(async () => {
        if (this.state instanceof SegmentState) this.retired.push(this.state.engine)
        this.closeRetired()
      })
    }
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task)
    this.tail = run.catch(() => undefined)
    return run
  }

  private closeRetired(): void {
    if (this.running > 0) return
    for (const index of this.retired.splice(0)) index.close()
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
    // Made when missing (as the catalog makes it at open); a key that cannot be made leaves the index unsaved.
    this.key = this.keyFile ? await trustKey(this.keyFile).catch(() => null) : null
    let unusable: string
    if (this.key) {
      const opened = await openStore(this.dir, FIELDS, this.key)
      // Temp files of a write a kill cut short: never read, removed here (temp-sweep.ts).
      await sweepTemps(this.dir, opened.ok ? namedFiles(opened) : new Set(), this.source.dir)
      if (opened.ok) {
        const { index, signatures, files, rewrite } = opened
        const state = new SegmentState(index, signatures, this.problems, files, rewrite)
        this.state = state
        this.rebuiltReason = await this.refresh(state)
        this.savedRevision = this.rebuiltReason || rewrite ? -1 : state.revision
        // Left by a migration that ended before the old file was removed.
        await rm(this.legacyFile, { force: true }).catch(() => undefined)
        this.scheduleSave()
        return
      }
      unusable = opened.reason
      if (unusable === 'missing') {
        const legacy = await loadSaved(this.source, this.legacyFile, this.problems)
        if (legacy) {
          this.state = legacy.state
          this.rebuiltReason = 'stale: the index was saved in an older format; rebuilt in the background'
          this.migration = this.migrate()
          return
        }
      }
    } else {
      unusable = (await exists(this.dir)) ? NO_KEY : 'missing'
      await sweepTemps(this.dir, new Set(), this.source.dir)
    }
    this.rebuiltReason = unusable
    if (this.early.answerWhileBuilding && this.key) {
      const building = new BuildingIndex(this.dir, this.key, this.source.list().length, this.problems)
      this.building = building
      this.migration = this.buildWhileAnswering(building)
      return
    }
    await this.build()
  }

  /** Re-indexes what changed in the archive since `state` was saved; says what, or undefined when nothing. */
  private refresh(state: SegmentState): Promise<string | undefined> {
    return refreshState(this.source, state)
  }

  /** The index built from every article: by the builder process, or here; on disk when there is a key. */
  private async build(): Promise<void> {
    if (this.key) {
      const built = await this.buildStore()
      if (built) {
        this.state = built.state
        this.builtReport = built.report
        this.savedRevision = built.changed ? -1 : built.state.revision
        this.scheduleSave()
        return
      }
    }
    // Held in memory only: without a key nothing saved could be trusted, and the builder failed otherwise.
    this.state = await buildInMemory(this.source, this.problems)
    this.savedRevision = -1
    this.scheduleSave()
  }

  /** The segments written by the builder process (or here), opened and caught up; see buildStore. */
  private buildStore(progress?: (done: BuildProgress) => Promise<void>): Promise<BuiltStore | undefined> {
    return buildStore(this.source, this.dir, this.keyFile, this.key, this.builder, this.problems, progress)
  }

  /** The first build, outside the queue: searches answer from its segments meanwhile; then it takes over. */
  private async buildWhileAnswering(building: BuildingIndex): Promise<void> {
    const built = await this.buildStore(async (done) => building.report(done))
    await this.enqueue(async () => {
      try {
        if (this.closed) return await built?.state.engine.close()
        if (!built) return await this.build()
        await this.takeOver(built)
      } finally {
        // Only once the finished index is in place: until then searches answer from the build's segments and
        // say so, never from the empty index the build replaces (the search UI asks again when indexing ends).
        this.building = undefined
        this.retired.push(building)
        this.closeRetired()
        this.scheduleSave()
      }
    })
  }

  /** Builds the segmented index while the one in the older format answers; then hands over and removes it. */
  private async migrate(): Promise<void> {
    // Outside the queue: searches and changes go on against the older index meanwhile.
    const built = await this.buildStore()
    if (!built) return
    await this.enqueue(async () => {
      if (this.closed) return built.state.engine.close()
      await this.takeOver(built)
      await rm(this.legacyFile, { force: true }).catch(() => undefined)
    })
  }

  /** A queue task: the index built in the background takes over. */
  private async takeOver(built: BuiltStore): Promise<void> {
    // Changes made during the build went to the index answering meanwhile; the segments catch up from the files.
    const changed = (await this.refresh(built.state)) !== undefined
    this.state = built.state
    this.builtReport = built.report
    this.savedRevision = built.changed || changed ? -1 : built.state.revision
    this.scheduleSave()
  }

  private scheduleSave(): void {
    const { state } = this
    // Nothing is saved while a first build writes the folder (its manifest would name none of its segments).
    if (this.closed || !this.key || this.building || !(state instanceof SegmentState)) return
    if (state.revision === this.savedRevision) return
    this.saves.changed()
  }

  /** Saves once every change queued so far is in the index; a failure is also kept in `problems`. */
  private async save(): Promise<void> {
    this.saves.cancel()
    try {
      await this.enqueue(() => this.saveNow())
    } catch (err) {
      this.state.report(message(err))
      throw err
    }
  }

  /**
   * Runs as a queue task, so no update changes the index while it is written: the live segment as a new
   * segment file, then the manifest. Searches go on meanwhile over the index as it was, closed once they end.
   */
  private async saveNow(): Promise<void> {
    const { state, key } = this
    if (!key || this.building || !(state instanceof SegmentState)) return
    const revision = state.revision
    if (revision === this.savedRevision) return
    this.saves.begins()
    const started = performance.now()
    const before = state.engine
    try {
      // The live segment becomes a file in place (its documents renumbered) once no search is under way.
      // Only the signatures changed since the last save are written (signature-files.ts).
      const signatures = state.signatureSave()
      const { index: saved, files } = await saveStore(this.dir, before, key, signatures, this.guard)
      state.signaturesSaved(signatures, files)
      if (saved !== before) {
        state.engine = saved
        this.retired.push(before)
        this.closeRetired()
      }
    } catch (err) {
      throw new GlossaError(
        'internal',
        `Could not save the search index to ${this.dir} (${message(err)}). Search still works in this session; ` +
          'check that the archive folder is writable and the disk has free space.',
      )
    }
    this.saves.ended(performance.now() - started)
    this.savedRevision = revision
    if (!this.closed && this.keyFile)
      this.merges.consider(
        state.engine,
        (target, file, gone) => this.enqueue(() => this.adoptMerged(target, file, gone)),
        (problem) => this.state.report(problem),
      )
  }

  /** A queue task: every change saved, then the merged segment in place of `target`. */
  private async adoptMerged(target: SegmentReader, file: string, gone: Uint8Array): Promise<void> {
    const { state, key } = this
    if (this.closed || !key || !(state instanceof SegmentState)) return
    await this.saveNow()
    await adoptMerged(this.dir, state.engine, target, file, gone, key, state.signatureFiles, this.guard)
  }
}
