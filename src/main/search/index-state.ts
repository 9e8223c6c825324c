// Main process: the MiniSearch index plus what it was built from — per article, a signature of the catalog
// entry and of the annotations file it indexed — so a reopened index can tell which articles changed while it
// was closed and re-index only those.
import { MiniSearch } from './minisearch-adapter'
import { annotationSignature } from './freshness'
import type { Signature } from './freshness'
import type { ArchiveReader } from '../archive/reader'
import type { Annotation } from '../../shared/types'
import { INDEX_OPTIONS, annotationDocs, articleDoc, metaSignature } from './documents'
import type { SearchDoc } from './documents'

const MAX_PROBLEMS = 50

export class IndexState {
  private revisionCount = 0

  constructor(
    readonly ms: MiniSearch<SearchDoc> = new MiniSearch(INDEX_OPTIONS),
    readonly signatures = new Map<string, Signature>(),
    readonly annotationDocIds = new Map<string, string[]>(),
    readonly problems: string[] = [],
  ) {}

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
    if (recorded?.meta === metaSignature(source.meta(id)) && this.ms.has(id)) return
    const text = await this.readText(source, id)
    if (!source.has(id)) return this.remove(id)
    const meta = source.meta(id)
    if (this.ms.has(id)) this.ms.discard(id)
    this.ms.add(articleDoc(meta, text))
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
        // Read, not kept open: a build passes over every article.
        list = await source.readAnnotations(id)
      } catch (err) {
        this.report(`Notes and tags of article ${id} are not searchable: ${message(err)}`)
      }
    }
    if (!source.has(id)) return this.remove(id)
    this.ms.discardAll((this.annotationDocIds.get(id) ?? []).filter((doc) => this.ms.has(doc)))
    const docs = annotationDocs(id, list)
    this.ms.addAll(docs)
    this.revisionCount++
    const ids = docs.map((d) => d.id)
    if (ids.length > 0) this.annotationDocIds.set(id, ids)
    else this.annotationDocIds.delete(id)
    this.signatures.set(id, { meta: this.signatures.get(id)?.meta ?? '', annotations: signature })
  }

  remove(id: string): void {
    const docs = [id, ...(this.annotationDocIds.get(id) ?? [])].filter((doc) => this.ms.has(doc))
    this.ms.discardAll(docs)
    this.annotationDocIds.delete(id)
    if (this.signatures.delete(id)) this.revisionCount++
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
