// Main process: the library's rows a page at a time, filtered and sorted here, so the renderer's virtual list
// asks only for the rows it shows and the catalog (100,000 articles) never crosses to the window whole.
// Each sort order is kept until an article comes or goes or a field it sorts by changes; the last filtered
// list until anything in the catalog changes (a save changes counts, and so what "has notes" keeps).
import { sourceOrDomain } from '../../shared/article-source'
import { isEmptyFilter, matchesFilter, sortMetas } from '../../shared/library-query'
import type { LibraryFilter, LibrarySort } from '../../shared/library-query'
import type { ArticleListItem, ArticleMeta } from '../../shared/types'
import type { CatalogStore } from './catalog-store'

export type LibraryPage = { total: number; all: number; offset: number; items: ArticleListItem[] }

/** What a library row needs of an article, and nothing more (no annotation tags, no hashes). */
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

/** What the pages read of the catalog (the bench gives a catalog held in memory). */
export type CatalogView = Pick<CatalogStore, 'all' | 'get' | 'size' | 'changes' | 'orderChanges'>

export class LibraryPages {
  private readonly orders = new Map<LibrarySort, { at: number; ids: string[] }>()
  private filtered: { at: number; key: string; ids: string[] } | null = null
  private sources: { at: number; list: string[] } | null = null

  constructor(private readonly catalog: CatalogView) {}

  /** Every article's id in the sort's order. */
  private ordered(sort: LibrarySort): string[] {
    const at = this.catalog.orderChanges
    const kept = this.orders.get(sort)
    if (kept?.at === at) return kept.ids
    // The catalog keeps itself in date-added order already: no sort for the library's default order.
    const ids = (sort === 'added' ? this.catalog.all() : sortMetas(this.catalog.all(), sort)).map((a) => a.id)
    this.orders.set(sort, { at, ids })
    return ids
  }

  /** The ids the filter keeps, in the sort's order. */
  ids(filter: LibraryFilter, sort: LibrarySort): string[] {
    const ordered = this.ordered(sort)
    if (isEmptyFilter(filter)) return ordered
    const at = this.catalog.changes
    const key = JSON.stringify([sort, filter])
    if (this.filtered?.at === at && this.filtered.key === key) return this.filtered.ids
    const ids = ordered.filter((id) => matchesFilter(this.catalog.get(id), filter))
    this.filtered = { at, key, ids }
    return ids
  }

  page(filter: LibraryFilter, sort: LibrarySort, offset: number, limit: number): LibraryPage {
    const ids = this.ids(filter, sort)
    return {
      total: ids.length,
      all: this.catalog.size(),
      offset,
      items: ids.slice(offset, offset + limit).map((id) => listItem(this.catalog.get(id))),
    }
  }

  /** Every source the library's rows show, A to Z: what the source filter offers. */
  sourceNames(): string[] {
    const at = this.catalog.orderChanges
    if (this.sources?.at === at) return this.sources.list
    const names = new Set<string>()
    for (const a of this.catalog.all()) {
      const s = sourceOrDomain(a)
      if (s) names.add(s)
    }
    const list = [...names].sort()
    this.sources = { at, list }
    return list
  }
}
