// Tests and benchmarks (Node): one seeded generator (mulberry32), so every random run can be replayed.
export type Rng = {
  /** A float in [0, 1). */
  next: () => number
  /** An integer in [min, max], both included. */
  int: (min: number, max: number) => number
  pick: <T>(items: readonly T[]) => T
  chance: (p: number) => boolean
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    pick: (items) => items[int(0, items.length - 1)],
    chance: (p) => next() < p,
  }
}

/** An integer from the environment (a seed to replay a failure, a run count) or the given default. */
export function intFromEnv(variable: string, fallback: number): number {
  const raw = process.env[variable]
  const seed = raw === undefined ? fallback : Number(raw)
  if (!Number.isInteger(seed)) throw new Error(`${variable} must be an integer, got "${raw}"`)
  return seed
}
