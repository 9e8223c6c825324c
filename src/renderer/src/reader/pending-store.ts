// Renderer: where AnnotationSync keeps one article's changes not yet on disk across a reload (localStorage in
// the app, a Map in tests) — bounded, read back defensively, and saying how many it could not keep.
import type { Annotation } from '../../../shared/types'
import type { AnnotationPatch } from '../../../shared/annotations'

export type LocalAnnotation = Annotation & { unsaved?: boolean }
/** What the reader knows of a new annotation on a PDF page that the archive cannot work out. */
export type PdfPart = { group?: string; rects?: [number, number, number, number][] }
/**
 * `madeAt`: when the reader made an update or a deletion (ISO): the archive applies none older than what it
 * holds (a deletion made before another window's change leaves the annotation).
 */
export type Change =
  | { type: 'create'; annotation: LocalAnnotation }
  | {
      type: 'update'
      id: string
      patch: AnnotationPatch
      before: AnnotationPatch
      session?: string
      madeAt?: string
    }
  | { type: 'delete'; annotation: LocalAnnotation; madeAt?: string }

export type PendingStore = {
  key: string
  storage: {
    getItem(key: string): string | null
    setItem(key: string, value: string): void
    removeItem(key: string): void
  }
}
export type Entry = { n: number; change: Change; pdf?: PdfPart }

// Bounds of one article's kept changes: past them the oldest are kept (they must be replayed first).
export const MAX_KEPT = 500
export const MAX_KEPT_CHARS = 2_000_000

/**
 * Writes the changes not yet on disk to the store, oldest first, within the bounds; returns how many could not
 * be kept (past the bounds, or all of them when the storage refuses): those live only while the page is open.
 */
export function writeKept(persist: PendingStore, entries: Iterable<Entry>, total: number): number {
  const { key, storage } = persist
  try {
    if (total === 0) {
      storage.removeItem(key)
      return 0
    }
    const kept: Entry[] = []
    let chars = 0
    for (const entry of entries) {
      chars += JSON.stringify(entry).length
      if (kept.length >= MAX_KEPT || chars > MAX_KEPT_CHARS) break
      kept.push(entry)
    }
    storage.setItem(key, JSON.stringify(kept))
    return total - kept.length
  } catch (err) {
    console.warn('Glossa: could not keep unsaved annotation changes for a reload', err)
    return total
  }
}

/** The kept changes of a store; anything unreadable (damaged, from another version) is dropped. */
export function readKept(persist: PendingStore | undefined): Entry[] {
  if (!persist) return []
  try {
    const raw: unknown = JSON.parse(persist.storage.getItem(persist.key) ?? '[]')
    if (!Array.isArray(raw)) return []
    return raw.filter(
      (e): e is Entry =>
        typeof e === 'object' &&
        e !== null &&
        typeof (e as Entry).n === 'number' &&
        isChange((e as Entry).change),
    )
  } catch {
    return []
  }
}

function isChange(c: unknown): c is Change {
  if (typeof c !== 'object' || c === null) return false
  const change = c as Change
  if (change.type === 'update')
    return (
      typeof change.id === 'string' &&
      typeof change.patch === 'object' &&
      (change.madeAt === undefined || typeof change.madeAt === 'string')
    )
  if (change.type === 'create' || change.type === 'delete')
    return (
      typeof change.annotation?.id === 'string' &&
      typeof change.annotation.target === 'object' &&
      (change.type === 'create' || change.madeAt === undefined || typeof change.madeAt === 'string')
    )
  return false
}
