// Main process: the MiniSearch index plus what it was built from (article-state.ts) — the older single-file
// index, read when there is no segmented index yet, to answer searches while the segments are built.
import { MiniSearch } from './minisearch-adapter'
import type { Signature } from './freshness'
import { INDEX_OPTIONS } from './documents'
import type { SearchDoc } from './documents'
import { ArticleState } from './article-state'

export { message } from './article-state'

export class IndexState extends ArticleState {
  constructor(
    readonly ms: MiniSearch<SearchDoc> = new MiniSearch(INDEX_OPTIONS),
    signatures = new Map<string, Signature>(),
    readonly annotationDocIds = new Map<string, string[]>(),
    problems: string[] = [],
  ) {
    super(signatures, problems)
  }

  protected hasArticleDoc(id: string): boolean {
    return this.ms.has(id)
  }

  protected replaceArticleDoc(id: string, doc: SearchDoc): void {
    if (this.ms.has(id)) this.ms.discard(id)
    this.ms.add(doc)
  }

  protected replaceAnnotationDocs(id: string, docs: SearchDoc[]): void {
    this.ms.discardAll((this.annotationDocIds.get(id) ?? []).filter((doc) => this.ms.has(doc)))
    this.ms.addAll(docs)
    const ids = docs.map((d) => d.id)
    if (ids.length > 0) this.annotationDocIds.set(id, ids)
    else this.annotationDocIds.delete(id)
  }

  protected removeDocs(id: string): boolean {
    const docs = [id, ...(this.annotationDocIds.get(id) ?? [])].filter((doc) => this.ms.has(doc))
    this.ms.discardAll(docs)
    this.annotationDocIds.delete(id)
    return false
  }
}
