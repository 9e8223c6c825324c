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
  rows: () => Promise<RowsCatalog | null> = async () => null,
): Handlers {
  let service: Handlers | null = null
  // The rows cache is read once a page needs it or the head's first page is out, not before: on a busy machine
  // its read (0.5 s of CPU at 100,000) would take the CPU the window needs to draw the first rows.
  let cache: Promise<RowsCatalog | null> | null = null
  let done = false
  const cached = () => (done ? null : (cache ??= rows().catch(() => null)))
  let pages: LibraryPages | null = null
  ready.then(
    (s) => {
      service = s
      // Let go of the rows (100,000 entries) once the catalog answers.
      done = true
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
    const read = args.whole || service ? null : await cached()
    if (service || !read) return (service ?? (await ready))['articles.page'](args)
    pages ??= new LibraryPages(read, { sets: false })
    const { filter = {}, sort = 'added', offset, limit } = args
    return { ...pages.page(filter, sort, offset, limit), loading: true }
  }
  const page: Handlers['articles.page'] = async (args) => {
    if (service || !head) return fromRows(args)
    const { filter, sort = 'added', offset, limit, whole } = args
    const inHead = offset + limit <= head.items.length || head.items.length === head.total
    if (whole || sort !== 'added' || (filter && !isEmptyFilter(filter)) || !inHead) return fromRows(args)
    setImmediate(() => void cached())
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
