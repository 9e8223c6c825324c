// Main process: tag colours (tags.json). Which tags exist is derived from articles and annotations.
import { join } from 'node:path'
import { GlossaError } from '../../shared/errors'
import type { Problem } from './problems'
import type { HighlightColor } from '../../shared/types'
import { CURRENT_VERSION } from './migrations'
import { openShard } from './shard'
import type { Shard } from './shard'

type TagFile = { version: number; tags: Record<string, { color?: HighlightColor }> }

export class TagStore {
  private shard: Shard<TagFile> | null = null

  private damage: string | null = null

  constructor(
    private readonly root: string,
    private readonly problems: Problem[],
  ) {}

  async load(): Promise<void> {
    this.damage = null
    try {
      this.shard = await this.openFile()
    } catch (err) {
      if (!(err instanceof GlossaError)) throw err
      this.damage = err.message
      this.problems.push({ file: err.file, message: err.message })
    }
  }

  private openFile(): Promise<Shard<TagFile>> {
    return openShard<TagFile>(
      this.root,
      join(this.root, 'tags.json'),
      'tags',
      () => ({ version: CURRENT_VERSION.tags, tags: {} }),
      (f) => typeof f.tags === 'object' && f.tags !== null,
    )
  }

  colors(): Record<string, { color?: HighlightColor }> {
    return this.shard?.data.tags ?? {}
  }

  async setColor(name: string, color: HighlightColor | undefined): Promise<void> {
    if (!this.shard)
      throw new GlossaError('read_only', `Tag colours cannot be saved: ${this.damage ?? 'not loaded'}`)
    const tags = this.shard.data.tags
    const next = { ...(Object.hasOwn(tags, name) ? tags[name] : {}), color }
    // defineProperty, not assignment: `tags['__proto__'] = …` would replace the prototype and save nothing.
    Object.defineProperty(tags, name, { value: next, enumerable: true, writable: true, configurable: true })
    await this.shard.write()
  }
}
