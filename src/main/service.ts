// Main process: the one service object that implements every method of the contract.
// Electron's ipc.ts and browser mode's serve.ts both call it through shared/dispatch.ts.
import type { Handlers } from '../shared/contract'
import { GlossaError } from '../shared/errors'
import { isWithinTag } from '../shared/tags'
import { normalizePlainText } from '../shared/text-model'
import type { Annotation, Tag } from '../shared/types'
import type { Archive } from './archive/archive'
import { newId } from './archive/ids'
import { Importer } from './importer'
import { ImportError, parseHtml } from './import'

export type ServiceOptions = { archive: Archive; version: string; importer?: Importer }

export function createService({
  archive,
  version,
  importer = new Importer(archive),
}: ServiceOptions): Handlers {
  const now = () => new Date().toISOString()

  return {
    'app.info': async () => ({
      version,
      archive: archive.dir,
      articles: archive.catalog.size(),
      problems: [...archive.problems],
    }),

    'articles.list': async () => archive.list(),
    'articles.get': async ({ id }) => archive.getArticle(id),
    'articles.create': async ({ text, html, ...meta }) => {
      const body = html
        ? pick(asInvalidArgument(() => parseHtml(html, { url: meta.url })))
        : { text: normalizePlainText(text ?? '') }
      const duplicate = archive.findDuplicate({ text: body.text, canonicalUrl: meta.url })
      if (duplicate) {
        throw new GlossaError(
          'conflict',
          `This article is already in the archive as “${duplicate.title}” (${duplicate.id}).`,
        )
      }
      return archive.createArticle({ ...meta, tags: meta.tags ?? [], ...body })
    },
    'articles.update': async ({ id, ...patch }) => archive.updateArticle(id, patch),
    'articles.delete': async ({ id }) => {
      await archive.deleteArticle(id)
      return { ok: true as const }
    },

    'annotations.list': async ({ articleId }) => archive.listAnnotations(articleId),
    'annotations.create': async ({ articleId, kind, color, note, tags, target, figure }) => {
      const stamp = now()
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
      return archive.changeAnnotations(articleId, (list) => {
        list.push(annotation)
        return annotation
      })
    },
    'annotations.update': async ({ articleId, id, figure, ...patch }) =>
      archive.changeAnnotations(articleId, (list) => {
        const index = findAnnotation(list, id)
        const next: Annotation = { ...list[index], ...dropUndefined(patch), updatedAt: now() }
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

    'import.files': async ({ files, ...meta }) => {
      const results = []
      for (const file of files) {
        results.push(
          await importer.importBytes({
            name: file.name,
            bytes: Buffer.from(file.dataBase64, 'base64'),
            ...meta,
          }),
        )
      }
      return results
    },
    'import.text': async (args) => importer.importText(args),
    'import.url': async (args) => importer.importUrl(args),

    'figures.list': async ({ metric }) => {
      const records = []
      for (const article of archive.list()) {
        if (article.counts.figures === 0 || (metric && !inHierarchy(article.annotationTags, metric))) continue
        const ref = {
          id: article.id,
          title: article.title,
          source: article.source,
          publishedAt: article.publishedAt,
          url: article.url,
        }
        for (const annotation of await archive.listAnnotations(article.id)) {
          if (!annotation.figure) continue
          if (metric && !isWithinTag(annotation.figure.metric, metric)) continue
          records.push({ annotation: { ...annotation, figure: annotation.figure }, article: ref })
        }
      }
      return records
    },
    'tags.list': async () => listTags(archive),
    'tags.setColor': async ({ name, color }) => {
      await archive.tagStore.setColor(name, color ?? undefined)
      return listTags(archive).find((t) => t.name === name) ?? { name, count: 0 }
    },
  }
}

/** Import problems are the caller's input being unusable: report them as such, with the importer's sentence. */
function asInvalidArgument<T>(work: () => T): T {
  try {
    return work()
  } catch (err) {
    if (err instanceof ImportError) throw new GlossaError('invalid_argument', err.message)
    throw err
  }
}

function pick(doc: { text: string; html: string }): { text: string; html: string } {
  return { text: doc.text, html: doc.html }
}

function inHierarchy(tags: Record<string, number>, parent: string): boolean {
  return Object.keys(tags).some((t) => isWithinTag(t, parent))
}

function findAnnotation(list: Annotation[], id: string): number {
  const index = list.findIndex((a) => a.id === id)
  if (index < 0) throw new GlossaError('not_found', `No annotation with id ${id} on this article.`)
  return index
}

function dropUndefined<T extends object>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>
}

function listTags(archive: Archive): Tag[] {
  const counts = new Map<string, number>()
  const bump = (name: string, by: number) => counts.set(name, (counts.get(name) ?? 0) + by)
  for (const article of archive.list()) {
    for (const t of article.tags) bump(t, 1)
    for (const [t, n] of Object.entries(article.annotationTags)) bump(t, n)
  }
  const colors = archive.tagStore.colors()
  for (const name of Object.keys(colors)) if (!counts.has(name)) counts.set(name, 0)
  return [...counts]
    .map(([name, count]) => ({ name, count, ...(colors[name]?.color ? { color: colors[name].color } : {}) }))
    .sort((a, b) => a.name.localeCompare(b.name))
}
