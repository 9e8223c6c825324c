// Main process: the library's sort orders kept on disk beside the catalog, so a fresh process answers its first
// sort by title, source or date published without working the order out (0.4–0.7 s of CPU at 100,000 articles).
// The catalog stays the truth: the orders are derived, written by the head's writer (catalog-head-writer.ts)
// from the orders the library keeps in step with every change (library-pages.ts), and only ever used for the
// catalog exactly as it was when they were written.
//
// catalog/.orders.json is two lines, like the rows cache (catalog-rows.ts) and the head (library-head.ts): a MAC
// under this machine's catalog trust key over the text, its format and the catalog's version, then the orders as
// JSON with the fingerprint of the bucket files they were written for. Each order is the articles' places in the
// catalog's date-added order, with the count and a hash of the ids in that order: a file edited, signed by another
// key, older than a bucket (a crash after a change, another Glossa), or whose places are not each article once
// is refused, and the order is worked out as before.
import { createHash, timingSafeEqual } from 'node:crypto'
import { join } from 'node:path'
import type { LibrarySort } from '../../shared/library-query'
import { writeAtomic } from './atomic'
import { CURRENT_VERSION } from './migrations'
import { openRegular, readRegular } from './regular-file'

export const ORDERS_FILE = '.orders.json'
/** Bumped when what the file holds, or how the library orders articles (library-query.ts orderKey), changes. */
const ORDERS_FORMAT = 1
/** The orders kept: the default one (date added) is the catalog's own and costs no sort. */
export const SAVED_SORTS = ['title', 'published', 'source'] as const satisfies readonly LibrarySort[]
/** Three orders of 100,000 places are 2 MB; anything much larger is not ours. */
const MAX_ORDERS_BYTES = 200 * 1024 * 1024

/** A MAC of a text derived from the catalog (CatalogTrust.macOf, or macWithKey with the key read). */
export type MacOf = (purpose: string, text: string) => Buffer
export type SortOrders = Map<LibrarySort, string[]>

// The Unicode version too: titles are compared after normalize() and toLowerCase(), which follow it, so another
// Node (an update of the app) could order a few titles otherwise than the file does.
const purpose = () =>
  `glossa-library-orders ${ORDERS_FORMAT} ${CURRENT_VERSION.catalog} ${process.versions.unicode}`
export const ordersFile = (root: string) => join(root, 'catalog', ORDERS_FILE)

/** The ids in date-added order, hashed: what the places of an order point into. */
function idsHash(all: readonly { id: string }[]): string {
  return createHash('sha256')
    .update(all.map((a) => a.id).join('\n'))
    .digest('hex')
}

const header = (fingerprint: string, sorts: readonly string[]) =>
  `{"format":${ORDERS_FORMAT},"fingerprint":"${fingerprint}","sorts":"${[...sorts].sort().join(',')}"`

/** Ids placed between other work, this many at a time: the holding process answers meanwhile. */
const CHUNK = 5_000
const pause = () => new Promise((resolve) => setImmediate(resolve))

/**
 * The file's text for `orders` (each every article's id in that sort's order) of the catalog whose entries in
 * date-added order are `all`; null when an order does not hold each article once. About 0.1 s of CPU at 100,000,
 * so it yields now and then; the caller drops the text if the catalog changed meanwhile (the orders are the
 * library's own arrays, kept in step in place).
 */
export async function ordersText(
  all: readonly { id: string }[],
  orders: SortOrders,
  fingerprint: string,
): Promise<string | null> {
  const place = new Map<string, number>()
  for (let i = 0; i < all.length; i++) {
    if (i % CHUNK === CHUNK - 1) await pause()
    place.set(all[i].id, i)
  }
  const saved: Record<string, number[]> = {}
  for (const [sort, ids] of orders) {
    if (ids.length !== all.length) return null
    const places = new Array<number>(ids.length)
    for (let i = 0; i < ids.length; i++) {
      if (i % CHUNK === CHUNK - 1) await pause()
      const p = place.get(ids[i])
      if (p === undefined) return null
      places[i] = p
    }
    saved[sort] = places
  }
  const body = JSON.stringify({ size: all.length, ids: idsHash(all), orders: saved })
  return `${header(fingerprint, [...orders.keys()])},${body.slice(1)}`
}

/**
 * Whether the file says it was written for these bucket files and these sorts (its first bytes only, not
 * checked): an open that changed nothing does not write it again. A forged claim costs only the saved sorts.
 */
export async function ordersWrittenFor(root: string, fingerprint: string, sorts: string[]): Promise<boolean> {
  const start = header(fingerprint, sorts)
  try {
    const { handle } = await openRegular(ordersFile(root), MAX_ORDERS_BYTES)
    try {
      const bytes = Buffer.alloc(65 + start.length + 1)
      const { bytesRead } = await handle.read(bytes, 0, bytes.length, 0)
      return bytes.toString('utf8', 65, bytesRead) === `${start},`
    } finally {
      await handle.close()
    }
  } catch {
    return false
  }
}

/** Writes the file (atomically), signed with `mac`. */
export async function writeOrders(root: string, text: string, mac: MacOf): Promise<void> {
  await writeAtomic(ordersFile(root), `${mac(purpose(), text).toString('hex')}\n${text}`)
}

/** The orders as read and checked, still as places: turned into ids for a catalog by `ordersOf`. */
export type SavedOrders = { size: number; ids: string; orders: Map<LibrarySort, number[]> }
export type OrdersRead = { saved: SavedOrders } | { saved: null; why: string }

/** Whether `places` holds each of 0 … size - 1 exactly once. */
function isPermutation(places: unknown, size: number): places is number[] {
  if (!Array.isArray(places) || places.length !== size) return false
  const seen = new Uint8Array(size)
  for (const p of places) {
    if (!Number.isInteger(p) || p < 0 || p >= size || seen[p]) return false
    seen[p] = 1
  }
  return true
}

/**
 * The orders on disk, when the file is one signed with `mac`'s key for the catalog exactly as it is on disk now
 * (`fingerprint`: catalogFingerprint of the buckets now, or fingerprintOf them as just read) and each order
 * holds every place once; otherwise null and why. Never throws.
 */
export async function readOrders(root: string, mac: MacOf, fingerprint: string): Promise<OrdersRead> {
  const no = (why: string): OrdersRead => ({ saved: null, why })
  try {
    const raw = await readRegular(ordersFile(root), MAX_ORDERS_BYTES).catch(
      (err: NodeJS.ErrnoException) => err,
    )
    if (raw instanceof Error)
      return no(raw.code === 'ENOENT' ? 'no saved orders' : `not a file of the orders’ size (${raw.message})`)
    const stored = raw.slice(0, 64)
    const text = raw.slice(65)
    if (raw[64] !== '\n' || !/^[0-9a-f]{64}$/.test(stored)) return no('no MAC')
    if (!timingSafeEqual(Buffer.from(stored, 'hex'), mac(purpose(), text)))
      return no('MAC does not match (edited, or written with another key)')
    const o = JSON.parse(text) as Record<string, unknown>
    if (o.format !== ORDERS_FORMAT) return no('another format')
    if (o.fingerprint !== fingerprint) return no('the catalog changed since the orders were written')
    const { size, ids, orders } = o
    if (!Number.isInteger(size) || (size as number) < 0 || typeof ids !== 'string')
      return no('not of the orders’ shape: size or ids')
    if (typeof orders !== 'object' || orders === null) return no('not of the orders’ shape: orders')
    const out = new Map<LibrarySort, number[]>()
    for (const [sort, places] of Object.entries(orders)) {
      if (!(SAVED_SORTS as readonly string[]).includes(sort)) return no(`not of the orders’ shape: ${sort}`)
      if (!isPermutation(places, size as number))
        return no(`not of the orders’ shape: ${sort} does not hold each article once`)
      out.set(sort as LibrarySort, places)
    }
    return { saved: { size: size as number, ids, orders: out } }
  } catch (err) {
    return no(`unreadable: ${String(err)}`)
  }
}

/** Each saved order's ids, made when the order is first asked for (the first sort needs one of three). */
export type OrdersOf = { get(sort: LibrarySort): string[] | undefined; delete(sort: LibrarySort): void }

/**
 * The saved orders as ids of the catalog whose entries in date-added order are `all`, or null when they were
 * written for other entries (another count, other ids or another date-added order).
 */
export function ordersOf(saved: SavedOrders, all: readonly { id: string }[]): OrdersOf | null {
  if (saved.size !== all.length || saved.ids !== idsHash(all)) return null
  const places = new Map(saved.orders)
  return {
    get: (sort) => places.get(sort)?.map((p) => all[p].id),
    delete: (sort) => void places.delete(sort),
  }
}

/** What the library asks of a catalog's saved orders (LibraryPages); the rows cache's answer only the first two. */
export type OrdersView = {
  /** The saved order of `sort` for the catalog as it is now, handed out once; or null. */
  take(sort: LibrarySort): string[] | null
  /** Resolves once the saved orders were read (or found not to be usable). */
  read: Promise<void>
  /** Where the head's writer takes the orders the library keeps in step with the catalog, to save them. */
  keepFrom?(kept: () => SortOrders): void
  /** The library worked out orders it had not: they are saved with the rows cache. */
  kept?(): void
}

/**
 * What a catalog needs of itself to read its saved orders at open, and to have the orders it keeps saved
 * (`schedule`: the head's writer).
 */
export type CatalogState = {
  root: string
  orderChanges(): number
  all(): readonly { id: string }[]
  schedule(): void
}

/**
 * A catalog's sort orders: those read from disk at open, handed to the library once each while the catalog is
 * still as it was read (its orderChanges unmoved), and those the library keeps, which the head's writer saves.
 */
export class CatalogOrders implements OrdersView {
  private orders: { at: number; orders: OrdersOf } | null = null
  private keptOrders: () => SortOrders = () => new Map()
  read: Promise<void> = Promise.resolve()

  constructor(private readonly catalog: CatalogState) {}

  /**
   * Reads the file for the catalog just loaded, whose bucket files as read have `fingerprint`: called as the
   * load ends, so the orders in memory are those of the files read until orderChanges moves. A save of counts
   * meanwhile (a new bucket file) does not matter; a change of what the library sorts by does.
   */
  start(mac: MacOf, fingerprint: string): void {
    const c = this.catalog
    const at = c.orderChanges()
    this.read = (async () => {
      const read = await readOrders(c.root, mac, fingerprint)
      if (!read.saved || c.orderChanges() !== at) return
      const orders = ordersOf(read.saved, c.all())
      if (orders) this.orders = { at, orders }
    })().catch(() => {})
  }

  take(sort: LibrarySort): string[] | null {
    if (this.orders?.at !== this.catalog.orderChanges()) {
      this.orders = null
      return null
    }
    const ids = this.orders.orders.get(sort) ?? null
    this.orders.orders.delete(sort)
    return ids
  }

  keepFrom(kept: () => SortOrders): void {
    this.keptOrders = kept
  }

  /** The orders the library keeps, as they are now (what the head's writer saves). */
  keptNow(): SortOrders {
    return this.keptOrders()
  }

  kept(): void {
    this.catalog.schedule()
  }
}
