// Main process: the service as it answers while the archive is still opening. The window (or browser mode's
// server) starts at once; the library's first rows come from its head (archive/library-head.ts, checked against
// this machine's key and the catalog on disk) while the catalog loads, and every other call — other sorts,
// filters, rows past the head, everything else — waits for the opened archive and is answered as soon as it is.
// With the library's rows cache (archive/catalog-rows.ts, read once the server listens), every other sort,
// filter and scroll of the library is answered from it too, marked `loading`, until the catalog is in.
import { METHOD_NAMES } from '../shared/contract'
import type { Handlers } from '../shared/contract'
import { isEmptyFilter } from '../shared/library-query'
import type { RowsCatalog } from './archive/catalog-rows'
import type { LibraryHead } from './archive/library-head'
import { LibraryPages } from './archive/library-pages'

export function earlyService(
  ready: Promise<Handlers>,
  head: LibraryHead | null,
  rows: Promise<RowsCatalog | null> = Promise.resolve(null),
): Handlers {
  let service: Handlers | null = null
  let cache: Promise<RowsCatalog | null> | null = rows
  let pages: LibraryPages | null = null
  ready.then(
    (s) => {
      service = s
      // Let go of the rows (100,000 entries) once the catalog answers.
      cache = pages = null
    },
    () => {},
  )
  const handlers: Record<string, (args: never) => Promise<unknown>> = {}
  for (const name of METHOD_NAMES)
    handlers[name] = async (args: never) =>
      ((service ?? (await ready))[name] as (a: never) => Promise<unknown>)(args)
  /** The page from the rows cache while the catalog loads; from the service once it is in, or without a cache. */
  const fromRows: Handlers['articles.page'] = async (args) => {
    const cached = args.whole || !cache ? null : await cache.catch(() => null)
    if (service || !cached) return (service ?? (await ready))['articles.page'](args)
    pages ??= new LibraryPages(cached, { sets: false })
    const { filter = {}, sort = 'added', offset, limit } = args
    return { ...pages.page(filter, sort, offset, limit), loading: true }
  }
  const page: Handlers['articles.page'] = async (args) => {
    if (service || !head) return fromRows(args)
    const { filter, sort = 'added', offset, limit, whole } = args
    const inHead = offset + limit <= head.items.length || head.items.length === head.total
    if (whole || sort !== 'added' || (filter && !isEmptyFilter(filter)) || !inHead) return fromRows(args)
    return {
      total: head.total,
      all: head.total,
      offset,
      items: head.items.slice(offset, offset + limit),
      loading: true,
    }
  }
  handlers['articles.page'] = page as (args: never) => Promise<unknown>
  return handlers as unknown as Handlers
}
