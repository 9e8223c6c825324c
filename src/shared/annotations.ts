// Runs everywhere: the one rule for building and changing an annotation — the defaults of a new one, and
// what a patch does (note, tags without duplicates, colour, adding or removing its figure). The main process
// applies it to what it stores and the reader to what it shows, so the two cannot disagree.
import type { Annotation, Figure, HighlightColor, Target } from './types'

export type NewAnnotation = {
  articleId: string
  target: Target
  kind?: Annotation['kind']
  color?: HighlightColor
  note?: string
  tags?: string[]
  figure?: Figure
}

/** `figure: null` removes the figure (the annotation becomes a highlight); undefined fields are left alone. */
export type AnnotationPatch = {
  color?: HighlightColor
  note?: string
  tags?: string[]
  figure?: Figure | null
}

/** A tag list as stored: each tag once, in the order first given. */
export const uniqueTags = (tags: readonly string[]): string[] => [...new Set(tags)]

/** A new annotation with the defaults every caller shares; undefined when it is a figure without one. */
export function buildAnnotation(input: NewAnnotation, id: string, stamp: string): Annotation | undefined {
  const { articleId, kind, color, note, tags, target, figure } = input
  const annotation: Annotation = {
    id,
    articleId,
    kind: kind ?? (figure ? 'figure' : 'highlight'),
    color: color ?? 'yellow',
    note: note ?? '',
    tags: uniqueTags(tags ?? []),
    target,
    ...(figure ? { figure } : {}),
    createdAt: stamp,
    updatedAt: stamp,
  }
  return annotation.kind === 'figure' && !annotation.figure ? undefined : annotation
}

/** `a` with `patch` applied (a new object); `stamp` becomes its updatedAt when given. */
export function patchAnnotation<A extends Annotation>(a: A, patch: AnnotationPatch, stamp?: string): A {
  const next: A = { ...a }
  if (patch.color !== undefined) next.color = patch.color
  if (patch.note !== undefined) next.note = patch.note
  if (patch.tags !== undefined) next.tags = uniqueTags(patch.tags)
  if (patch.figure === null) {
    delete next.figure
    next.kind = 'highlight'
  } else if (patch.figure !== undefined) {
    next.figure = patch.figure
    next.kind = 'figure'
  }
  if (stamp !== undefined) next.updatedAt = stamp
  return next
}
