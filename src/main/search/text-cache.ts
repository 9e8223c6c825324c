// Main process: the plain text of the articles searched most recently, so typing a query letter by letter does
// not re-read the same bodies from disk. Bounded by characters, because long reads are 20 times a news story.
import type { ArchiveReader } from '../archive/reader'

const MAX_ENTRIES = 64
const MAX_CHARS = 2_000_000

export class TextCache {
  private readonly texts = new Map<string, string>()
  private chars = 0

  constructor(private readonly archive: ArchiveReader) {}

  /** The article's text, or '' when its body cannot be read (the hit then gets a snippet from its title). */
  async get(id: string): Promise<string> {
    const cached = this.texts.get(id)
    if (cached !== undefined) {
      // Re-inserting moves the entry to the back of the Map's order: the front is the least recently used.
      this.texts.delete(id)
      this.texts.set(id, cached)
      return cached
    }
    let text: string
    try {
      text = (await this.archive.getArticle(id)).text
    } catch {
      return ''
    }
    this.forget(id)
    this.texts.set(id, text)
    this.chars += text.length
    for (const [oldest, old] of this.texts) {
      if (this.texts.size <= MAX_ENTRIES && this.chars <= MAX_CHARS) break
      this.texts.delete(oldest)
      this.chars -= old.length
    }
    return text
  }

  forget(id: string): void {
    const text = this.texts.get(id)
    if (text === undefined) return
    this.texts.delete(id)
    this.chars -= text.length
  }
}
