// Main process: the segmented index (segmented-index.ts) plus what each article was indexed from
// (article-state.ts), kept current one article at a time, and the signature files it was saved in last
// (signature-files.ts), so a save writes only the signatures changed since.
import type { Signature } from './freshness'
import { INDEX_OPTIONS } from './documents'
import type { SearchDoc } from './documents'
import { ArticleState } from './article-state'
import type { SignatureSave, StoreArticles } from './segment-store'
import { SegmentedIndex } from './segmented-index'
import type { SignatureFile } from './signature-files'

export const FIELDS = INDEX_OPTIONS.fields

export class SegmentState extends ArticleState {
  constructor(
    public engine: SegmentedIndex = new SegmentedIndex(FIELDS),
    signatures = new Map<string, Signature>(),
    problems: string[] = [],
    /** The signature files the saved index names; every signature counts as changed when `rewrite`. */
    private files: SignatureFile[] = [],
    rewrite = false,
  ) {
    super(signatures, problems)
    if (rewrite) for (const id of signatures.keys()) this.changed.add(id)
  }

  /** What the next save writes of the signatures. */
  signatureSave(): SignatureSave {
    return { all: this.signatures, changed: new Set(this.changed), files: this.files }
  }

  /** The signature files the manifest names now. */
  get signatureFiles(): SignatureFile[] {
    return this.files
  }

  /** The save of `save` is in the files: `files` are what the manifest names now. */
  signaturesSaved(save: SignatureSave, files: SignatureFile[]): void {
    for (const id of save.changed) this.changed.delete(id)
    this.files = files
  }

  /** The signatures as a saved manifest holds them. */
  articles(): StoreArticles {
    const out: StoreArticles = {}
    for (const [id, s] of this.signatures) out[id] = [s.meta, s.annotations]
    return out
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
