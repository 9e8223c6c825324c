// Main process: articles — list, read, create, edit, bulk changes, delete to trash and restore (articles.*).
import { GlossaError } from '../../shared/errors'
import { articleHasTag } from '../../shared/tags'
import { normalizePlainText } from '../../shared/text-model'
import { LibraryPages, listItem } from '../archive/library-pages'
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
  // Made on first use: the handler map is also built without an archive, to read its method names.
  let library: LibraryPages | undefined
  const pages = () => (library ??= new LibraryPages(archive.catalog))
  let warming: ReturnType<typeof setTimeout> | undefined
  return {
    'articles.list': async () => archive.list().map(listItem),
    'articles.page': async ({ filter = {}, sort = 'added', offset, limit }) => {
      // The sort orders saved on disk are read at open (a few ms): a sort asked meanwhile waits for them.
      await pages().ready()
      const page = pages().page(filter, sort, offset, limit)
      // Once the first rows are out, the other sort orders are worked out between other work: the first sort
      // by title at 100,000 articles then finds its order ready instead of taking seconds.
      if (!warming) {
        warming = setTimeout(() => void pages().warm(), 1_000)
        warming.unref?.()
      }
      return page
    },
    'articles.ids': async ({ filter = {}, sort = 'added' }) => {
      await pages().ready()
      return pages().ids(filter, sort)
    },
    'articles.sources': async () => pages().sourceNames(),
    'articles.creators': async () =>
      [...new Set(archive.list().flatMap((a) => a.annotationCreators ?? []))].sort(),
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
    'articles.pdf': async ({ id }) => ({
      base64: Buffer.from(await archive.readPdf(id)).toString('base64'),
    }),
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
