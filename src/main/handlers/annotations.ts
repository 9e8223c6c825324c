// Main process: one article's highlights, notes and figures.
import { GlossaError } from '../../shared/errors'
import { withoutUndefined } from '../../shared/objects'
import type { ParsedArgsOf } from '../../shared/contract'
import type { Annotation } from '../../shared/types'
import { newId } from '../archive/ids'
import type { HandlerMap, ServiceContext } from './context'

type Methods = 'annotations.list' | 'annotations.create' | 'annotations.update' | 'annotations.delete'

function findAnnotation(list: Annotation[], id: string): number {
  const index = list.findIndex((a) => a.id === id)
  if (index < 0) throw new GlossaError('not_found', `No annotation with id ${id} on this article.`)
  return index
}

/** A new annotation from the contract's create arguments, with the defaults every caller shares. */
export function newAnnotation(args: ParsedArgsOf<'annotations.create'>, stamp: string): Annotation {
  const { articleId, kind, color, note, tags, target, figure } = args
  const annotation: Annotation = {
    id: newId(),
    articleId,
    kind: kind ?? (figure ? 'figure' : 'highlight'),
    color: color ?? 'yellow',
    note: note ?? '',
    tags: [...new Set(tags ?? [])],
    target,
    ...(figure ? { figure } : {}),
    createdAt: stamp,
    updatedAt: stamp,
  }
  if (annotation.kind === 'figure' && !annotation.figure) {
    throw new GlossaError(
      'invalid_argument',
      'Invalid argument for annotations.create: figure: a figure annotation needs a figure.',
    )
  }
  return annotation
}

export function annotationHandlers({ archive, now }: ServiceContext): HandlerMap<Methods> {
  return {
    'annotations.list': async ({ articleId }) => archive.listAnnotations(articleId),
    'annotations.create': async (args) => {
      const annotation = newAnnotation(args, now())
      const { articleId } = args
      return archive.changeAnnotations(articleId, (list) => {
        list.push(annotation)
        return annotation
      })
    },
    'annotations.update': async ({ articleId, id, figure, ...patch }) =>
      archive.changeAnnotations(articleId, (list) => {
        const index = findAnnotation(list, id)
        const next: Annotation = { ...list[index], ...withoutUndefined(patch), updatedAt: now() }
        if (patch.tags) next.tags = [...new Set(patch.tags)]
        if (figure === null) {
          delete next.figure
          next.kind = 'highlight'
        } else if (figure) {
          next.figure = figure
          next.kind = 'figure'
        }
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
