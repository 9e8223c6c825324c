// Main process: keeps the library's head (library-head.ts), rows cache (catalog-rows.ts) and sort orders
// (catalog-orders.ts) following the catalog, written a moment after the catalog last changed, and only when
// memory and the bucket files agree.
import type { ArticleMeta } from '../../shared/types'
import { ordersText, ordersWrittenFor, writeOrders } from './catalog-orders'
import type { SortOrders } from './catalog-orders'
import { rowsText, rowsWrittenFor, writeRows } from './catalog-rows'
import type { CatalogTrust } from './catalog-trust'
import { HEAD_ROWS, catalogFingerprint, writeHead } from './library-head'
import { listItem } from './list-item'

/** The library's head is written this long after the catalog last changed. */
const HEAD_DELAY_MS = 2_000
/**
 * The rows cache this long after the catalog last changed (each change puts it off again): it is every article
 * (20 MB and about 0.3 s of CPU at 100,000), so not while saves keep coming; flush() (closing) writes it at once.
 */
const ROWS_DELAY_MS = 10_000

/** What the writer reads of the catalog (CatalogStore). */
export type HeadSource = {
  trust(): CatalogTrust | null
  /** Puts or removes under way: the buckets on disk may not match memory yet. */
  unsettled(): number
  /** Bulk mode: the buckets are written at its end. */
  inBulk(): boolean
  changes(): number
  all(): ArticleMeta[]
  /** The library's sort orders kept in step with the catalog as it is now (none until it keeps any). */
  orders(): SortOrders
}

export class HeadWriter {
  private timer: ReturnType<typeof setTimeout> | undefined
  private rowsTimer: ReturnType<typeof setTimeout> | undefined
  private saving: Promise<void> = Promise.resolve()

  constructor(
    private readonly root: string,
    private readonly catalog: HeadSource,
  ) {}

  /** The library's head follows the catalog a moment after it changes (only with trust: it is signed). */
  schedule(): void {
    if (!this.catalog.trust()) return
    clearTimeout(this.rowsTimer)
    this.rowsTimer = setTimeout(() => {
      this.rowsTimer = undefined
      this.saveRows()
      this.saveOrders()
    }, ROWS_DELAY_MS)
    this.rowsTimer.unref?.()
    if (this.timer) return
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.save()
    }, HEAD_DELAY_MS)
    this.timer.unref?.()
  }

  /** A head or rows cache scheduled is written now; resolves when the last save is done. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = undefined
      this.save()
    }
    if (this.rowsTimer) {
      clearTimeout(this.rowsTimer)
      this.rowsTimer = undefined
      this.saveRows()
      this.saveOrders()
    }
    await this.saving
  }

  /**
   * Writes what `make` makes from memory (null: nothing to write) after the saves before it, when memory and the
   * buckets on disk agree: no put or remove under way before, and none started while the buckets' fingerprint
   * was taken and `make` ran; otherwise it tries again later. A failed write only costs the next open its early
   * answers (the head's first rows, the rows cache's sorts and filters).
   */
  private settled<T>(
    make: (fingerprint: string) => Promise<T | null> | T | null,
    write: (made: T, fingerprint: string, trust: CatalogTrust) => Promise<void>,
  ): void {
    const trust = this.catalog.trust()
    if (!trust) return
    this.saving = this.saving
      .then(async () => {
        if (this.catalog.unsettled() || this.catalog.inBulk()) return this.schedule()
        const at = this.catalog.changes()
        const fingerprint = await catalogFingerprint(this.root)
        const made = await make(fingerprint)
        if (made === null) return
        if (this.catalog.changes() !== at || this.catalog.unsettled()) return this.schedule()
        await write(made, fingerprint, trust)
      })
      .catch(() => {})
  }

  /** The rows cache, as the head is written; not again when the file already names the buckets as they are. */
  private saveRows(): void {
    this.settled(
      async (fingerprint) =>
        (await rowsWrittenFor(this.root, fingerprint)) ? null : rowsText(this.catalog.all(), fingerprint),
      (text, _fingerprint, trust) => writeRows(this.root, text, (purpose, t) => trust.macOf(purpose, t)),
    )
  }

  /**
   * The library's sort orders, as the rows cache is written, from the orders it keeps in step with every change
   * (never sorted here); not again when the file already names the buckets and sorts as they are.
   */
  private saveOrders(): void {
    this.settled(
      async (fingerprint) => {
        const kept = this.catalog.orders()
        if (!kept.size || (await ordersWrittenFor(this.root, fingerprint, [...kept.keys()]))) return null
        // Taken again after the await: the orders as they are when the catalog is checked unchanged.
        return ordersText(this.catalog.all(), this.catalog.orders(), fingerprint)
      },
      (text, _fingerprint, trust) => writeOrders(this.root, text, (purpose, t) => trust.macOf(purpose, t)),
    )
  }

  /** The library's head: how many articles and the first rows, from memory. */
  private save(): void {
    this.settled(
      () => {
        const all = this.catalog.all()
        return { total: all.length, items: all.slice(0, HEAD_ROWS).map(listItem) }
      },
      (head, fingerprint, trust) =>
        writeHead(this.root, head, fingerprint, (purpose, t) => trust.macOf(purpose, t)),
    )
  }
}
