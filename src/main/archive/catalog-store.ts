// Main process: the catalog of article metadata, held in memory and stored in 256 bucket files.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { GlossaError } from '../../shared/errors'
import type { Problem } from './problems'
import type { ArticleMeta } from '../../shared/types'
import { writeAtomic } from './atomic'
import { keptAsRead, passesUnchanged } from './catalog-trust'
import type { CatalogTrust } from './catalog-trust'
import { bucketOf } from './ids'
import { CURRENT_VERSION } from './migrations'
import { checkCatalogEntries } from './records'
import { openShard } from './shard'
import type { Shard } from './shard'

/** Buckets read and parsed at once while the catalog loads. */
const LOAD_WIDTH = 8

export type OrderListener = (old: ArticleMeta | undefined, now: ArticleMeta | undefined) => void

type CatalogFile = { version: number; articles: Record<string, ArticleMeta> }

export class CatalogStore {
  private readonly buckets = new Map<string, Shard<CatalogFile>>()
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
  private readonly clean = new Set<string>()
  private trust: CatalogTrust | null = null
  private readonly orderListeners = new Set<OrderListener>()

  constructor(
    private readonly root: string,
    private readonly problems: Problem[],
  ) {}

  private get dir(): string {
    return join(this.root, 'catalog')
  }

  /**
   * Reads every bucket. With `trust` (catalog-trust.ts), a bucket whose text this machine checked or wrote before
   * is taken as it is; any other is checked entry by entry, and recorded as trusted when nothing was refused.
   */
  async load(trust: CatalogTrust | null = null): Promise<void> {
    this.trust = trust
    const names = (await readdir(this.dir)).filter((n) => /^[^.].*\.json$/.test(n))
    // A few buckets at a time, not all 256 at once: each file's text is let go once it is parsed, so opening
    // 100,000 articles peaked at 230 MB instead of 450 MB (every text and every parsed entry alive at once).
    let next = 0
    const lane = async () => {
      while (next < names.length) await one(names[next++])
    }
    const one = async (name: string) => {
      const bucket = name.slice(0, -'.json'.length)
      try {
        let text: string | undefined
        const shard = await this.open(bucket, (t) => (text = t))
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
    // Buckets checked now are trusted from the next open on: written at once, not when the next write comes.
    if (trust) void trust.flush()
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

  /** Writes the bucket as it is in memory; its text is trusted on the next open while every entry passed. */
  private write(bucket: string, shard: Shard<CatalogFile>): Promise<void> {
    const text = JSON.stringify(shard.data)
    if (this.clean.has(bucket)) this.trust?.record(bucket, text)
    else this.trust?.forget(bucket)
    return writeAtomic(shard.file, text)
  }

  /** How many buckets the last load took on trust and how many it checked entry by entry (none without trust). */
  trustStats(): { trusted: number; checked: number } {
    return { ...(this.trust?.opened ?? { trusted: 0, checked: 0 }) }
  }

  /** Waits for the trust snapshot's pending save (the buckets themselves are awaited by their writers). */
  async flush(): Promise<void> {
    await this.trust?.flush()
  }

  /** After a damaged bucket file was moved aside: a fresh, writable, empty bucket. */
  async resetBucket(bucket: string): Promise<void> {
    this.readOnly.delete(bucket)
    const shard = await this.open(bucket)
    if (Object.keys(shard.data.articles).length === 0) this.clean.add(bucket)
    else this.clean.delete(bucket)
    this.buckets.set(bucket, shard)
  }

  /**
   * Told, after the counters moved, of each article that comes (`old` undefined), goes (`now` undefined) or
   * changes a field the library sorts by: the library moves it within its sort orders instead of sorting again.
   */
  onOrderChange(listener: OrderListener): () => void {
    this.orderListeners.add(listener)
    return () => this.orderListeners.delete(listener)
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

  /** The catalog files left read-only because they are damaged, as archive-relative paths. */
  damagedFiles(): string[] {
    return [...this.readOnly.keys()].map((bucket) => `catalog/${bucket}.json`)
  }

  isReadOnly(bucket: string): boolean {
    return this.readOnly.has(bucket)
  }

  assertWritable(id: string): void {
    const reason = this.readOnly.get(bucketOf(id))
    if (reason)
      throw new GlossaError(
        'read_only',
        `This part of the archive is read-only until it is repaired: ${reason}`,
      )
  }

  async put(meta: ArticleMeta): Promise<void> {
    this.assertWritable(meta.id)
    // Memory first, synchronously: the library sees the change even while the bucket file is being written.
    const old = this.byId.get(meta.id)
    this.index(meta)
    // A save changes an article's counts, not its place: swap the entry in the sorted list instead of
    // sorting 100,000 articles again on the next list.
    const at = old && this.sorted && old.addedAt === meta.addedAt ? this.sorted.indexOf(old) : -1
    if (at >= 0) this.sorted![at] = meta
    else if (!old && this.sorted && isNewest(meta, this.sorted[0]))
      // A new article is the newest: in front of the list (a new array, so no one iterating the old one
      // sees it shift), not a sort of the whole catalog.
      this.sorted = [meta, ...this.sorted]
    else this.sorted = null
    const shard = await this.writable(meta.id)
    // A later put or a remove of this article while the bucket opened wins: never write back a stale entry.
    if (this.byId.get(meta.id) !== meta) return
    shard.data.articles[meta.id] = meta
    const bucket = bucketOf(meta.id)
    if (this.trust && !passesUnchanged(meta, bucket)) this.clean.delete(bucket)
    await this.write(bucket, shard)
  }

  async remove(id: string): Promise<void> {
    const shard = await this.writable(id)
    delete shard.data.articles[id]
    const old = this.byId.get(id)
    if (old) this.unindex(old)
    this.changes++
    this.orderChanges++
    this.sorted = null
    if (old) for (const listener of this.orderListeners) listener(old, undefined)
    await this.write(bucketOf(id), shard)
  }

  private readonly opening = new Map<string, Promise<Shard<CatalogFile>>>()

  private async writable(id: string): Promise<Shard<CatalogFile>> {
    this.assertWritable(id)
    const bucket = bucketOf(id)
    const open = this.buckets.get(bucket)
    if (open) return open
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
