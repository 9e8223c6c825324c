// Main process: the catalog's bucket files as held in memory, and how they are written and split
// (catalog-layout.ts says which file holds an id). A bucket written past SPLIT_BYTES is split in 16: in memory at
// once, so every later change finds its article in a child; on disk the children are written and then the
// bucket's own file is removed. Until that removal the old file is the truth for its articles (opening folds
// leftover children back into it), so any later write under it waits for the split to be on disk: a change
// written to a child before the parent is gone could be undone by a crash (an article deleted from a child would
// come back from the parent).
import { join } from 'node:path'
import type { ArticleMeta } from '../../shared/types'
import { removeDurably, writeAtomic } from './atomic'
import { MAX_NAME, SPLIT_BYTES, bucketAt, childrenOf, isLayoutName, leafOf } from './catalog-layout'
import type { CatalogTrust } from './catalog-trust'
import { CURRENT_VERSION } from './migrations'
import { Shard } from './shard'

export type CatalogFile = { version: number; articles: Record<string, ArticleMeta> }

export class CatalogBuckets {
  /** The buckets open for writing, by name. */
  readonly shards = new Map<string, Shard<CatalogFile>>()
  /** Buckets split in 16: their articles are in longer names. */
  readonly split = new Set<string>()
  /** Buckets whose every entry passed the check unchanged: what they are written as may be trusted. */
  readonly clean = new Set<string>()
  /** Split buckets whose own file is still on disk, and the work that removes it. */
  private readonly settling = new Map<string, Promise<void>>()
  private readonly pending = new Set<string>()
  /** Files of an earlier split a crash cut short, removed before their parent's file. */
  private readonly stale = new Map<string, string[]>()
  /** Buckets never split: a damaged file of an earlier split stands beside them, and is left as it is. */
  readonly whole = new Set<string>()
  /** Each bucket's last write under way: a split removes the old file only after it. */
  private readonly lastWrite = new Map<string, Promise<void>>()

  constructor(
    private readonly dir: string,
    private readonly trust: () => CatalogTrust | null,
  ) {}

  file(bucket: string): string {
    return join(this.dir, `${bucket}.json`)
  }

  /** The bucket that holds (or will hold) `id`. */
  leafOf(id: string): string {
    return leafOf(id, this.split)
  }

  /** The shortest split bucket above `bucket` whose own file is not removed yet. */
  private pendingAbove(bucket: string): string | undefined {
    for (let n = 2; n < bucket.length; n++)
      if (this.pending.has(bucket.slice(0, n))) return bucket.slice(0, n)
    return undefined
  }

  /**
   * Writes the bucket as it is in memory (after any split above it is on disk), or splits it when its text has
   * passed the split size. Settles once what `shard` holds now is on disk — its folder's flush owed instead of
   * made with `folderLater` (atomic.ts; a split's writes and removals are always flushed).
   */
  async write(bucket: string, shard: Shard<CatalogFile>, { folderLater = false } = {}): Promise<void> {
    for (let above = this.pendingAbove(bucket); above; above = this.pendingAbove(bucket))
      await this.settle(above)
    if (this.shards.get(bucket) !== shard) {
      // Split meanwhile: what the shard held went into its children, written by that split.
      if (this.pending.has(bucket)) await this.settle(bucket)
      return
    }
    return this.writeNow(bucket, shard, folderLater)
  }

  private writeNow(bucket: string, shard: Shard<CatalogFile>, folderLater = false): Promise<void> {
    const text = JSON.stringify(shard.data)
    if (
      text.length > SPLIT_BYTES &&
      bucket.length < MAX_NAME &&
      isLayoutName(bucket) &&
      !this.whole.has(bucket)
    )
      return this.splitNow(bucket, shard)
    if (this.clean.has(bucket)) this.trust()?.record(bucket, text)
    else this.trust()?.forget(bucket)
    // In a worker thread of its own (atomic-thread.ts): two wake-ups of this thread instead of ten, beside a save.
    const done = writeAtomic(shard.file, text, { thread: 'after', folderLater })
    this.lastWrite.set(
      bucket,
      done.catch(() => {}),
    )
    return done
  }

  /** Splits the bucket in 16 now, whatever its size; `stale` are files of an earlier split cut short. */
  splitNow(bucket: string, shard: Shard<CatalogFile>, stale: string[] = []): Promise<void> {
    const children = new Map<string, Shard<CatalogFile>>()
    for (const name of childrenOf(bucket))
      children.set(name, new Shard(this.file(name), { version: CURRENT_VERSION.catalog, articles: {} }))
    for (const [id, meta] of Object.entries(shard.data.articles))
      children.get(bucketAt(id, bucket.length + 1))!.data.articles[id] = meta
    const clean = this.clean.delete(bucket)
    this.shards.delete(bucket)
    this.split.add(bucket)
    for (const [name, child] of children) {
      this.shards.set(name, child)
      if (clean) this.clean.add(name)
    }
    this.pending.add(bucket)
    if (stale.length) this.stale.set(bucket, stale)
    return this.settle(bucket)
  }

  /**
   * Puts a split on disk: every bucket under it written as it is now (split again if still too large), the stale
   * files of an earlier cut-short split removed, then the bucket's own file. A failure leaves the split pending:
   * the next write under it tries again, and until then its old file stays the truth.
   */
  private settle(bucket: string): Promise<void> {
    let running = this.settling.get(bucket)
    if (running) return running
    running = (async () => {
      const under = [...this.shards].filter(
        ([name]) => name.length > bucket.length && name.startsWith(bucket),
      )
      await Promise.all(under.map(([name, shard]) => this.writeNow(name, shard)))
      await this.lastWrite.get(bucket)
      for (const name of this.stale.get(bucket) ?? [])
        if (!this.shards.has(name)) await removeDurably(this.file(name))
      await removeDurably(this.file(bucket))
      this.stale.delete(bucket)
      this.lastWrite.delete(bucket)
      this.pending.delete(bucket)
      this.trust()?.forget(bucket)
    })().finally(() => this.settling.delete(bucket))
    this.settling.set(bucket, running)
    return running
  }

  /** Resolves when no split is under way (failed ones included). */
  async settled(): Promise<void> {
    while (this.settling.size) await Promise.allSettled([...this.settling.values()])
  }
}
