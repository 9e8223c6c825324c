// Renderer: which articles the library shows — filters that combine, and the sort order.
import type { ArticleListItem, HighlightColor } from '../../../shared/types'

export type LibraryFilter = {
  tag?: string
  source?: string
  from?: string
  to?: string
  hasFigures?: boolean
  hasNotes?: boolean
  color?: HighlightColor
  collection?: string
}
export type LibrarySort = 'added' | 'published' | 'title' | 'source'

export const SORT_LABELS: Record<LibrarySort, string> = {
  added: 'Date added',
  published: 'Published',
  title: 'Title',
  source: 'Source',
}

/** A tag typed into the filter, as the chips show it: "#strikes/" filters by `strikes`; blank is no filter. */
export function tagQuery(raw: string): string | undefined {
  const tag = raw.trim().replace(/^#+/, '').replace(/\/+$/, '').trim()
  return tag || undefined
}

/** The filters that look at annotations (their tags and colours): the main process answers those
 * (`articles.matching`), so the list does not carry every article's annotation tags. */
export function needsMatching(f: LibraryFilter): boolean {
  return !!(f.tag || f.color)
}

/** `matched`: the ids `articles.matching` gave for this filter's tag and colour; none yet matches nothing. */
export function applyFilter(
  list: ArticleListItem[],
  f: LibraryFilter,
  matched: ReadonlySet<string> | null,
): ArticleListItem[] {
  const byAnnotations = needsMatching(f)
  return list.filter((a) => {
    if (byAnnotations && !matched?.has(a.id)) return false
    if (f.source && a.source !== f.source) return false
    const date = a.publishedAt?.slice(0, 10)
    if (f.from && (!date || date < f.from)) return false
    if (f.to && (!date || date > f.to)) return false
    if (f.hasFigures && a.counts.figures === 0) return false
    if (f.hasNotes && a.counts.notes === 0) return false
    if (f.collection && !a.collections?.includes(f.collection)) return false
    return true
  })
}

const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)

export function sortArticles(list: ArticleListItem[], sort: LibrarySort): ArticleListItem[] {
  const key = (a: ArticleListItem): string => {
    if (sort === 'published') return a.publishedAt ?? ''
    if (sort === 'title') return a.title.toLowerCase()
    if (sort === 'source') return (a.source ?? '').toLowerCase()
    return a.addedAt
  }
  const descending = sort === 'added' || sort === 'published'
  return [...list].sort((x, y) => {
    // Dates are ISO strings, compared as such; titles and sources in the reader's language.
    const order = descending ? -compare(key(x), key(y)) : key(x).localeCompare(key(y))
    return order || compare(y.addedAt, x.addedAt)
  })
}

/** The active filters as removable chips. */
export function filterChips(
  f: LibraryFilter,
  collectionName: (id: string) => string,
): { key: keyof LibraryFilter; label: string }[] {
  const chips: { key: keyof LibraryFilter; label: string }[] = []
  if (f.tag) chips.push({ key: 'tag', label: `#${f.tag}` })
  if (f.source) chips.push({ key: 'source', label: f.source })
  if (f.from) chips.push({ key: 'from', label: `from ${f.from}` })
  if (f.to) chips.push({ key: 'to', label: `to ${f.to}` })
  if (f.hasFigures) chips.push({ key: 'hasFigures', label: 'has figures' })
  if (f.hasNotes) chips.push({ key: 'hasNotes', label: 'has notes' })
  if (f.color) chips.push({ key: 'color', label: `${f.color} highlights` })
  if (f.collection) chips.push({ key: 'collection', label: `in ${collectionName(f.collection)}` })
  return chips
}
