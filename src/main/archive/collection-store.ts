// Main process: named collections of articles (collections.json). Membership lives on each article's
// metadata, so a collection's articles come straight from the catalog.
import { join } from 'node:path'
import { GlossaError } from '../../shared/errors'
import type { Problem } from './problems'
import { CURRENT_VERSION } from './migrations'
import { openShard } from './shard'
import type { Shard } from './shard'

type CollectionFile = { version: number; collections: Record<string, { name: string; createdAt: string }> }

export class CollectionStore {
  private shard: Shard<CollectionFile> | null = null
  private damage: string | null = null

  constructor(
    private readonly root: string,
    private readonly problems: Problem[],
  ) {}

  async load(): Promise<void> {
    this.damage = null
    try {
      this.shard = await openShard<CollectionFile>(
        this.root,
        join(this.root, 'collections.json'),
        'collections',
        () => ({ version: CURRENT_VERSION.collections, collections: {} }),
        (f) => typeof f.collections === 'object' && f.collections !== null,
      )
    } catch (err) {
      if (!(err instanceof GlossaError)) throw err
      this.damage = err.message
      this.problems.push({ file: err.file, message: err.message })
    }
  }

  private writable(): Shard<CollectionFile> {
    if (!this.shard)
      throw new GlossaError('read_only', `Collections cannot be changed: ${this.damage ?? 'not loaded'}`)
    return this.shard
  }

  all(): { id: string; name: string }[] {
    const entries = Object.entries(this.shard?.data.collections ?? {})
    return entries.map(([id, c]) => ({ id, name: c.name })).sort((a, b) => a.name.localeCompare(b.name))
  }

  has(id: string): boolean {
    return !!this.shard && Object.hasOwn(this.shard.data.collections, id)
  }

  async put(id: string, name: string): Promise<void> {
    const shard = this.writable()
    const clash = this.all().find((c) => c.id !== id && c.name.toLowerCase() === name.toLowerCase())
    if (clash) throw new GlossaError('conflict', `There is already a collection called “${clash.name}”.`)
    shard.data.collections[id] = {
      name,
      createdAt: shard.data.collections[id]?.createdAt ?? new Date().toISOString(),
    }
    await shard.write()
  }

  async remove(id: string): Promise<void> {
    const shard = this.writable()
    delete shard.data.collections[id]
    await shard.write()
  }
}
