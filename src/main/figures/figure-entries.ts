// Main process: a tagged figure as the figures index holds it (FigureEntry), made from an article's annotations
// or read back from the saved index (index-file.ts), and as it is saved. No state: figure-index.ts keeps them.
import type { FigureEntry } from '../../shared/figures/conflicts'
import type { Annotation } from '../../shared/types'
import type { Archive } from '../archive/archive'
import type { SavedFigure } from './index-file'

export function articleRef(archive: Archive, articleId: string) {
  const a = archive.meta(articleId)
  return { id: a.id, title: a.title, source: a.source, publishedAt: a.publishedAt, url: a.url }
}

export function fromSaved(
  articleId: string,
  article: FigureEntry['article'],
  [id, figure, tags, creator, quote, prefix, suffix, note, page]: SavedFigure,
): FigureEntry {
  return {
    annotation: {
      id,
      articleId,
      figure,
      tags,
      ...(creator ? { creator } : {}),
      note,
      quote,
      prefix,
      suffix,
      ...(page ? { page } : {}),
    },
    article,
  }
}

export function toSaved({ annotation: a }: FigureEntry): SavedFigure {
  return [a.id, a.figure, a.tags, a.creator ?? null, a.quote, a.prefix, a.suffix, a.note, a.page ?? null]
}

export function entriesOf(archive: Archive, articleId: string, list: Annotation[]): FigureEntry[] {
  const article = articleRef(archive, articleId)
  const entries: FigureEntry[] = []
  for (const n of list)
    if (n.figure)
      entries.push({
        annotation: {
          id: n.id,
          articleId,
          figure: n.figure,
          tags: n.tags,
          ...(n.creator ? { creator: n.creator } : {}),
          note: n.note,
          quote: n.target.quote.exact,
          prefix: n.target.quote.prefix,
          suffix: n.target.quote.suffix,
          ...(n.pdf ? { page: n.pdf.label } : {}),
        },
        article,
      })
  return entries
}
