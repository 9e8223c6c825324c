// Main process: collections — named sets of articles, listed with their sizes (collections.*).
import { GlossaError } from '../../shared/errors'
import type { Collection } from '../../shared/types'
import type { Archive } from '../archive/archive'
import { newId } from '../archive/ids'
import type { HandlerMap, ServiceContext } from './context'

function listCollections(archive: Archive): Collection[] {
  const counts = new Map<string, number>()
  for (const a of archive.list()) for (const c of a.collections ?? []) counts.set(c, (counts.get(c) ?? 0) + 1)
  return archive.collections.all().map((c) => ({ ...c, count: counts.get(c.id) ?? 0 }))
}

export function collectionHandlers({ archive }: ServiceContext): HandlerMap<'collections'> {
  return {
    'collections.list': async () => listCollections(archive),
    'collections.create': async ({ name }) => {
      const id = newId()
      await archive.collections.put(id, name)
      return { id, name, count: 0 }
    },
    'collections.rename': async ({ id, name }) => {
      if (!archive.collections.has(id)) throw new GlossaError('not_found', `No collection with id ${id}.`)
      await archive.collections.put(id, name)
      return listCollections(archive).find((c) => c.id === id)!
    },
    'collections.delete': async ({ id }) => {
      if (!archive.collections.has(id)) throw new GlossaError('not_found', `No collection with id ${id}.`)
      for (const a of archive.list()) {
        if (a.collections?.includes(id))
          await archive.updateArticle(a.id, { collections: a.collections.filter((c) => c !== id) })
      }
      await archive.collections.remove(id)
      return { ok: true as const }
    },
  }
}
