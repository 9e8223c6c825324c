// Main process: the library row of a catalog entry — what `articles.page`, the library head and `articles.list`
// send for one article. Its own module so the catalog (which writes the head) and the pages share it without a loop.
import { sourceOrDomain } from '../../shared/article-source'
import type { ArticleListItem, ArticleMeta } from '../../shared/types'

export function listItem(a: ArticleMeta): ArticleListItem {
  // An article stored without a source (before #14) shows its URL's domain, in the row and the filter.
  const source = sourceOrDomain(a)
  return {
    id: a.id,
    title: a.title,
    ...(source !== undefined ? { source } : {}),
    ...(a.publishedAt !== undefined ? { publishedAt: a.publishedAt } : {}),
    addedAt: a.addedAt,
    tags: a.tags,
    counts: a.counts,
    ...(a.collections?.length ? { collections: a.collections } : {}),
  }
}
