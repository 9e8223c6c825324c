// Main process: each article's annotations in a file of their own, opened on first use and kept open.
import type { Annotation } from '../../shared/types'
import type { WriteBatch } from './atomic'
import { articleFile } from './ids'
import { CURRENT_VERSION } from './migrations'
import { checkAnnotationFile } from './records'
import { openShard, openShardSync } from './shard'
import type { Shard } from './shard'

type AnnotationFile = { version: number; articleId: string; annotations: Annotation[] }

export class AnnotationStore {
  private readonly open = new Map<string, Promise<Shard<AnnotationFile>>>()
  /** Bulk mode (Archive.bulk): files are written in batches and not kept open, so memory stays flat. */
  private batch: WriteBatch | null = null
  /** Changes under way per article in bulk mode: its file is let go when the last one is written. */
  private readonly changing = new Map<string, number>()

  constructor(private readonly root: string) {}

  useBatch(batch: WriteBatch | null): void {
    this.batch = batch
  }

  private shard(articleId: string): Promise<Shard<AnnotationFile>> {
    let shard = this.open.get(articleId)
    if (!shard) {
      shard = openAnnotationFile(this.root, articleId)
      // A failed open is not cached: the next call reports the damage again instead of a stale promise.
      shard.catch(() => this.open.delete(articleId))
      this.open.set(articleId, shard)
    }
    return shard
  }

  async list(articleId: string): Promise<Annotation[]> {
    return (await this.shard(articleId)).data.annotations
  }

  /** Reads without keeping the file open: for passes over the whole archive (export), which would
   * otherwise hold every article's annotations in memory. */
  async peek(articleId: string): Promise<Annotation[]> {
    const open = this.open.get(articleId)
    if (open) return (await open).data.annotations
    return (await openAnnotationFile(this.root, articleId)).data.annotations
  }

  async change<R>(
    articleId: string,
    change: (list: Annotation[]) => R,
  ): Promise<{ result: R; list: Annotation[] }> {
    const batch = this.batch
    if (batch) this.changing.set(articleId, (this.changing.get(articleId) ?? 0) + 1)
    try {
      const shardPromise = this.shard(articleId)
      const shard = await shardPromise
      // `change` throws before mutating when it refuses, so a rejected call leaves memory and disk as they were.
      const result = change(shard.data.annotations)
      try {
        if (batch) await batch.write(shard.file, JSON.stringify(shard.data))
        // A save waits for this write: one round trip to a worker thread rather than five to the pool.
        else await shard.write({ thread: 'save' })
      } catch (err) {
        // Not written (a full disk): memory holds the change, the file does not. Let go of memory, so the next
        // read is the file — an unsaved note was listed as saved, counted, and gone after a restart.
        if (this.open.get(articleId) === shardPromise) this.open.delete(articleId)
        throw err
      }
      return { result, list: shard.data.annotations }
    } finally {
      if (batch) this.letGo(articleId)
    }
  }

  /** In bulk mode, once no change to the article is under way, its file is read again on the next use. */
  private letGo(articleId: string): void {
    const left = (this.changing.get(articleId) ?? 1) - 1
    if (left > 0) return void this.changing.set(articleId, left)
    this.changing.delete(articleId)
    this.open.delete(articleId)
  }

  forget(articleId: string): void {
    this.open.delete(articleId)
  }
}

/**
 * Reads one article's annotations file (a missing file is an empty list); writes nothing. Every annotation is
 * checked against the schema: a file with one that is not is damaged, reported and never written.
 */
export async function openAnnotationFile(root: string, articleId: string): Promise<Shard<AnnotationFile>> {
  return openShard<AnnotationFile>(
    root,
    articleFile(root, 'annotations', articleId),
    'annotations',
    () => ({ version: CURRENT_VERSION.annotations, articleId, annotations: [] }),
    (f) => checkAnnotationFile(f, articleId),
  )
}

/** One article's annotations, read synchronously with the same checks (an export process: openShardSync). */
export function readAnnotationFileSync(root: string, articleId: string): Annotation[] {
  return openShardSync<AnnotationFile>(
    root,
    articleFile(root, 'annotations', articleId),
    'annotations',
    () => ({ version: CURRENT_VERSION.annotations, articleId, annotations: [] }),
    (f) => checkAnnotationFile(f, articleId),
  ).data.annotations
}
