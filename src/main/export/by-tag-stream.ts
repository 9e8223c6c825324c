// Main process, export job process and CLI: notes-by-tag.md written as the export reads its slices (#19). The
// document groups every annotation under each of its tags, so no part of it is done until the last slice is
// read; rather than hold every annotation, each annotation's block is filed as it comes into a spill file of
// its tag (in a private folder beside the target), and the document is then written from them in tag order.
// Memory holds one slice and at most SPILL_CHARS of blocks waiting to be written, however large the export.
// (Reading each tag's articles again instead would read every annotations file once per tag it holds: about
// five times at the bench's 10,000 articles.) The document's temp file is made in that folder too, so an export
// killed at any point leaves one folder, which the next export into the same place sweeps (scratch.ts), and the
// target is only ever renamed into place whole.
import { appendFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { ExportBundle } from '../../shared/export'
import { byTagHead, byTagHeading, byTagSlice, compareTags } from '../../shared/export/markdown'
import { fileChunks, writeAtomicChunks } from '../archive/atomic'
import { withScratch } from './scratch'

/** The spill folder's name before its host, pid and random part (scratch.ts). */
export const SPILL_PREFIX = '.glossa-by-tag-'

/** Blocks held before they are appended to their tags' spill files. */
const SPILL_CHARS = 4 << 20

/** A section's blocks, appended to its spill file when the spill's buffers fill. */
type Section = { file: string; parts: string[] }

class TagSpill {
  private readonly sections = new Map<string, Section>()
  private untagged: Section | null = null
  private held = 0
  private files = 0

  constructor(
    private readonly dir: string,
    private readonly spillChars: number,
  ) {}

  async add(tags: string[], text: string): Promise<void> {
    const block = `\n\n${text}`
    if (!tags.length) (this.untagged ??= this.section()).parts.push(block)
    for (const tag of tags) {
      let section = this.sections.get(tag)
      if (!section) this.sections.set(tag, (section = this.section()))
      section.parts.push(block)
    }
    this.held += block.length * Math.max(1, tags.length)
    if (this.held > this.spillChars) await this.flush()
  }

  async flush(): Promise<void> {
    for (const section of [...this.sections.values(), ...(this.untagged ? [this.untagged] : [])]) {
      if (!section.parts.length) continue
      await appendFile(section.file, section.parts.join(''))
      section.parts = []
    }
    this.held = 0
  }

  /** The document's body after its head: each tag's section in compareTags order, then Untagged's. */
  async *sectionsInOrder(): AsyncGenerator<string | Uint8Array> {
    await this.flush()
    const tags = [...this.sections.keys()].sort(compareTags)
    const ordered: [string | null, Section][] = tags.map((tag) => [tag, this.sections.get(tag)!])
    if (this.untagged) ordered.push([null, this.untagged])
    for (const [tag, section] of ordered) {
      yield `\n\n${byTagHeading(tag)}`
      yield* fileChunks(section.file)
    }
  }

  private section(): Section {
    return { file: join(this.dir, `${this.files++}.md`), parts: [] }
  }
}

/** Writes notes-by-tag.md of these slices to `file` (atomically); returns the bytes written. */
export async function writeByTagMarkdown(
  file: string,
  slices: AsyncIterable<ExportBundle>,
  generatedAt: string,
  /** Blocks held before they are spilled (tests spill every block). */
  spillChars = SPILL_CHARS,
): Promise<number> {
  return withScratch(dirname(file), SPILL_PREFIX, async (dir) => {
    const spill = new TagSpill(dir, spillChars)
    let articles = 0
    let annotations = 0
    for await (const slice of slices) {
      const part = byTagSlice(slice)
      articles += part.articles
      annotations += part.annotations
      for (const block of part.blocks) await spill.add(block.tags, block.text)
    }
    async function* document(): AsyncGenerator<string | Uint8Array> {
      yield byTagHead(generatedAt, articles, annotations)
      yield* spill.sectionsInOrder()
      yield '\n'
    }
    return writeAtomicChunks(file, document(), dir)
  })
}
