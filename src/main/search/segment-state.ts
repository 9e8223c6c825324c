// Main process: the segmented index (segmented-index.ts) plus what each article was indexed from — a signature
// of its catalog entry and of its annotations file (freshness.ts) — kept current one article at a time. The
// same work as index-state.ts does over one MiniSearch index: an article's own document and its annotation
// documents are replaced apart, so a note saved re-reads no body.
import type { ArchiveReader } from '../archive/reader'
import type { Annotation } from '../../shared/types'
import { INDEX_OPTIONS, annotationDocs, articleDoc, metaSignature } from './documents'
import { annotationSignature } from './freshness'
import type { Signature } from './freshness'
import { message } from './index-state'
import type { StoreArticles } from './segment-store'
import { SegmentedIndex } from './segmented-index'

const MAX_PROBLEMS = 50
export const FIELDS = INDEX_OPTIONS.fields

export class SegmentState {
  private revisionCount = 0

  constructor(
    public engine: SegmentedIndex = new SegmentedIndex(FIELDS),
    readonly signatures = new Map<string, Signature>(),
    readonly problems: string[] = [],
  ) {}

  /** Grows with every change to the index, so the owner can tell whether it has saved the latest state. */
  get revision(): number {
    return this.revisionCount
  }

  /** The signatures as a saved manifest holds them. */
  articles(): StoreArticles {
    const out: StoreArticles = {}
    for (const [id, s] of this.signatures) out[id] = [s.meta, s.annotations]
    return out
  }

  static signaturesOf(articles: StoreArticles): Map<string, Signature> {
    return new Map(Object.entries(articles).map(([id, [meta, annotations]]) => [id, { meta, annotations }]))
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
    if (recorded?.meta && recorded.meta === metaSignature(source.meta(id))) return
    const text = await this.readText(source, id)
    if (!source.has(id)) return this.remove(id)
    const meta = source.meta(id)
    this.engine.removeArticle(id, 'article')
    this.engine.add([articleDoc(meta, text)])
    this.revisionCount++
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
        list = await source.readAnnotations(id)
      } catch (err) {
        this.report(`Notes and tags of article ${id} are not searchable: ${message(err)}`)
      }
    }
    if (!source.has(id)) return this.remove(id)
    this.engine.removeArticle(id, 'annotations')
    this.engine.add(annotationDocs(id, list))
    this.revisionCount++
    this.signatures.set(id, { meta: this.signatures.get(id)?.meta ?? '', annotations: signature })
  }

  remove(id: string): void {
    const removed = this.engine.removeArticle(id)
    if (this.signatures.delete(id) || removed > 0) this.revisionCount++
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
    if (this.problems.length > MAX_PROBLEMS) this.problems.shift()
  }
}
