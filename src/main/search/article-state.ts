// Main process: what IndexState (one MiniSearch index) and SegmentState (the segmented index) share — per
// article, a signature of the catalog entry and of the annotations file it indexed (freshness.ts), kept current
// one article at a time, so a reopened index can tell which articles changed while it was closed and re-index
// only those. An article's own document and its annotation documents are replaced apart, so a note saved
// re-reads no body; each subclass says how documents are replaced and removed in its index.
import type { ArchiveReader } from '../archive/reader'
import type { Annotation } from '../../shared/types'
import { annotationDocs, articleDoc, metaSignature } from './documents'
import type { SearchDoc } from './documents'
import { annotationSignature } from './freshness'
import type { Signature } from './freshness'

const MAX_PROBLEMS = 50

export abstract class ArticleState {
  private revisionCount = 0
  /** Articles whose signature changed since the owner last said it saved them (see SegmentState). */
  readonly changed = new Set<string>()

  constructor(
    readonly signatures = new Map<string, Signature>(),
    readonly problems: string[] = [],
  ) {}

  /** Whether the index holds the article's own document as last indexed (its signature being current). */
  protected abstract hasArticleDoc(id: string): boolean
  /** Puts the article's own document in place of the one the index holds, if any. */
  protected abstract replaceArticleDoc(id: string, doc: SearchDoc): void
  /** Puts the article's annotation documents in place of those the index holds. */
  protected abstract replaceAnnotationDocs(id: string, docs: SearchDoc[]): void
  /** Removes every document of the article; true when that alone is a change to count. */
  protected abstract removeDocs(id: string): boolean

  /** Grows with every change to the index, so the owner can tell whether it has saved the latest state. */
  get revision(): number {
    return this.revisionCount
  }

  /** Brings the article's own document and its annotation documents up to date with the archive. */
  async index(source: ArchiveReader, id: string): Promise<void> {
    await this.indexArticle(source, id)
    await this.indexAnnotations(source, id)
  }

  async indexArticle(source: ArchiveReader, id: string): Promise<void> {
    if (!source.has(id)) return this.remove(id)
    const recorded = this.signatures.get(id)
    // Updates that touch only collections or dates leave the document as it is: no body read.
    if (recorded?.meta === metaSignature(source.meta(id)) && this.hasArticleDoc(id)) return
    const text = await this.readText(source, id)
    if (!source.has(id)) return this.remove(id)
    const meta = source.meta(id)
    this.replaceArticleDoc(id, articleDoc(meta, text))
    this.revisionCount++
    this.changed.add(id)
    this.signatures.set(id, {
      meta: metaSignature(meta),
      annotations: this.signatures.get(id)?.annotations ?? '',
    })
  }

  async indexAnnotations(source: ArchiveReader, id: string): Promise<void> {
    if (!source.has(id)) return this.remove(id)
    const recorded = this.signatures.get(id)
    // Signature first, list second: if the file changes in between, the signature is the older one and the
    // next open re-indexes it, never the other way round.
    const signature = await annotationSignature(source, source.meta(id), recorded?.annotations ?? '')
    let list: Annotation[] = []
    if (signature) {
      try {
        // Read, not kept open: a build passes over every article.
        list = await source.readAnnotations(id)
      } catch (err) {
        this.report(`Notes and tags of article ${id} are not searchable: ${message(err)}`)
      }
    }
    if (!source.has(id)) return this.remove(id)
    this.replaceAnnotationDocs(id, annotationDocs(id, list))
    this.revisionCount++
    this.changed.add(id)
    this.signatures.set(id, { meta: this.signatures.get(id)?.meta ?? '', annotations: signature })
  }

  remove(id: string): void {
    const removed = this.removeDocs(id)
    if (this.signatures.delete(id) || removed) {
      this.revisionCount++
      this.changed.add(id)
    }
  }

  private async readText(source: ArchiveReader, id: string): Promise<string> {
    try {
      return (await source.getArticle(id)).text
    } catch (err) {
      this.report(`The text of article ${id} is not searchable: ${message(err)}`)
      return ''
    }
  }

  report(problem: string): void {
    if (this.problems.includes(problem)) return
    this.problems.push(problem)
    // Derived-data problems are advice, not a log: keep the latest few.
    if (this.problems.length > MAX_PROBLEMS) this.problems.shift()
  }
}

export function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
