// Bench (Node): a small seeded generator, so every run builds the same synthetic archive from the same seed.
import { createRng } from '../test/prng'

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

export function createRandom(seed: number): Random {
  const rng = createRng(seed)
  const hex6 = () =>
    Math.floor(rng.next() * 0x1000000)
      .toString(16)
      .padStart(6, '0')
  return { ...rng, id: () => hex6() + hex6() }
}

/** A child generator for one item, so item N is the same whatever was generated before it. */
export function forItem(seed: number, kind: string, index: number): Random {
  let h = 2166136261 ^ seed
  for (const c of `${kind}:${index}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619)
  return createRandom(h >>> 0)
}
