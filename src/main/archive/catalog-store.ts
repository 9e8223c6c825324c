// Main process: the catalog of article metadata, held in memory and stored in bucket files: 256 by the id's first
// two characters, each split in 16 by the next one when it grows past 64 KB (catalog-layout.ts).
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { GlossaError } from '../../shared/errors'
import type { Problem } from './problems'
import type { ArticleMeta } from '../../shared/types'
import { keptAsRead, passesUnchanged } from './catalog-trust'
import type { CatalogTrust } from './catalog-trust'
import { CatalogBuckets } from './catalog-buckets'
import type { CatalogFile } from './catalog-buckets'
import { SPLIT_BYTES, layoutOf } from './catalog-layout'
import { HEAD_ROWS, catalogFingerprint, writeHead } from './library-head'
import { listItem } from './list-item'
import { CURRENT_VERSION } from './migrations'
import { checkCatalogEntries } from './records'
import { openShard } from './shard'
import type { Shard } from './shard'

/** Buckets read and parsed at once while the catalog loads. */
const LOAD_WIDTH = 8
/** The library's head (library-head.ts) is written this long after the catalog last changed. */
const HEAD_DELAY_MS = 2_000

export type OrderListener = (old: ArticleMeta | undefined, now: ArticleMeta | undefined) => void

export class CatalogStore {
  /** The bucket files held for writing, and how they are written and split (catalog-buckets.ts). */
  private readonly files: CatalogBuckets
  private readonly buckets: Map<string, Shard<CatalogFile>>
  /** Buckets of an older, unsplit catalog split after opening, one at a time (what flush() waits for). */
  private resharding: Promise<void> = Promise.resolve()
  private readonly readOnly = new Map<string, string>()
  private readonly byId = new Map<string, ArticleMeta>()
  private sorted: ArticleMeta[] | null = null
  /** Bumped on every change to the catalog: what the library's filtered pages are cached against. */
  changes = 0
  /** Bumped when an article comes or goes, or a field the library sorts by changes: its sort orders. */
  orderChanges = 0
  // Duplicate checks on import look articles up by text hash and canonical URL, not by scanning the catalog.
  // Made on the first check, not while 100,000 entries load: most opens never import anything.
  private dupes: { byHash: Map<string, string>; byUrl: Map<string, string> } | null = null
  /** Buckets whose every entry passed the check unchanged: what they are written as may be trusted. */
  private readonly clean: Set<string>
  private trust: CatalogTrust | null = null
  private readonly orderListeners = new Set<OrderListener>()
  private readonly entryListeners = new Set<OrderListener>()
  /** Puts and removes under way: changed in memory, their bucket not yet on disk. */
  private unsettled = 0
  private headTimer: ReturnType<typeof setTimeout> | undefined
  private headSaving: Promise<void> = Promise.resolve()
  /** Bulk mode (Archive.bulk): the buckets changed in memory, written once each by endBulk(). */
  private bulk: Set<string> | null = null

  constructor(
    private readonly root: string,
    private readonly problems: Problem[],
  ) {
    this.files = new CatalogBuckets(this.dir, () => this.trust)
    this.buckets = this.files.shards
    this.clean = this.files.clean
  }

  private get dir(): string {
    return join(this.root, 'catalog')
  }

  /**
   * Reads every bucket. With `trust` (catalog-trust.ts), a bucket whose text this machine checked or wrote before
   * is taken as it is; any other is checked entry by entry, and recorded as trusted when nothing was refused.
   */
  async load(trust: CatalogTrust | null = null): Promise<void> {
    this.trust = trust
    const files = (await readdir(this.dir)).filter((n) => /^[^.].*\.json$/.test(n)).map((n) => n.slice(0, -5))
    const layout = layoutOf(files)
    for (const name of layout.split) this.files.split.add(name)
    const leftover = new Set([...layout.leftovers.values()].flat())
    const names = files.filter((n) => !leftover.has(n))
    /** Buckets past the split size as read (an archive from before splitting): split once open. */
    const oversized: string[] = []
    // A few buckets at a time, not all 256 at once: each file's text is let go once it is parsed, so opening
    // 100,000 articles peaked at 230 MB instead of 450 MB (every text and every parsed entry alive at once).
    let next = 0
    const lane = async () => {
      while (next < names.length) await one(names[next++])
    }
    const one = async (bucket: string) => {
      try {
        let text: string | undefined
        const shard = await this.open(bucket, (t) => (text = t))
        if (text !== undefined && text.length > SPLIT_BYTES) oversized.push(bucket)
        if (trust && text !== undefined && trust.matches(bucket, text)) {
          trust.opened.trusted++
          for (const meta of Object.values(shard.data.articles)) this.index(meta)
          this.clean.add(bucket)
          this.buckets.set(bucket, shard)
          return
        }
        const { metas, refused, unchanged } = checkCatalogEntries(shard.data.articles, bucket, keptAsRead)
        if (trust) trust.opened.checked++
        for (const meta of metas) this.index(meta)
        if (!refused.length) {
          this.buckets.set(bucket, shard)
          if (unchanged) {
            this.clean.add(bucket)
            if (trust && text !== undefined) trust.record(bucket, text)
          }
          return
        }
        // The entries that pass are shown; the bucket is never written, so the refused ones are not lost.
        const file = `catalog/${bucket}.json`
        const message = `${file} has ${refused.length === 1 ? 'an entry' : `${refused.length} entries`} Glossa cannot use (${refused.slice(0, 3).join('; ')}${refused.length > 3 ? '; …' : ''}). It was left untouched; restore it from a backup.`
        this.readOnly.set(bucket, message)
        this.problems.push({ file, message })
      } catch (err) {
        if (!(err instanceof GlossaError)) throw err
        // A damaged bucket stays readable-nothing and writable-never until it is restored; the rest opens.
        this.readOnly.set(bucket, err.message)
        this.problems.push({ file: err.file, message: err.message })
      }
    }
    await Promise.all(Array.from({ length: LOAD_WIDTH }, lane))
    // A split cut short by a crash is finished before anything else is written.
    for (const [bucket, rest] of layout.leftovers) await this.finishSplit(bucket, rest)
    // Buckets checked now are trusted from the next open on: written at once, not when the next write comes.
    if (trust) void trust.flush()
    this.scheduleHead()
    if (oversized.length) this.resharding = this.reshard(oversized.sort())
  }

  /**
   * `bucket`'s file stands beside files of its own split (`rest`, shortest first): a split a crash cut short.
   * Their entries are folded into the bucket, the deeper file winning for an id both hold, and the split is done
   * again: every article is then in exactly one file. When any of the files is damaged nothing is changed: the
   * bucket opens as its own file says, and the damage is reported.
   */
  private async finishSplit(bucket: string, rest: string[]): Promise<void> {
    const shard = this.buckets.get(bucket)
    if (!shard) return
    const metas: ArticleMeta[] = []
    let unchanged = true
    for (const name of rest) {
      try {
        const part = await this.open(name)
        const checked = checkCatalogEntries(part.data.articles, name, keptAsRead)
        if (checked.refused.length) {
          const message = `catalog/${name}.json has entries Glossa cannot use (${checked.refused.slice(0, 3).join('; ')}). It was left untouched; restore it from a backup.`
          this.problems.push({ file: `catalog/${name}.json`, message })
          this.files.whole.add(bucket)
          return
        }
        unchanged &&= checked.unchanged
        metas.push(...checked.metas)
      } catch (err) {
        if (!(err instanceof GlossaError)) throw err
        this.problems.push({ file: err.file, message: err.message })
        this.files.whole.add(bucket)
        return
      }
    }
    for (const meta of metas) {
      shard.data.articles[meta.id] = meta
      this.index(meta)
    }
    if (!unchanged) this.clean.delete(bucket)
    this.unsettled++
    try {
      await this.files.splitNow(bucket, shard, rest)
    } catch (err) {
      // Still pending: the old file stays the truth, and the next write under it tries the split again.
      // No file named in the problem: it is not damaged, and repairing it would move the truth aside.
      const message = `catalog/${bucket}.json could not be split (${String(err)}); it is tried again at the next change.`
      this.problems.push({ message })
    } finally {
      this.settle()
    }
  }

  /** Splits, one at a time, the buckets read past the split size (written by a Glossa that did not split). */
  private async reshard(oversized: string[]): Promise<void> {
    for (const bucket of oversized) {
      const shard = this.buckets.get(bucket)
      if (!shard || this.readOnly.has(bucket)) continue
      this.unsettled++
      try {
        await this.write(bucket, shard)
      } catch {
        // Left as it is: it is split at its next write, or at the next open.
      } finally {
        this.settle()
      }
    }
  }

  private open(bucket: string, onText?: (text: string) => void): Promise<Shard<CatalogFile>> {
    return openShard<CatalogFile>(
      this.root,
      join(this.dir, `${bucket}.json`),
      'catalog',
      () => ({ version: CURRENT_VERSION.catalog, articles: {} }),
      (c) => typeof c.articles === 'object' && c.articles !== null && !Array.isArray(c.articles),
      onText,
    )
  }

  private write(bucket: string, shard: Shard<CatalogFile>): Promise<void> {
    return this.files.write(bucket, shard)
  }

  /** How many buckets the last load took on trust and how many it checked entry by entry (none without trust). */
  trustStats(): { trusted: number; checked: number } {
    return { ...(this.trust?.opened ?? { trusted: 0, checked: 0 }) }
  }

  /** Waits for the splits after opening, the trust snapshot's and the head's pending saves (the buckets are awaited by their writers). */
  async flush(): Promise<void> {
    await this.resharding
    await this.files.settled()
    await this.trust?.flush()
    if (this.headTimer) {
      clearTimeout(this.headTimer)
      this.headTimer = undefined
      this.saveHead()
    }
    await this.headSaving
  }

  /** The library's head follows the catalog a moment after it changes (only with trust: it is signed). */
  private scheduleHead(): void {
    if (!this.trust || this.headTimer) return
    this.headTimer = setTimeout(() => {
      this.headTimer = undefined
      this.saveHead()
    }, HEAD_DELAY_MS)
    this.headTimer.unref?.()
  }

  /**
   * Writes the head from memory when memory and the buckets on disk agree: no put or remove under way before,
   * and none started while the buckets' fingerprint was taken. Otherwise it tries again later.
   */
  private saveHead(): void {
    const trust = this.trust
    if (!trust) return
    this.headSaving = this.headSaving
      .then(async () => {
        if (this.unsettled || this.bulk) return this.scheduleHead()
        const at = this.changes
        const all = this.all()
        const head = { total: all.length, items: all.slice(0, HEAD_ROWS).map(listItem) }
        const fingerprint = await catalogFingerprint(this.root)
        if (this.changes !== at || this.unsettled) return this.scheduleHead()
        await writeHead(this.root, head, fingerprint, (purpose, text) => trust.macOf(purpose, text))
      })
      // A head that could not be written only costs the next open its early rows.
      .catch(() => {})
  }

  /** A put or remove is on disk (or failed): the head may follow. */
  private settle(): void {
    this.unsettled--
    this.scheduleHead()
  }

  /** After a damaged bucket file was moved aside: a fresh, writable, empty bucket. */
  async resetBucket(bucket: string): Promise<void> {
    this.readOnly.delete(bucket)
    const shard = await this.open(bucket)
    if (Object.keys(shard.data.articles).length === 0) this.clean.add(bucket)
    else this.clean.delete(bucket)
    this.buckets.set(bucket, shard)
    this.scheduleHead()
  }

  /**
   * Told, after the counters moved, of each article that comes (`old` undefined), goes (`now` undefined) or
   * changes a field the library sorts by: the library moves it within its sort orders instead of sorting again.
   */
  onOrderChange(listener: OrderListener): () => void {
    this.orderListeners.add(listener)
    return () => this.orderListeners.delete(listener)
  }

  /** Told, after the counters moved, of every article that comes, goes or changes in any way. */
  onEntryChange(listener: OrderListener): () => void {
    this.entryListeners.add(listener)
    return () => this.entryListeners.delete(listener)
  }

  private index(meta: ArticleMeta): void {
    const old = this.byId.get(meta.id)
    this.changes++
    const moved = !old || !sameOrder(old, meta)
    if (moved) this.orderChanges++
    if (old) this.unindex(old)
    this.byId.set(meta.id, meta)
    if (this.dupes) this.noteDuplicateKeys(this.dupes, meta)
    if (moved) for (const listener of this.orderListeners) listener(old, meta)
    for (const listener of this.entryListeners) listener(old, meta)
  }

  private unindex(meta: ArticleMeta): void {
    this.byId.delete(meta.id)
    const d = this.dupes
    if (!d) return
    if (d.byHash.get(meta.textHash) === meta.id) d.byHash.delete(meta.textHash)
    if (meta.canonicalUrl && d.byUrl.get(meta.canonicalUrl) === meta.id) d.byUrl.delete(meta.canonicalUrl)
  }

  private noteDuplicateKeys(d: NonNullable<CatalogStore['dupes']>, meta: ArticleMeta): void {
    d.byHash.set(meta.textHash, meta.id)
    if (meta.canonicalUrl) d.byUrl.set(meta.canonicalUrl, meta.id)
  }

  findDuplicate(hash: string, canonicalUrl?: string): ArticleMeta | undefined {
    if (!this.dupes) {
      this.dupes = { byHash: new Map(), byUrl: new Map() }
      for (const meta of this.byId.values()) this.noteDuplicateKeys(this.dupes, meta)
    }
    const { byHash, byUrl } = this.dupes
    const id = byHash.get(hash) ?? (canonicalUrl ? byUrl.get(canonicalUrl) : undefined)
    return id ? this.byId.get(id) : undefined
  }

  all(): ArticleMeta[] {
    // ISO timestamps sort as plain strings; localeCompare is ten times slower at 10,000 articles.
    this.sorted ??= [...this.byId.values()].sort((a, b) =>
      a.addedAt < b.addedAt ? 1 : a.addedAt > b.addedAt ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    )
    return this.sorted
  }

  size(): number {
    return this.byId.size
  }

  has(id: string): boolean {
    return this.byId.has(id)
  }

  get(id: string): ArticleMeta {
    const meta = this.byId.get(id)
    if (!meta) throw new GlossaError('not_found', `No article with id ${id} in this archive.`)
    return meta
  }

  /** The bucket that holds (or will hold) the article with this id. */
  bucketFor(id: string): string {
    return this.files.leafOf(id)
  }

  /** Whether the bucket that holds this id is read-only (damaged). */
  isReadOnlyFor(id: string): boolean {
    return this.readOnly.has(this.bucketFor(id))
  }

  /** The catalog files left read-only because they are damaged, as archive-relative paths. */
  damagedFiles(): string[] {
    return [...this.readOnly.keys()].map((bucket) => `catalog/${bucket}.json`)
  }

  isReadOnly(bucket: string): boolean {
    return this.readOnly.has(bucket)
  }

  assertWritable(id: string): void {
    const reason = this.readOnly.get(this.bucketFor(id))
    if (reason)
      throw new GlossaError(
        'read_only',
        `This part of the archive is read-only until it is repaired: ${reason}`,
      )
  }

  async put(meta: ArticleMeta): Promise<void> {
    this.assertWritable(meta.id)
    this.unsettled++
    try {
      await this.putNow(meta)
    } finally {
      this.settle()
    }
  }

  private async putNow(meta: ArticleMeta): Promise<void> {
    // Memory first, synchronously: the library sees the change even while the bucket file is being written.
    const old = this.byId.get(meta.id)
    this.index(meta)
    // A save changes an article's counts, not its place: swap the entry in the sorted list instead of
    // sorting 100,000 articles again on the next list.
    const at = old && this.sorted && old.addedAt === meta.addedAt ? this.sorted.indexOf(old) : -1
    if (at >= 0) this.sorted![at] = meta
    else if (!old && this.sorted && isNewest(meta, this.sorted[0]))
      // A new article is the newest: in front of the list (a new array, so no one iterating the old one
      // sees it shift), not a sort of the whole catalog. concat, not a spread: the spread walks the iterator,
      // 10.5 ms of CPU per imported page at 100,000 articles against 3 ms (load 14).
      this.sorted = [meta].concat(this.sorted)
    else this.sorted = null
    const [bucket, shard] = await this.writable(meta.id)
    // A later put or a remove of this article while the bucket opened wins: never write back a stale entry.
    if (this.byId.get(meta.id) !== meta) return
    shard.data.articles[meta.id] = meta
    if (this.trust && !passesUnchanged(meta, bucket)) this.clean.delete(bucket)
    if (this.bulk) return void this.bulk.add(bucket)
    await this.write(bucket, shard)
  }

  /**
   * Bulk mode: puts change memory and their bucket's data, and the bucket is written once, by endBulk(), instead
   * of once per put (a bucket of 400 entries rewritten for each of 100,000 articles). Written at any moment, a
   * bucket is whole and names only bodies already on disk, so a crash before the end loses only the entries.
   */
  beginBulk(): void {
    this.bulk ??= new Set()
  }

  /** Writes every bucket changed since beginBulk(), through the same write() as every put, and ends bulk mode. */
  async endBulk(): Promise<void> {
    const changed = this.bulk
    this.bulk = null
    if (!changed) return
    // A few at a time, as they load: each bucket's text is let go once written (all 256 of 100,000 articles
    // at once held 80 MB of text more).
    const buckets = [...changed]
    let next = 0
    const lane = async () => {
      while (next < buckets.length) {
        const bucket = buckets[next++]
        const shard = this.buckets.get(bucket)
        if (shard) await this.write(bucket, shard)
      }
    }
    await Promise.all(Array.from({ length: LOAD_WIDTH }, lane))
    this.scheduleHead()
  }

  async remove(id: string): Promise<void> {
    this.unsettled++
    try {
      await this.removeNow(id)
    } finally {
      this.settle()
    }
  }

  private async removeNow(id: string): Promise<void> {
    const [bucket, shard] = await this.writable(id)
    delete shard.data.articles[id]
    const old = this.byId.get(id)
    if (old) this.unindex(old)
    this.changes++
    this.orderChanges++
    this.sorted = null
    if (old) for (const listener of this.orderListeners) listener(old, undefined)
    if (old) for (const listener of this.entryListeners) listener(old, undefined)
    // Written at once even in bulk mode: the article's files are removed next, and no bucket on disk may name them.
    this.bulk?.delete(bucket)
    await this.write(bucket, shard)
  }

  private readonly opening = new Map<string, Promise<Shard<CatalogFile>>>()

  /**
   * The bucket that holds `id` and its shard, opened if it was not (a bucket never written). Used at once by the
   * caller, with no await between: a split moves articles to other shards.
   */
  private async writable(id: string): Promise<[string, Shard<CatalogFile>]> {
    for (;;) {
      this.assertWritable(id)
      const bucket = this.bucketFor(id)
      const open = this.buckets.get(bucket)
      if (open) return [bucket, open]
      await this.opened(bucket)
    }
  }

  private opened(bucket: string): Promise<Shard<CatalogFile>> {
    // Two first writes to one bucket share one open: two shards of one file would lose an entry.
    let pending = this.opening.get(bucket)
    if (!pending) {
      pending = this.open(bucket).then((shard) => {
        // Opened for a first write: the file was missing (an empty bucket), else it was loaded at open.
        if (Object.keys(shard.data.articles).length === 0) this.clean.add(bucket)
        this.buckets.set(bucket, shard)
        this.opening.delete(bucket)
        return shard
      })
      pending.catch(() => this.opening.delete(bucket))
      this.opening.set(bucket, pending)
    }
    return pending
  }
}

/** Whether the library's sort orders (date added, published, title, source) are the same for both entries. */
function sameOrder(a: ArticleMeta, b: ArticleMeta): boolean {
  return (
    a.addedAt === b.addedAt &&
    a.publishedAt === b.publishedAt &&
    a.title === b.title &&
    a.source === b.source &&
    a.url === b.url &&
    a.canonicalUrl === b.canonicalUrl
  )
}

/** Whether `meta` goes before `first` in date-added order (newest first, ties by id). */
function isNewest(meta: ArticleMeta, first: ArticleMeta | undefined): boolean {
  return !first || meta.addedAt > first.addedAt || (meta.addedAt === first.addedAt && meta.id < first.id)
}
