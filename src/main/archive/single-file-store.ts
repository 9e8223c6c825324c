// Main process: a store kept in one small archive file (tags.json, collections.json). A damaged file is
// reported as a problem and leaves the store read-only; the rest of the archive opens.
import { join } from 'node:path'
import { GlossaError } from '../../shared/errors'
import type { ShardKind } from './migrations'
import type { Problem } from './problems'
import { openShard } from './shard'
import type { Shard, Versioned } from './shard'

export type StoreFile<T extends Versioned> = {
  name: string
  kind: ShardKind
  what: string
  defaults: () => T
  isValid: (data: T) => boolean | string
}

export class SingleFileStore<T extends Versioned> {
  protected shard: Shard<T> | null = null
  private damageReason: string | null = null

  constructor(
    private readonly root: string,
    private readonly problems: Problem[],
    private readonly file: StoreFile<T>,
  ) {}

  async load(): Promise<void> {
    this.damageReason = null
    try {
      const { name, kind, defaults, isValid } = this.file
      this.shard = await openShard<T>(this.root, join(this.root, name), kind, defaults, isValid)
    } catch (err) {
      if (!(err instanceof GlossaError)) throw err
      this.damageReason = err.message
      this.problems.push({ file: err.file, message: err.message })
    }
  }

  /** Why this store's file cannot be used, or null when it is sound. */
  damage(): string | null {
    return this.shard ? null : (this.damageReason ?? 'not loaded')
  }

  private changing: Promise<unknown> = Promise.resolve()

  /**
   * Changes the file's data and writes it, one change at a time. A write that fails (a full disk) puts memory
   * back as it was: a tag colour or a collection whose save failed was listed as saved, and gone after a restart.
   * `mutate` may throw to refuse before changing anything.
   */
  protected change(mutate: (data: T) => void): Promise<void> {
    const run = this.changing.then(async () => {
      const shard = this.writable()
      const before = structuredClone(shard.data)
      mutate(shard.data)
      try {
        await shard.write()
      } catch (err) {
        shard.data = before
        throw err
      }
    })
    this.changing = run.catch(() => {})
    return run
  }

  protected writable(): Shard<T> {
    if (!this.shard)
      throw new GlossaError(
        'read_only',
        `${this.file.what} cannot be changed: ${this.damageReason ?? 'not loaded'}`,
      )
    return this.shard
  }
}
