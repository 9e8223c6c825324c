// Main process: keeps the library's head (library-head.ts) following the catalog, written a moment after the
// catalog last changed, and only when memory and the bucket files agree.
import type { ArticleMeta } from '../../shared/types'
import type { CatalogTrust } from './catalog-trust'
import { HEAD_ROWS, catalogFingerprint, writeHead } from './library-head'
import { listItem } from './list-item'

/** The library's head is written this long after the catalog last changed. */
const HEAD_DELAY_MS = 2_000

/** What the writer reads of the catalog (CatalogStore). */
export type HeadSource = {
  trust(): CatalogTrust | null
  /** Puts or removes under way: the buckets on disk may not match memory yet. */
  unsettled(): number
  /** Bulk mode: the buckets are written at its end. */
  inBulk(): boolean
  changes(): number
  all(): ArticleMeta[]
}

export class HeadWriter {
  private timer: ReturnType<typeof setTimeout> | undefined
  private saving: Promise<void> = Promise.resolve()

  constructor(
    private readonly root: string,
    private readonly catalog: HeadSource,
  ) {}

  /** The library's head follows the catalog a moment after it changes (only with trust: it is signed). */
  schedule(): void {
    if (!this.catalog.trust() || this.timer) return
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.save()
    }, HEAD_DELAY_MS)
    this.timer.unref?.()
  }

  /** A head scheduled is written now; resolves when the last save is done. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = undefined
      this.save()
    }
    await this.saving
  }

  /**
   * Writes the head from memory when memory and the buckets on disk agree: no put or remove under way before,
   * and none started while the buckets' fingerprint was taken. Otherwise it tries again later.
   */
  private save(): void {
    const trust = this.catalog.trust()
    if (!trust) return
    this.saving = this.saving
      .then(async () => {
        if (this.catalog.unsettled() || this.catalog.inBulk()) return this.schedule()
        const at = this.catalog.changes()
        const all = this.catalog.all()
        const head = { total: all.length, items: all.slice(0, HEAD_ROWS).map(listItem) }
        const fingerprint = await catalogFingerprint(this.root)
        if (this.catalog.changes() !== at || this.catalog.unsettled()) return this.schedule()
        await writeHead(this.root, head, fingerprint, (purpose, text) => trust.macOf(purpose, text))
      })
      // A head that could not be written only costs the next open its early rows.
      .catch(() => {})
  }
}
