// Main process: one article's highlights, notes and figures (annotations.*).
import { GlossaError } from '../../shared/errors'
import { buildAnnotation, patchAnnotation } from '../../shared/annotations'
import type { ParsedArgsOf } from '../../shared/contract'
import { pdfSelector } from '../../shared/pdf-text'
import type { Annotation, Target } from '../../shared/types'
import type { Archive } from '../archive/archive'
import { newId } from '../archive/ids'
import { readTeamSettings } from '../sync/settings'
import type { HandlerMap, ServiceContext } from './context'

function findAnnotation(list: Annotation[], id: string): number {
  const index = list.findIndex((a) => a.id === id)
  if (index < 0) throw new GlossaError('not_found', `No annotation with id ${id} on this article.`)
  return index
}

/** A new annotation from the contract's create arguments, with the defaults every caller shares. */
export function newAnnotation(args: ParsedArgsOf<'annotations.create'>, stamp: string): Annotation {
  const annotation = buildAnnotation(args, args.id ?? newId(), stamp)
  if (annotation === undefined)
    throw new GlossaError(
      'invalid_argument',
      'Invalid argument for annotations.create: figure: a figure annotation needs a figure.',
    )
  return annotation
}

/**
 * The updatedAt of a change made at `madeAt` (the reader's clock) to an annotation last stamped `stored`, or
 * undefined when the stored state is newer than the change, which then must not overwrite it. A time in the
 * future is taken as now; a stored stamp in the future (another member's clock, through team sync) orders
 * nothing, so the change applies.
 */
export function updateStamp(stored: string, madeAt: string | undefined, now: string): string | undefined {
  if (madeAt === undefined) return now
  const made = Math.min(Date.parse(madeAt), Date.parse(now))
  const last = Date.parse(stored)
  if (last > made && last <= Date.parse(now)) return undefined
  return new Date(made).toISOString()
}

/** On a PDF report: the page selector of a new annotation, from the article's pages. */
async function pdfSelectorOf(archive: Archive, articleId: string, target: Target) {
  const meta = archive.meta(articleId)
  if (!meta.pdf?.pageRanges) return undefined
  const { text } = await archive.getArticle(articleId)
  return pdfSelector(meta.pdf, text, target)
}

export function annotationHandlers({ archive, now }: ServiceContext): HandlerMap<'annotations'> {
  return {
    'annotations.list': async ({ articleId }) => archive.listAnnotations(articleId),
    'annotations.create': async (args) => {
      const { user } = await readTeamSettings(archive.dir)
      const annotation = { ...newAnnotation(args, now()), ...(user ? { creator: user } : {}) }
      const { articleId } = args
      const pdf = await pdfSelectorOf(archive, articleId, annotation.target)
      if (pdf)
        annotation.pdf = {
          ...pdf,
          ...(args.pdfGroup ? { group: args.pdfGroup } : {}),
          ...(args.pdfRects?.length ? { rects: args.pdfRects } : {}),
        }
      return archive.changeAnnotations(articleId, (list) => {
        // Sent again by a reader that never had the answer: the annotation it made, not a second one.
        const made = args.id === undefined ? undefined : list.find((a) => a.id === args.id)
        if (made) return made
        list.push(annotation)
        return annotation
      })
    },
    'annotations.update': async ({ articleId, id, madeAt, ...patch }) =>
      archive.changeAnnotations(articleId, (list) => {
        const index = findAnnotation(list, id)
        const stamp = updateStamp(list[index].updatedAt, madeAt, now())
        if (stamp === undefined) return list[index]
        const next = patchAnnotation(list[index], patch, stamp)
        list[index] = next
        return next
      }),
    'annotations.delete': async ({ articleId, id, madeAt }) =>
      archive.changeAnnotations(articleId, (list) => {
        const index = findAnnotation(list, id)
        // Saved after the deletion was made (another window changed it meanwhile): it stays, as saved.
        if (updateStamp(list[index].updatedAt, madeAt, now()) === undefined)
          return { ok: true as const, kept: list[index] }
        list.splice(index, 1)
        return { ok: true as const }
      }),
  }
}
