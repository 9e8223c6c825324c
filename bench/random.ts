// Bench (Node): a small seeded generator, so every run builds the same synthetic archive from the same seed.

export type Random = {
  /** Uniform in [0, 1). */
  next: () => number
  /** Integer in [min, max], both included. */
  int: (min: number, max: number) => number
  pick: <T>(items: readonly T[]) => T
  chance: (p: number) => boolean
  /** 12 lowercase hex characters: a valid Glossa id, reproducible from the seed. */
  id: () => string
}

/** mulberry32: fast, 32-bit state, good enough to pick words and offsets. */
export function createRandom(seed: number): Random {
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
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    id: () =>
      Math.floor(next() * 0x1000000)
        .toString(16)
        .padStart(6, '0') +
      Math.floor(next() * 0x1000000)
        .toString(16)
        .padStart(6, '0'),
  }
}

/** A child generator for one item, so item N is the same whatever was generated before it. */
export function forItem(seed: number, kind: string, index: number): Random {
  let h = 2166136261 ^ seed
  for (const c of `${kind}:${index}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619)
  return createRandom(h >>> 0)
}
