// Renderer: the library's filters and sort orders as the user sees them: labels, chips, a typed tag.
import type { LibraryFilter, LibrarySort } from '../../../shared/library-query'

// Filtering and sorting run in the main process (src/shared/library-query.ts, articles.page).
export type { LibraryFilter, LibrarySort }

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
  if (f.creator) chips.push({ key: 'creator', label: `annotated by ${f.creator}` })
  return chips
}
