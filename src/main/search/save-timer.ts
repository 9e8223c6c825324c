// Main process: when the search index is saved (search-index.ts). A save waits SAVE_DEBOUNCE_MS after the last
// change, but no longer than SAVE_MAX_WAIT_MS after the first unsaved one, and saving gets at most
// 1/SAVE_SPACING of the time. Split from search-index.ts.
import { SAVE_DEBOUNCE_MS, SAVE_MAX_WAIT_MS, SAVE_SPACING } from './search-options'

export class SaveTimer {
  private dirtySince: number | undefined
  private lastSavedAt = 0
  private lastSaveCostMs = 0
  private timer: NodeJS.Timeout | undefined

  constructor(private readonly save: () => Promise<void>) {}

  /** Something unsaved: the save is (re)set for when it is due. */
  changed(): void {
    const now = Date.now()
    this.dirtySince ??= now
    const earliest = this.lastSavedAt + this.lastSaveCostMs * SAVE_SPACING
    const due = Math.min(now + SAVE_DEBOUNCE_MS, this.dirtySince + SAVE_MAX_WAIT_MS)
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.save().catch(() => undefined), Math.max(due, earliest) - now)
    this.timer.unref()
  }

  /** A save is asked for now: the one set is not needed. */
  cancel(): void {
    clearTimeout(this.timer)
    this.timer = undefined
  }

  /** A save begins: changes from here on are the next save's. */
  begins(): void {
    this.dirtySince = undefined
  }

  /** A save ended, costing `costMs`. */
  ended(costMs: number): void {
    this.lastSaveCostMs = costMs
    this.lastSavedAt = Date.now()
  }
}
