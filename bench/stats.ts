// Bench (Node): timing samples and their summary (nearest-rank percentiles).

export type Summary = {
  n: number
  median: number
  p95: number
  p99: number
  min: number
  max: number
  mean: number
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b)
  return {
    n: sorted.length,
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
    mean: sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1),
  }
}

/** Milliseconds `work` took, and what it returned. */
export async function timed<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now()
  const value = await work()
  return { ms: performance.now() - start, value }
}

/** What `work` cost this process: its CPU time (user + system) and the wall time, in ms. */
export type Timed = { cpu: number; wall: number }

/** Runs `work` and says what it cost in CPU and wall time (the CPU figure is the steadier on a busy machine). */
export async function cpuTimed<T>(work: () => Promise<T> | T): Promise<[T, Timed]> {
  const cpu = process.cpuUsage()
  const start = performance.now()
  const value = await work()
  const used = process.cpuUsage(cpu)
  return [value, { cpu: (used.user + used.system) / 1000, wall: performance.now() - start }]
}

export function mb(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10
}

/** Peak resident set size of this process so far, in bytes (getrusage's ru_maxrss). */
export function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024
}
