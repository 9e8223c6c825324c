// Main process: when annotation saves pause. A save is acknowledged once its annotations file is flushed to disk
// (fsync); the catalog's counts derived from it follow unawaited. Written at once, that bucket's fsync landed in
// the next save's (a researcher adds a note right after making a highlight): on ext4 two files flushed at once
// wait on the same journal commits, and the slowest 1% of saves were those that shared their flush with a
// catalog bucket's (bench/save-tail.ts, bench/README "Seventh session … SAVE+EXPORT"). So derived writes wait
// for a pause in the saves — QUIET_MS with none under way — or MAX_WAIT_MS at most, while saves keep coming.
// A wait only delays a write (whoever awaits it still settles once it is on disk); it never skips one.

/** A pause this long after the last save lets derived writes go. */
export const QUIET_MS = 60
/** Derived writes never wait longer than this, however closely saves follow each other. */
export const MAX_WAIT_MS = 1_000

export class SaveQuiet {
  private running = 0
  private lastEnd = -Infinity
  private readonly waiting = new Set<() => void>()
  private timer: ReturnType<typeof setTimeout> | undefined

  /** Runs one save, marking it under way until it settles. */
  async during<T>(save: () => Promise<T>): Promise<T> {
    this.running++
    try {
      return await save()
    } finally {
      this.running--
      this.lastEnd = performance.now()
      this.arm()
    }
  }

  /** Resolves once saves pause (at once when none ran lately), or after MAX_WAIT_MS. Bound: pass it as it is. */
  readonly wait = (): Promise<void> => {
    if (this.isQuiet()) return Promise.resolve()
    return new Promise<void>((resolve) => {
      const go = () => {
        clearTimeout(cap)
        this.waiting.delete(go)
        resolve()
      }
      // Not unref'd: a process ending (the CLI) after awaiting a flush still writes what waits here.
      const cap = setTimeout(go, MAX_WAIT_MS)
      this.waiting.add(go)
      this.arm()
    })
  }

  private isQuiet(): boolean {
    return this.running === 0 && performance.now() - this.lastEnd >= QUIET_MS
  }

  /** Checks again for a pause QUIET_MS after the last save ended, while anything waits (a save under way arms
   * it when it ends). */
  private arm(): void {
    if (this.timer || !this.waiting.size || this.running) return
    const left = Math.max(1, QUIET_MS - (performance.now() - this.lastEnd))
    this.timer = setTimeout(() => {
      this.timer = undefined
      if (!this.isQuiet()) return this.arm()
      for (const go of [...this.waiting]) go()
    }, left)
  }
}
