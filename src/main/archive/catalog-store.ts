// Main process: the catalog of article metadata, held in memory and stored in bucket files: 256 by the id's first
// two characters, each split in 16 by the next one when it grows past 64 KB (catalog-layout.ts).
import type { BigIntStats } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { flushOwedFolders } from './atomic'
import { join } from 'node:path'
import { GlossaError } from '../../shared/errors'
import type { Problem } from './problems'
import type { ArticleMeta } from '../../shared/types'
import { passesUnchanged } from './catalog-trust'
import type { CatalogTrust } from './catalog-trust'
import { CatalogBuckets } from './catalog-buckets'
import type { CatalogFile } from './catalog-buckets'
import { layoutOf } from './catalog-layout'
import { HeadWriter } from './catalog-head-writer'
import { CatalogOrders } from './catalog-orders'
import { fingerprintOf } from './library-head'
import { readBucket, readSplitParts } from './catalog-read'
import { CatalogMemory } from './catalog-memory'
import type { OrderListener } from './catalog-memory'
import { CURRENT_VERSION } from './migrations'
import { openShard } from './shard'
import type { OnText, Shard } from './shard'

/** Buckets read and parsed at once while the catalog loads. */
const LOAD_WIDTH = 8

export class CatalogStore {
  /** The bucket files held for writing, and how they are written and split (catalog-buckets.ts). */
  private readonly files: CatalogBuckets
  private readonly buckets: Map<string, Shard<CatalogFile>>
  /** Buckets of an older, unsplit catalog split after opening, one at a time (what flush() waits for). */
  private resharding: Promise<void> = Promise.resolve()
  private readonly readOnly = new Map<string, string>()
  /** The entries in memory, their date-added order and duplicate keys (catalog-memory.ts). */
  private readonly memory = new CatalogMemory()
  /** Buckets whose every entry passed the check unchanged: what they are written as may be trusted. */
  private readonly clean: Set<string>
  private trust: CatalogTrust | null = null
  /** Puts and removes under way: changed in memory, their bucket not yet on disk. */
  private unsettled = 0
  /** Writes the library's head a moment after the catalog changes (catalog-head-writer.ts). */
  private readonly head: HeadWriter
  /** Bulk mode (Archive.bulk): the buckets changed in memory, written once each by endBulk(). */
  private bulk: Set<string> | null = null
  /** The library's sort orders: saved on disk, read at open, and kept by the library to be saved (catalog-orders.ts). */
  readonly orders: CatalogOrders

  constructor(
    private readonly root: string,
    private readonly problems: Problem[],
  ) {
    this.files = new CatalogBuckets(this.dir, () => this.trust)
    this.buckets = this.files.shards
    this.clean = this.files.clean
    this.head = new HeadWriter(root, {
      trust: () => this.trust,
      unsettled: () => this.unsettled,
      inBulk: () => this.bulk !== null,
      changes: () => this.changes,
      all: () => this.all(),
      orders: () => this.orders.keptNow(),
    })
    this.orders = new CatalogOrders({
      root,
      orderChanges: () => this.orderChanges,
      all: () => this.all(),
      schedule: () => this.head.schedule(),
    })
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
    /** Each bucket file's status from its handle as read: the catalog's fingerprint as loaded. */
    const asRead = new Map<string, BigIntStats>()
    // A few buckets at a time, not all 256 at once: each file's text is let go once it is parsed, so opening
    // 100,000 articles peaked at 230 MB instead of 450 MB (every text and every parsed entry alive at once).
    let next = 0
    const lane = async () => {
      while (next < names.length) await one(names[next++])
    }
    const one = async (bucket: string) => {
      const noted = (name: string, onText?: (t: string) => void) =>
        this.open(name, (text, stat) => {
          asRead.set(`${name}.json`, stat)
          onText?.(text)
        })
      const read = await readBucket(noted, bucket, trust)
      if (read.oversized) oversized.push(bucket)
      for (const meta of read.metas) this.memory.index(meta)
      if (read.shard) {
        if (read.clean) this.clean.add(bucket)
        this.buckets.set(bucket, read.shard)
      }
      if (read.damage) {
        this.readOnly.set(bucket, read.damage.message)
        this.problems.push(read.damage)
      }
    }
    await Promise.all(Array.from({ length: LOAD_WIDTH }, lane))
    // A split cut short by a crash is finished before anything else is written.
    for (const [bucket, rest] of layout.leftovers) await this.finishSplit(bucket, rest)
    // Buckets checked now are trusted from the next open on: written at once, not when the next write comes.
    if (trust) void trust.flush()
    this.head.schedule()
    // The saved sort orders, for a catalog read whole and as written (no split finished, nothing damaged, every
    // file read), checked against its files as read: no 2,856 stats again, and a save meanwhile does not matter.
    const whole = !layout.leftovers.size && !this.readOnly.size && !oversized.length
    if (trust && whole && asRead.size === names.length)
      this.orders.start((purpose, text) => trust.macOf(purpose, text), fingerprintOf(asRead))
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
    const parts = await readSplitParts((name) => this.open(name), rest)
    if ('damage' in parts) {
      this.problems.push(parts.damage)
      this.files.whole.add(bucket)
      return
    }
    const { metas, unchanged } = parts
    for (const meta of metas) {
      shard.data.articles[meta.id] = meta
      this.memory.index(meta)
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
        await this.files.write(bucket, shard)
      } catch {
        // Left as it is: it is split at its next write, or at the next open.
      } finally {
        this.settle()
      }
    }
  }

  private open(bucket: string, onText?: OnText): Promise<Shard<CatalogFile>> {
    return openShard<CatalogFile>(
      this.root,
      join(this.dir, `${bucket}.json`),
      'catalog',
      () => ({ version: CURRENT_VERSION.catalog, articles: {} }),
      (c) => typeof c.articles === 'object' && c.articles !== null && !Array.isArray(c.articles),
      onText,
    )
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
    await this.head.flush()
    // The folder flush derived puts left owed: once flush() returns, every bucket write before it is on disk.
    await flushOwedFolders(this.dir)
  }

  /** A put or remove is on disk (or failed): the head may follow. */
  private settle(): void {
    this.unsettled--
    this.head.schedule()
  }

  /** After a damaged bucket file was moved aside: a fresh, writable, empty bucket. */
  async resetBucket(bucket: string): Promise<void> {
    this.readOnly.delete(bucket)
    const shard = await this.open(bucket)
    if (Object.keys(shard.data.articles).length === 0) this.clean.add(bucket)
    else this.clean.delete(bucket)
    this.buckets.set(bucket, shard)
    this.head.schedule()
  }

  /** Bumped on every change to the catalog: what the library's filtered pages are cached against. */
  get changes(): number {
    return this.memory.changes
  }

  /** Bumped when an article comes or goes, or a field the library sorts by changes: its sort orders. */
  get orderChanges(): number {
    return this.memory.orderChanges
  }

  /** See CatalogMemory.onOrderChange and onEntryChange. */
  onOrderChange(listener: OrderListener): () => void {
    return this.memory.onOrderChange(listener)
  }

  onEntryChange(listener: OrderListener): () => void {
    return this.memory.onEntryChange(listener)
  }

  findDuplicate(hash: string, canonicalUrl?: string): ArticleMeta | undefined {
    return this.memory.findDuplicate(hash, canonicalUrl)
  }

  all(): ArticleMeta[] {
    return this.memory.all()
  }

  size(): number {
    return this.memory.size()
  }

  has(id: string): boolean {
    return this.memory.has(id)
  }

  get(id: string): ArticleMeta {
    return this.memory.get(id)
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

  /**
   * Puts the entry in memory and writes its bucket. `derived`: the put changes only what the recount after a power
   * cut puts right (the counts an annotations file gives), and that recount is certain to follow one: the bucket's
   * folder flush is then owed, not made (atomic.ts `folderLater`; Archive.changeAnnotations says when).
   */
  async put(meta: ArticleMeta, { derived = false } = {}): Promise<void> {
    this.assertWritable(meta.id)
    this.unsettled++
    try {
      await this.putNow(meta, derived)
    } finally {
      this.settle()
    }
  }

  private async putNow(meta: ArticleMeta, derived: boolean): Promise<void> {
    // Memory first, synchronously: the library sees the change even while the bucket file is being written.
    this.memory.put(meta, this.memory.peek(meta.id))
    const [bucket, shard] = await this.writable(meta.id)
    // A later put of this article while the bucket opened wins: its newer entry is written, never this stale one —
    // and written by this put too, so this put settles only once its change (or a newer one) is on disk. Returning
    // at once let a save's saves-in-flight mark end before its counts were written. A remove meanwhile writes
    // the bucket itself.
    const current = this.memory.peek(meta.id)
    if (!current) return
    const previous = shard.data.articles[meta.id]
    shard.data.articles[meta.id] = current
    if (this.trust && !passesUnchanged(current, bucket)) this.clean.delete(bucket)
    if (this.bulk) return void this.bulk.add(bucket)
    try {
      await this.files.write(bucket, shard, { folderLater: derived })
    } catch (err) {
      // Not written (a full disk): memory goes back to what the bucket holds, unless a later put replaced it —
      // tags whose save failed were listed as saved, and gone after a restart.
      if (this.memory.peek(meta.id) === current && shard.data.articles[meta.id] === current) {
        if (previous) {
          shard.data.articles[meta.id] = previous
          this.memory.put(previous, current)
        } else {
          delete shard.data.articles[meta.id]
          this.memory.remove(meta.id)
        }
      }
      throw err
    }
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
        if (shard) await this.files.write(bucket, shard)
      }
    }
    await Promise.all(Array.from({ length: LOAD_WIDTH }, lane))
    this.head.schedule()
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
    this.memory.remove(id)
    // Written at once even in bulk mode: the article's files are removed next, and no bucket on disk may name them.
    this.bulk?.delete(bucket)
    await this.files.write(bucket, shard)
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
