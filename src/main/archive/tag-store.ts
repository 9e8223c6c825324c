// Main process: tag colours (tags.json). Which tags exist is derived from articles and annotations.
import type { HighlightColor } from '../../shared/types'
import { CURRENT_VERSION } from './migrations'
import type { Problem } from './problems'
import { checkTagsFile } from './records'
import { SingleFileStore } from './single-file-store'

type TagFile = { version: number; tags: Record<string, { color?: HighlightColor }> }

export class TagStore extends SingleFileStore<TagFile> {
  constructor(root: string, problems: Problem[]) {
    super(root, problems, {
      name: 'tags.json',
      kind: 'tags',
      what: 'Tag colours',
      defaults: () => ({ version: CURRENT_VERSION.tags, tags: {} }),
      isValid: (f) => checkTagsFile(f),
    })
  }

  colors(): Record<string, { color?: HighlightColor }> {
    return this.shard?.data.tags ?? {}
  }

  setColor(name: string, color: HighlightColor | undefined): Promise<void> {
    return this.setColors([[name, color]])
  }

  /** Many tags' colours in one write of tags.json (a sync bringing thousands rewrote the file for each). */
  setColors(changes: [name: string, color: HighlightColor | undefined][]): Promise<void> {
    return this.change(({ tags }) => {
      for (const [name, color] of changes) {
        const next = { ...(Object.hasOwn(tags, name) ? tags[name] : {}), color }
        // defineProperty, not assignment: `tags['__proto__'] = …` would replace the prototype and save nothing.
        Object.defineProperty(tags, name, {
          value: next,
          enumerable: true,
          writable: true,
          configurable: true,
        })
      }
    })
  }
}
