// Main process: named collections of articles (collections.json). Membership lives on each article's
// metadata, so a collection's articles come straight from the catalog.
import { GlossaError } from '../../shared/errors'
import { CURRENT_VERSION } from './migrations'
import type { Problem } from './problems'
import { checkCollectionsFile } from './records'
import { SingleFileStore } from './single-file-store'

type CollectionFile = { version: number; collections: Record<string, { name: string; createdAt: string }> }

export class CollectionStore extends SingleFileStore<CollectionFile> {
  constructor(root: string, problems: Problem[]) {
    super(root, problems, {
      name: 'collections.json',
      kind: 'collections',
      what: 'Collections',
      defaults: () => ({ version: CURRENT_VERSION.collections, collections: {} }),
      isValid: (f) => checkCollectionsFile(f),
    })
  }

  all(): { id: string; name: string }[] {
    const entries = Object.entries(this.shard?.data.collections ?? {})
    return entries.map(([id, c]) => ({ id, name: c.name })).sort((a, b) => a.name.localeCompare(b.name))
  }

  has(id: string): boolean {
    return !!this.shard && Object.hasOwn(this.shard.data.collections, id)
  }

  /** The collection of this name (any case) here, if there is one. */
  named(name: string): { id: string; name: string } | undefined {
    return this.all().find((c) => c.name.toLowerCase() === name.toLowerCase())
  }

  /**
   * `sameName`: a collection the team made under a name one here has already (two members made "Budget" each)
   * is taken beside it; refusing it hid every article the other member put in theirs.
   */
  put(id: string, name: string, { sameName = false } = {}): Promise<void> {
    return this.change((data) => {
      const clash = this.all().find((c) => c.id !== id && c.name.toLowerCase() === name.toLowerCase())
      if (clash && !sameName)
        throw new GlossaError('conflict', `There is already a collection called “${clash.name}”.`)
      data.collections[id] = {
        name,
        createdAt: data.collections[id]?.createdAt ?? new Date().toISOString(),
      }
    })
  }

  remove(id: string): Promise<void> {
    return this.change((data) => {
      delete data.collections[id]
    })
  }
}
