// Main process: articles — list, read, create, edit, bulk changes, delete to trash and restore (articles.*).
import { sourceOrDomain } from '../../shared/article-source'
import { GlossaError } from '../../shared/errors'
import { articleHasTag } from '../../shared/tags'
import { normalizePlainText } from '../../shared/text-model'
import { ImportError, parseHtml } from '../import'
import type { HandlerMap, ServiceContext } from './context'

/** Import problems are the caller's input being unusable: report them as such, with the importer's sentence. */
function asInvalidArgument<T>(work: () => T): T {
  try {
    return work()
  } catch (err) {
    if (err instanceof ImportError) throw new GlossaError('invalid_argument', err.message)
    throw err
  }
}

export function articleHandlers({ archive }: ServiceContext): HandlerMap<'articles'> {
  return {
    'articles.list': async () =>
      archive.list().map((a) => {
        // An article stored without a source (before #14) shows its URL's domain, in the row and the filter.
        const source = sourceOrDomain(a)
        return {
          id: a.id,
          title: a.title,
          ...(source !== undefined ? { source } : {}),
          ...(a.publishedAt !== undefined ? { publishedAt: a.publishedAt } : {}),
          addedAt: a.addedAt,
          tags: a.tags,
          counts: a.counts,
          ...(a.collections?.length ? { collections: a.collections } : {}),
        }
      }),
    'articles.matching': async ({ tag, color }) =>
      archive
        .list()
        .filter((a) => (!tag || articleHasTag(a, tag)) && (!color || a.annotationColors?.includes(color)))
        .map((a) => a.id),
    'articles.get': async ({ id }) => archive.getArticle(id),
    'articles.image': async ({ id, name }) => {
      const { mime, bytes } = await archive.readImage(id, name)
      return { mime, base64: Buffer.from(bytes).toString('base64') }
    },
    'articles.create': async ({ text, html, ...meta }) => {
      const body = html
        ? (({ text: t, html: h }) => ({ text: t, html: h }))(
            asInvalidArgument(() => parseHtml(html, { url: meta.url })),
          )
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
    'articles.delete': async ({ ids }) => {
      const unique = [...new Set(ids)]
      for (const id of unique) archive.meta(id) // every id checked before anything moves
      for (const id of unique) await archive.deleteArticle(id)
      return { ok: true as const }
    },
    'articles.restore': async ({ ids }) => {
      const restored = []
      const unique = [...new Set(ids)]
      for (const id of unique) await archive.assertRestorable(id) // every id checked before anything moves
      for (const id of unique) restored.push(await archive.restoreArticle(id))
      return restored
    },
    'articles.bulkUpdate': async ({
      ids,
      addTags = [],
      removeTags = [],
      addCollections = [],
      removeCollections = [],
    }) => {
      for (const c of [...addCollections, ...removeCollections]) {
        if (!archive.collections.has(c)) throw new GlossaError('not_found', `No collection with id ${c}.`)
      }
      const metas = ids.map((id) => archive.meta(id))
      const updated = []
      for (const meta of metas) {
        const tags = [...new Set([...meta.tags, ...addTags])].filter((t) => !removeTags.includes(t))
        const collections = [...new Set([...(meta.collections ?? []), ...addCollections])].filter(
          (c) => !removeCollections.includes(c),
        )
        updated.push(await archive.updateArticle(meta.id, { tags, collections }))
      }
      return updated
    },
  }
}
