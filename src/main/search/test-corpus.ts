// Test helper: a seeded corpus of news-like search documents and typical queries, for the search tests.
import type { SearchDoc } from './documents'

/** Small seeded generator (mulberry32), so a failure replays. */
export function rng(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const WORDS = (
  'grain port odesa drones intercepted missiles launched energy grid substations repair crews ' +
  'council tax budget housing waiting lists exam results flood barriers river evacuations rail ' +
  'cancelled services minister said independent review verified central bank interest rates inflation ' +
  'million tonnes percent kharkiv kyiv sheremet castellanos kravets manufacturers strikes'
).split(' ')

export function makeDocs(count: number, seed: number, from = 0): SearchDoc[] {
  const random = rng(seed)
  const pick = () => WORDS[Math.floor(random() ** 1.6 * WORDS.length)]
  const words = (n: number) => Array.from({ length: n }, pick).join(' ')
  return Array.from({ length: count }, (_, i) => ({
    id: `a${String(from + i).padStart(4, '0')}`,
    title: words(6),
    text: words(120 + Math.floor(random() * 200)),
    tags: random() < 0.3 ? words(2) : '',
    source: random() < 0.5 ? 'Daily Wire Service' : 'The Observer',
    note: random() < 0.2 ? words(10) : '',
  }))
}

export const QUERIES = [
  'grain',
  'drones intercepted',
  'indep',
  'minster',
  'council tax budget',
  'kharkiv missiles launched',
  'verified',
  'flod barriers',
  'sheremet castellanos',
]
