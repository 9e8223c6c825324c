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
    'annotations.update': async ({ articleId, id, ...patch }) =>
      archive.changeAnnotations(articleId, (list) => {
        const index = findAnnotation(list, id)
        const next = patchAnnotation(list[index], patch, now())
        list[index] = next
        return next
      }),
    'annotations.delete': async ({ articleId, id }) =>
      archive.changeAnnotations(articleId, (list) => {
        list.splice(findAnnotation(list, id), 1)
        return { ok: true as const }
      }),
  }
}
