// Main process: live sync — the team sync kept running in the background. Each sync is still one sync job (a
// process of its own, replica.ts), so a save or the window never waits on the network. A sync runs shortly
// after a local change, when the team's database has changed (a cheap look at its update sequence every
// `pollMs`), and again after a failure with a backoff that doubles up to `maxMs` (the network is gone, the
// laptop slept); waking the computer or coming back online tries at once. A refused password or a missing
// database stops live sync with its message until the settings change: retrying would not help, and a
// server may lock an account that keeps sending a wrong password.

export type LiveState = 'syncing' | 'synced' | 'offline' | 'error'

export type LiveStatus = {
  state: LiveState
  /** Local changes not yet on the server (known from the last attempt, or counted while offline). */
  pending: number
  /** Why the last attempt failed, for the person. */
  message?: string
  /** When the last sync finished. */
  syncedAt?: string
  /** Documents taken in by live syncs so far: the window reloads what it shows when this grows. */
  received: number
}

/** How a sync attempt failed: `retry` (network, server error) tries again later; `stop` waits for new settings. */
export type LiveFailure = { retry: boolean; message: string; pending?: number }

export type LiveOptions = {
  /** One sync both ways; resolves with how many documents came in, rejects with a LiveFailure-like error. */
  run: () => Promise<{ received: number; pending: number }>
  /** The remote's update sequence; rejects when it cannot be reached. */
  remoteSeq: () => Promise<string>
  /** How many local changes wait to be sent (counted from the archive, without the network). */
  countPending: () => Promise<number>
  classify: (err: unknown) => LiveFailure
  pollMs?: number
  debounceMs?: number
  firstRetryMs?: number
  maxRetryMs?: number
  now?: () => Date
  onStatus?: (status: LiveStatus) => void
}

export class LiveSync {
  private status: LiveStatus = { state: 'syncing', pending: 0, received: 0 }
  private timer: ReturnType<typeof setTimeout> | undefined
  private dueAt = Infinity
  private running: Promise<void> | undefined
  private dirty = false
  private failures = 0
  private lastSeq: string | undefined
  private stopped = false
  private counting: Promise<void> | undefined
  private readonly o: Required<Omit<LiveOptions, 'onStatus'>> & Pick<LiveOptions, 'onStatus'>

  constructor(options: LiveOptions) {
    this.o = {
      pollMs: 15_000,
      debounceMs: 1_500,
      firstRetryMs: 1_000,
      maxRetryMs: 60_000,
      now: () => new Date(),
      ...options,
    }
  }

  current(): LiveStatus {
    return { ...this.status }
  }

  /** Starts at once. */
  start(): void {
    this.schedule(0, true)
  }

  stop(): void {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
  }

  /** Resolves when the sync under way (if any) has finished: for tests and a clean stop. */
  async idle(): Promise<void> {
    while (this.running) await this.running
  }

  /** Something was saved here: sync soon (or, while offline, count what waits and keep the backoff). */
  localChange(): void {
    if (this.stopped) return
    this.dirty = true
    if (this.status.state === 'offline' || this.status.state === 'error') return this.recount()
    this.schedule(this.o.debounceMs)
  }

  /** Counts what waits to be sent, for the status (offline: no sync will tell). */
  private recount(): void {
    this.counting ??= this.o
      .countPending()
      .then((pending) => this.set({ pending }, this.status.message))
      .catch(() => {})
      .finally(() => (this.counting = undefined))
  }

  /** The computer woke or the network came back: try now, the backoff starts again. */
  wake(): void {
    if (this.stopped) return
    this.failures = 0
    this.schedule(0, true)
  }

  /** Changes the status; `message` replaces the last one (none given: no message). */
  private set(patch: Omit<Partial<LiveStatus>, 'message'>, message?: string): void {
    const { message: _old, ...rest } = this.status
    this.status = { ...rest, ...patch, ...(message !== undefined ? { message } : {}) }
    this.o.onStatus?.(this.current())
  }

  /** Runs `tick` in `ms`, unless it is already due sooner (or `force`: replace whatever was due). */
  private schedule(ms: number, force = false): void {
    if (this.stopped) return
    const at = Date.now() + ms
    if (!force && at >= this.dueAt) return
    if (this.timer) clearTimeout(this.timer)
    this.dueAt = at
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.dueAt = Infinity
      void this.tick()
    }, ms)
    // A timer never keeps a CLI or a test process alive.
    this.timer.unref?.()
  }

  private async tick(): Promise<void> {
    if (this.stopped) return
    if (this.running) {
      // A sync is under way: look again when it is done.
      await this.running
      return this.schedule(this.o.debounceMs)
    }
    this.running = this.attempt().finally(() => (this.running = undefined))
    await this.running
  }

  private async attempt(): Promise<void> {
    // Nothing saved here since the last sync: sync only if the team's database has changed.
    let seq: string | undefined
    try {
      seq = await this.o.remoteSeq()
    } catch (err) {
      return this.failed(err)
    }
    if (!this.dirty && this.status.state === 'synced' && seq === this.lastSeq)
      return this.schedule(this.o.pollMs)
    this.dirty = false
    this.set({ state: 'syncing' })
    try {
      const { received, pending } = await this.o.run()
      this.failures = 0
      this.lastSeq = seq
      this.set({
        state: 'synced',
        pending,
        syncedAt: this.o.now().toISOString(),
        received: this.status.received + received,
      })
      // Saved while this sync ran (or what it took in was written): one more sync sends it.
      this.schedule(this.dirty ? this.o.debounceMs : this.o.pollMs)
    } catch (err) {
      this.failed(err)
    }
  }

  private failed(err: unknown): void {
    const failure = this.o.classify(err)
    const pending = failure.pending ?? this.status.pending
    if (!failure.retry) this.set({ state: 'error', pending }, failure.message)
    else {
      this.failures++
      this.set({ state: 'offline', pending }, failure.message)
      this.schedule(retryDelay(this.failures, this.o.firstRetryMs, this.o.maxRetryMs), true)
    }
    // The server was not reached before the changes were counted: count them here.
    if (failure.pending === undefined && this.dirty) this.recount()
  }
}

/** The wait before the next try after `failures` failures in a row: doubling from `first`, at most `max`. */
export function retryDelay(failures: number, first: number, max: number): number {
  return Math.min(max, first * 2 ** Math.max(0, failures - 1))
}
