// Main process: the service as it answers while the archive is still opening. The window (or browser mode's
// server) starts at once; the library's first rows come from its head (archive/library-head.ts, checked against
// this machine's key and the catalog on disk) while the catalog loads, and every other call — other sorts,
// filters, rows past the head, everything else — waits for the opened archive and is answered as soon as it is.
import { METHOD_NAMES } from '../shared/contract'
import type { Handlers } from '../shared/contract'
import { isEmptyFilter } from '../shared/library-query'
import type { LibraryHead } from './archive/library-head'

export function earlyService(ready: Promise<Handlers>, head: LibraryHead | null): Handlers {
  let service: Handlers | null = null
  ready.then(
    (s) => (service = s),
    () => {},
  )
  const handlers: Record<string, (args: never) => Promise<unknown>> = {}
  for (const name of METHOD_NAMES)
    handlers[name] = async (args: never) =>
      ((service ?? (await ready))[name] as (a: never) => Promise<unknown>)(args)
  const page: Handlers['articles.page'] = async (args) => {
    if (service || !head) return (service ?? (await ready))['articles.page'](args)
    const { filter, sort = 'added', offset, limit, whole } = args
    const inHead = offset + limit <= head.items.length || head.items.length === head.total
    if (whole || sort !== 'added' || (filter && !isEmptyFilter(filter)) || !inHead)
      return (await ready)['articles.page'](args)
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
