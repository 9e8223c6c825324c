// Main process: the library's rows a page at a time, filtered and sorted here, so the renderer's virtual list
// asks only for the rows it shows and the catalog (100,000 articles) never crosses to the window whole.
// Each sort order is kept until an article comes or goes or a field it sorts by changes; the last filtered
// list until anything in the catalog changes (a save changes counts, and so what "has notes" keeps).
import { idOfOrderKey, isEmptyFilter, matchesFilter, orderKey } from '../../shared/library-query'
import { tagAncestry } from '../../shared/tags'
import type { LibraryFilter, LibrarySort } from '../../shared/library-query'
import { sourceOrDomain } from '../../shared/article-source'
import type { ArticleListItem, ArticleMeta } from '../../shared/types'
import type { OrdersView } from './catalog-orders'
import type { CatalogStore } from './catalog-store'
import { listItem } from './list-item'

export { listItem }

export type LibraryPage = { total: number; all: number; offset: number; items: ArticleListItem[] }

/**
 * What the pages read of the catalog (the bench gives a catalog held in memory); the sort orders saved on disk
 * (catalog-orders.ts) when it has them, and where it takes the orders kept to save them.
 */
export type CatalogView = Pick<CatalogStore, 'all' | 'get' | 'size' | 'changes' | 'orderChanges'> &
  Partial<Pick<CatalogStore, 'onOrderChange' | 'onEntryChange'>> & { orders?: OrdersView }

/** The filters that name a value an article carries, each kept as the set of articles that carry it. */
const SET_FILTERS = ['tag', 'source', 'collection', 'color', 'creator'] as const

/** The membership keys of an article: one per filter value that keeps it (a tag's every ancestor too). */
function memberKeys(a: ArticleMeta): string[] {
  const keys: string[] = []
  const tags = a.tags.length ? new Set<string>() : null
  for (const t of a.tags) for (const up of tagAncestry(t)) tags!.add(up)
  for (const t in a.annotationTags) {
    if (!Object.hasOwn(a.annotationTags, t)) continue
    if (!t.includes('/')) keys.push(`tag\u0000${t}`)
    else for (const up of tagAncestry(t)) keys.push(`tag\u0000${up}`)
  }
  if (tags) for (const t of tags) keys.push(`tag\u0000${t}`)
  const source = sourceOrDomain(a)
  if (source) keys.push(`source\u0000${source}`)
  for (const c of a.collections ?? []) keys.push(`collection\u0000${c}`)
  for (const c of a.annotationColors ?? []) keys.push(`color\u0000${c}`)
  for (const c of a.annotationCreators ?? []) keys.push(`creator\u0000${c}`)
  return keys
}

/**
 * For each tag (with its ancestors), source, collection, highlight colour and person: the ids of the articles
 * that carry it, kept in step with every change to the catalog. A filter then walks its order testing one set
 * instead of testing each of 100,000 articles against every filter.
 */
class Members {
  private readonly sets = new Map<string, Set<string>>()
  at: number

  constructor(catalog: CatalogView) {
    this.at = catalog.changes
    for (const a of catalog.all()) this.add(a)
  }

  add(a: ArticleMeta): void {
    for (const key of memberKeys(a)) {
      let set = this.sets.get(key)
      if (!set) this.sets.set(key, (set = new Set()))
      set.add(a.id)
    }
  }

  remove(a: ArticleMeta): void {
    for (const key of memberKeys(a)) {
      const set = this.sets.get(key)
      if (!set) continue
      set.delete(a.id)
      if (!set.size) this.sets.delete(key)
    }
  }

  /** The smallest set named by the filter (every article it keeps is in it), or null when it names none. */
  smallest(filter: LibraryFilter): Set<string> | null {
    let best: Set<string> | null = null
    for (const name of SET_FILTERS) {
      const value = filter[name]
      if (!value) continue
      const set = this.sets.get(`${name}\u0000${value}`) ?? new Set<string>()
      if (!best || set.size < best.size) best = set
    }
    return best
  }
}

/** An order: every article's id, sorted by their order keys (library-query.ts), as of `at` (orderChanges). */
type Order = { at: number; ids: string[] }

/**
 * Where `key` goes in an order of `n` whose i-th key is `keyAt(i)`: the first index whose key is not smaller.
 * The keys are made as the search needs them (17 at 100,000), not kept: 100,000 keys an order were 10 MB, and an
 * order read from disk has none.
 */
function place(n: number, keyAt: (i: number) => string, key: string): number {
  let lo = 0
  let hi = n
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (keyAt(mid) < key) lo = mid + 1
    else hi = mid
  }
  return lo
}

const WARM_CHUNK = 5_000
/** A filter set this many times smaller than the archive is sorted on its own rather than walked along the order. */
const SMALL_SET = 16

export class LibraryPages {
  private readonly orders = new Map<LibrarySort, Order>()
  private filtered: { at: number; key: string; ids: string[] } | null = null
  private sources: { at: number; list: string[] } | null = null
  private members: Members | null = null

  /**
   * `sets: false`: filters test each article of the order instead of making the filter sets first (70 ms of CPU
   * at 100,000 against 400–1,600 for the sets): for a catalog asked a few pages once (the rows cache at open).
   */
  constructor(
    private readonly catalog: CatalogView,
    private readonly options: { sets?: boolean } = {},
  ) {
    // Every change moves the article between the filter sets it leaves and joins.
    catalog.onEntryChange?.((old, now) => {
      const m = this.members
      if (!m) return
      if (old) m.remove(old)
      if (now) m.add(now)
      m.at = this.catalog.changes
    })
    // An article that comes, goes or changes its title, source or dates moves within each order kept (two
    // binary searches and a splice), so a new article at 100,000 costs no sort.
    // The catalog holds `now` already: the article's own place is found by its old key.
    catalog.onOrderChange?.((old, now) => {
      const at = this.catalog.orderChanges
      for (const [sort, order] of this.orders) {
        if (sort === 'added' || order.at !== at - 1) {
          this.orders.delete(sort)
          continue
        }
        const { ids } = order
        if (old) {
          const key = orderKey(old, sort)
          const keyAt = (i: number) => (ids[i] === old.id ? key : orderKey(this.catalog.get(ids[i]), sort))
          const i = place(ids.length, keyAt, key)
          if (ids[i] !== old.id) {
            this.orders.delete(sort)
            continue
          }
          ids.splice(i, 1)
        }
        if (now) {
          const key = orderKey(now, sort)
          ids.splice(
            place(ids.length, (i) => orderKey(this.catalog.get(ids[i]), sort), key),
            0,
            now.id,
          )
        }
        order.at = at
      }
    })
    // What the head's writer saves beside the catalog: the orders kept, as they are now.
    catalog.orders?.keepFrom?.(() => {
      const at = this.catalog.orderChanges
      const kept = new Map<LibrarySort, string[]>()
      for (const [sort, order] of this.orders)
        if (sort !== 'added' && order.at === at) kept.set(sort, order.ids)
      return kept
    })
  }

  /** Waits for the sort orders saved on disk to be read (at once when the catalog has none). */
  async ready(): Promise<void> {
    await this.catalog.orders?.read
  }

  /** Every article's id in the sort's order. */
  private ordered(sort: LibrarySort): string[] {
    const at = this.catalog.orderChanges
    const kept = this.orders.get(sort)
    if (kept?.at === at) return kept.ids
    // The catalog keeps itself in date-added order already: no sort for the library's default order.
    if (sort === 'added') {
      const ids = this.catalog.all().map((a) => a.id)
      this.orders.set(sort, { at, ids })
      return ids
    }
    return (
      this.adopt(sort, at) ??
      this.keep(
        sort,
        at,
        this.catalog.all().map((a) => orderKey(a, sort)),
      )
    )
  }

  /** The order saved on disk for the catalog as it is now (catalog-orders.ts), kept from now on; or null. */
  private adopt(sort: LibrarySort, at: number): string[] | null {
    const ids = this.catalog.orders?.take(sort) ?? null
    if (ids) this.orders.set(sort, { at, ids })
    return ids
  }

  /** Sorts the keys (plain strings, no comparator) and keeps the order. */
  private keep(sort: LibrarySort, at: number, keys: string[]): string[] {
    keys.sort()
    const ids = keys.map(idOfOrderKey)
    this.orders.set(sort, { at, ids })
    return ids
  }

  /**
   * Works out the orders not asked for yet, a slice of articles at a time between other work, so the first
   * sort by title, source or date published finds its order ready. Stops if the catalog changes meanwhile.
   */
  async warm(sorts: LibrarySort[] = ['title', 'published', 'source']): Promise<void> {
    await this.ready()
    this.filterSets()
    await new Promise((resolve) => setImmediate(resolve))
    for (const sort of sorts) {
      const at = this.catalog.orderChanges
      if (this.orders.get(sort)?.at === at || this.adopt(sort, at)) continue
      const all = this.catalog.all()
      const keys: string[] = []
      for (let i = 0; i < all.length; i += WARM_CHUNK) {
        for (const a of all.slice(i, i + WARM_CHUNK)) keys.push(orderKey(a, sort))
        await new Promise((resolve) => setImmediate(resolve))
        if (this.catalog.orderChanges !== at) return
      }
      this.keep(sort, at, keys)
      await new Promise((resolve) => setImmediate(resolve))
    }
    // Every order is kept now: the head's writer saves them for the next open.
    this.catalog.orders?.kept?.()
  }

  /** The ids the filter keeps, in the sort's order. */
  ids(filter: LibraryFilter, sort: LibrarySort): string[] {
    const ordered = this.ordered(sort)
    if (isEmptyFilter(filter)) return ordered
    const at = this.catalog.changes
    const key = JSON.stringify([sort, filter])
    if (this.filtered?.at === at && this.filtered.key === key) return this.filtered.ids
    const set = this.options.sets === false ? null : this.filterSets().smallest(filter)
    let ids: string[]
    if (!set) ids = ordered.filter((id) => matchesFilter(this.catalog.get(id), filter))
    else if (!set.size) ids = []
    else {
      // One set filter alone needs nothing more; with others, only the set's articles are tested.
      const named = Object.entries(filter).filter(([, v]) => v !== undefined && v !== false && v !== '')
      const alone = named.length === 1
      const keeps = (id: string) => alone || matchesFilter(this.catalog.get(id), filter)
      // A set much smaller than the archive (a tag on a few hundred of 100,000 articles): its own articles put
      // in the order by their order keys, instead of a walk through the whole order.
      if (set.size * SMALL_SET < ordered.length)
        ids = [...set]
          .filter(keeps)
          .map((id) => orderKey(this.catalog.get(id), sort))
          .sort()
          .map(idOfOrderKey)
      else ids = ordered.filter((id) => set.has(id) && keeps(id))
    }
    this.filtered = { at, key, ids }
    return ids
  }

  /** The filter sets, made on first use (or in warm) and kept in step; made again if a change went untold. */
  private filterSets(): Members {
    if (!this.members || (this.members.at !== this.catalog.changes && !this.catalog.onEntryChange))
      this.members = new Members(this.catalog)
    return this.members
  }

  page(filter: LibraryFilter, sort: LibrarySort, offset: number, limit: number): LibraryPage {
    const ids = this.ids(filter, sort)
    return {
      total: ids.length,
      all: this.catalog.size(),
      offset,
      items: ids.slice(offset, offset + limit).map((id) => listItem(this.catalog.get(id))),
    }
  }

  /** Every source the library's rows show, A to Z: what the source filter offers. */
  sourceNames(): string[] {
    const at = this.catalog.orderChanges
    if (this.sources?.at === at) return this.sources.list
    const names = new Set<string>()
    for (const a of this.catalog.all()) {
      const s = sourceOrDomain(a)
      if (s) names.add(s)
    }
    const list = [...names].sort()
    this.sources = { at, list }
    return list
  }
}
