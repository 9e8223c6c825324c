// Main process: the segmented index (segmented-index.ts) plus what each article was indexed from
// (article-state.ts), kept current one article at a time.
import type { Signature } from './freshness'
import { INDEX_OPTIONS } from './documents'
import type { SearchDoc } from './documents'
import { ArticleState } from './article-state'
import type { StoreArticles } from './segment-store'
import { SegmentedIndex } from './segmented-index'

export const FIELDS = INDEX_OPTIONS.fields

export class SegmentState extends ArticleState {
  constructor(
    public engine: SegmentedIndex = new SegmentedIndex(FIELDS),
    signatures = new Map<string, Signature>(),
    problems: string[] = [],
  ) {
    super(signatures, problems)
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

  protected hasArticleDoc(id: string): boolean {
    // The meta signature is set only once the article's own document is in the index.
    return Boolean(this.signatures.get(id)?.meta)
  }

  protected replaceArticleDoc(id: string, doc: SearchDoc): void {
    this.engine.removeArticle(id, 'article')
    this.engine.add([doc])
  }

  protected replaceAnnotationDocs(id: string, docs: SearchDoc[]): void {
    this.engine.removeArticle(id, 'annotations')
    this.engine.add(docs)
  }

  protected removeDocs(id: string): boolean {
    return this.engine.removeArticle(id) > 0
  }
}
