// Runs everywhere (pure): which articles the library shows and in what order — the filters that combine and
// the sort orders. The main process answers the library's pages with it (src/main/archive/library-pages.ts),
// so the renderer never holds the whole catalog.
import { sourceOrDomain } from './article-source'
import { articleHasTag } from './tags'
import type { ArticleMeta, HighlightColor } from './types'

export type LibraryFilter = {
  tag?: string
  source?: string
  from?: string
  to?: string
  hasFigures?: boolean
  hasNotes?: boolean
  color?: HighlightColor
  collection?: string
  /** Articles with annotations by this person (a team member's user name). */
  creator?: string
}

export const LIBRARY_SORTS = ['added', 'published', 'title', 'source'] as const
export type LibrarySort = (typeof LIBRARY_SORTS)[number]

/** Whether `a` passes every filter set in `f` (a tag on the article or on any of its annotations). */
export function matchesFilter(a: ArticleMeta, f: LibraryFilter): boolean {
  if (f.tag && !articleHasTag(a, f.tag)) return false
  if (f.color && !a.annotationColors?.includes(f.color)) return false
  if (f.source && sourceOrDomain(a) !== f.source) return false
  const date = a.publishedAt?.slice(0, 10)
  if (f.from && (!date || date < f.from)) return false
  if (f.to && (!date || date > f.to)) return false
  if (f.hasFigures && a.counts.figures === 0) return false
  if (f.hasNotes && a.counts.notes === 0) return false
  if (f.collection && !a.collections?.includes(f.collection)) return false
  if (f.creator && !a.annotationCreators?.includes(f.creator)) return false
  return true
}

/** True when no filter is set: the whole catalog in the sort's order, with nothing to test. */
export function isEmptyFilter(f: LibraryFilter): boolean {
  return !Object.values(f).some((v) => v !== undefined && v !== false && v !== '')
}

const plain = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)

/**
 * A title or source as the library sorts it: case and accents set aside (NFKD without combining marks,
 * lower case) and runs of digits padded, so "Date 9" comes before "Date 10". Worked out once per article and
 * compared as plain strings: Intl.Collator took seconds to sort 100,000 titles on this machine.
 */
export function sortKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\d+/g, (d) => d.padStart(12, '0'))
}

/** Each digit d as 9 - d: ISO dates and times compared as plain strings then run newest first. */
const newestFirst = (iso: string) => iso.replace(/\d/g, (d) => String(9 - Number(d))) + '\uffff'

/**
 * One string per article that, compared as a plain string, gives its place in the sort's order — the order's
 * key, then ties by date added (newest first) and id, which ends it after a NUL (ids never hold one). The
 * library sorts its orders by these (src/main/archive/library-pages.ts): an order is sorted from nothing with
 * no comparator, and a new or changed article finds its place by binary search instead of a sort of the rest.
 * ("Newest first" inverts each digit and ends the string with U+FFFF, so "2024" still comes after "2024-05".)
 * Orders are saved on disk (catalog-orders.ts): a change to these keys bumps its ORDERS_FORMAT.
 */
export function orderKey(a: ArticleMeta, sort: LibrarySort): string {
  const tie = `${newestFirst(a.addedAt)}\u0000${a.id}`
  if (sort === 'added') return tie
  if (sort === 'published')
    return `${a.publishedAt ? newestFirst(a.publishedAt) : '\uffff\uffff'}\u0001${tie}`
  // The separators never come from a title: a title holding one would sort among the ties.
  // eslint-disable-next-line no-control-regex
  const key = sortKey(sort === 'title' ? a.title : (sourceOrDomain(a) ?? '')).replace(/[\u0000\u0001]/g, '')
  return `${key}\u0001${tie}`
}

/** The id an order key ends with. */
export const idOfOrderKey = (key: string) => key.slice(key.lastIndexOf('\u0000') + 1)

/**
 * The articles in the sort's order: dates newest first (ISO strings compared as such), titles and sources
 * A to Z by sortKey; ties by date added, newest first, then by id, so pages never overlap or skip.
 */
export function sortMetas(list: readonly ArticleMeta[], sort: LibrarySort): ArticleMeta[] {
  const keyed = list.map((a) => ({ a, key: orderKey(a, sort) }))
  keyed.sort((x, y) => plain(x.key, y.key))
  return keyed.map((k) => k.a)
}
