// Main process: what a tag rename or merge changed, item by item, so it can be undone — and undoing it. An undo
// moves back exactly the items the rename moved: an article or annotation that already carried the target tag
// keeps it, one tagged since keeps its new tags, and items the rename did not touch are left alone.
import { z } from 'zod'
import { colorSchema, idSchema, tagNameSchema } from '../../shared/schemas'
import type { Annotation } from '../../shared/types'

export const movedItemSchema = z
  .object({
    articleId: idSchema,
    /** Absent: the article's own tags. */
    annotationId: idSchema.optional(),
    before: z.array(tagNameSchema),
    after: z.array(tagNameSchema),
    metricBefore: tagNameSchema.optional(),
    metricAfter: tagNameSchema.optional(),
  })
  .strict()

export const tagMoveSchema = z
  .object({
    from: tagNameSchema,
    to: tagNameSchema,
    items: z.array(movedItemSchema),
    /** Colours the rename took off `from` and its sub-tags, and the names it gave a colour to. */
    colors: z.array(z.object({ name: tagNameSchema, color: colorSchema }).strict()),
    colored: z.array(tagNameSchema),
  })
  .strict()

export type MovedItem = z.infer<typeof movedItemSchema>
export type TagMove = z.infer<typeof tagMoveSchema>

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i])
}

/**
 * The tags an item carried before the rename, given what it carries now: exactly `before` when nothing changed
 * since; otherwise the tags the rename added are taken off and the ones it took off put back, and any other
 * change made since is kept. Applying it twice gives the same tags (a replayed undo changes nothing more).
 */
export function revertTags(current: readonly string[], item: Pick<MovedItem, 'before' | 'after'>): string[] {
  if (same(current, item.after)) return [...item.before]
  const added = item.after.filter((t) => !item.before.includes(t))
  const removed = item.before.filter((t) => !item.after.includes(t))
  const kept = current.filter((t) => !added.includes(t))
  return [...kept, ...removed.filter((t) => !kept.includes(t))]
}

/** Puts one annotation's tags and figure metric back as `item` recorded them. */
export function revertAnnotation(a: Annotation, item: MovedItem): void {
  a.tags = revertTags(a.tags, item)
  if (!a.figure || item.metricBefore === item.metricAfter || a.figure.metric !== item.metricAfter) return
  if (item.metricBefore === undefined) delete a.figure.metric
  else a.figure.metric = item.metricBefore
}
