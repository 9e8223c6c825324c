// Renderer: the pure rules of the annotation sync's changes (annotation-sync.ts) — a new annotation's id, a change's
// annotation, which later change makes a refused one moot, two refused changes as one, undo's inverse.
import type { Change, LocalAnnotation } from './pending-store'

/** A new annotation's id, by the archive's id rule (12 hex characters, as the archive makes them). */
export function newLocalId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** The later of two ISO times (either may be missing). */
export function latest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined || b === undefined) return a ?? b
  return Date.parse(b) > Date.parse(a) ? b : a
}

export function idOf(change: Change): string {
  return change.type === 'update' ? change.id : change.annotation.id
}

/** Whether saving `later` makes the refused change `earlier` moot (same annotation). */
export function covers(later: Change, earlier: Change): boolean {
  if (later.type === 'delete') return true
  if (later.type === 'create') return earlier.type === 'delete'
  if (earlier.type !== 'update') return false
  return Object.keys(earlier.patch).every((key) => key in later.patch)
}

/** Two refused changes of one annotation as one: what a later save must cover. */
export function merged(earlier: Change, later: Change): Change {
  if (earlier.type === 'update' && later.type === 'update')
    return { ...later, patch: { ...earlier.patch, ...later.patch } }
  return earlier.type === 'create' ? earlier : later
}

export function withoutUnsaved(a: LocalAnnotation): LocalAnnotation {
  const { unsaved: _unsaved, ...rest } = a
  return rest
}

export function invert(change: Change): Change {
  if (change.type === 'create') return { type: 'delete', annotation: change.annotation }
  if (change.type === 'delete') return { type: 'create', annotation: change.annotation }
  return {
    type: 'update',
    id: change.id,
    patch: change.before,
    before: change.patch,
    session: change.session,
  }
}
