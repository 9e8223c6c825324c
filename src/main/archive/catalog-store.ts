// Main process: the catalog of article metadata, held in memory and stored in 256 bucket files.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { GlossaError } from '../../shared/errors'
import type { Problem } from './problems'
import type { ArticleMeta } from '../../shared/types'
import { bucketOf } from './ids'
import { CURRENT_VERSION } from './migrations'
import { openShard } from './shard'
import type { Shard } from './shard'

type CatalogFile = { version: number; articles: Record<string, ArticleMeta> }

export class CatalogStore {
  private readonly buckets = new Map<string, Shard<CatalogFile>>()
  private readonly readOnly = new Map<string, string>()
  private readonly byId = new Map<string, ArticleMeta>()
  private sorted: ArticleMeta[] | null = null

  constructor(
    private readonly root: string,
    private readonly problems: Problem[],
  ) {}

  private get dir(): string {
    return join(this.root, 'catalog')
  }

  async load(): Promise<void> {
    const names = (await readdir(this.dir)).filter((n) => /^[^.].*\.json$/.test(n))
    await Promise.all(
      names.map(async (name) => {
        const bucket = name.slice(0, -'.json'.length)
        try {
          const shard = await this.open(bucket)
          this.buckets.set(bucket, shard)
          for (const meta of Object.values(shard.data.articles)) this.byId.set(meta.id, meta)
        } catch (err) {
          if (!(err instanceof GlossaError)) throw err
          // A damaged bucket stays readable-nothing and writable-never until it is restored; the rest opens.
          this.readOnly.set(bucket, err.message)
          this.problems.push({ file: err.file, message: err.message })
        }
      }),
    )
  }

  private open(bucket: string): Promise<Shard<CatalogFile>> {
    return openShard<CatalogFile>(
      this.root,
      join(this.dir, `${bucket}.json`),
      'catalog',
      () => ({ version: CURRENT_VERSION.catalog, articles: {} }),
      (c) => typeof c.articles === 'object' && c.articles !== null,
    )
  }

  /** After a damaged bucket file was moved aside: a fresh, writable, empty bucket. */
  async resetBucket(bucket: string): Promise<void> {
    this.readOnly.delete(bucket)
    this.buckets.set(bucket, await this.open(bucket))
  }

  all(): ArticleMeta[] {
    this.sorted ??= [...this.byId.values()].sort((a, b) => b.addedAt.localeCompare(a.addedAt))
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
    const shard = await this.writable(meta.id)
    shard.data.articles[meta.id] = meta
    this.byId.set(meta.id, meta)
    this.sorted = null
    await shard.write()
  }

  async remove(id: string): Promise<void> {
    const shard = await this.writable(id)
    delete shard.data.articles[id]
    this.byId.delete(id)
    this.sorted = null
    await shard.write()
  }

  private async writable(id: string): Promise<Shard<CatalogFile>> {
    this.assertWritable(id)
    const bucket = bucketOf(id)
    let shard = this.buckets.get(bucket)
    if (!shard) {
      shard = await this.open(bucket)
      this.buckets.set(bucket, shard)
    }
    return shard
  }
}
