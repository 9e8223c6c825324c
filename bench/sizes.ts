// Bench (Node): how big each run is, and where its archive and results live.
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export type SizeName = 'full' | 'small' | 'mid' | 'large'

export type Size = {
  name: SizeName
  articles: number
  annotations: number
  /** The long read the renderer bench opens: this many highlights on one article. */
  longReadHighlights: number
  longReadLength: number
  reps: {
    coldOpen: number
    saves: number
    baselineSaves: number
    searchRounds: number
    exportRuns: number
    importPages: number
  }
}

export const SIZES: Record<SizeName, Size> = {
  full: {
    name: 'full',
    articles: 10_000,
    annotations: 100_000,
    longReadHighlights: 500,
    longReadLength: 50_000,
    reps: { coldOpen: 30, saves: 300, baselineSaves: 30, searchRounds: 10, exportRuns: 5, importPages: 200 },
  },
  // Growth: 30,000 and 100,000 articles (#19). The one-file baseline is not rebuilt at these sizes (100,000
  // articles would be a 1.9 GB lowdb file): the saves are compared with the 10,000-article baseline (see run.ts).
  mid: {
    name: 'mid',
    articles: 30_000,
    annotations: 300_000,
    longReadHighlights: 500,
    longReadLength: 50_000,
    reps: { coldOpen: 10, saves: 300, baselineSaves: 10, searchRounds: 5, exportRuns: 3, importPages: 200 },
  },
  large: {
    name: 'large',
    articles: 100_000,
    annotations: 1_000_000,
    longReadHighlights: 500,
    longReadLength: 50_000,
    reps: { coldOpen: 10, saves: 300, baselineSaves: 10, searchRounds: 5, exportRuns: 3, importPages: 200 },
  },
  small: {
    name: 'small',
    articles: 1_000,
    annotations: 10_000,
    longReadHighlights: 500,
    longReadLength: 50_000,
    reps: { coldOpen: 10, saves: 100, baselineSaves: 20, searchRounds: 5, exportRuns: 3, importPages: 200 },
  },
}

/** The project root, found from this bundle's place in bench/results/dist/. */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
export const resultsDir = join(projectRoot, 'bench', 'results')

export type BenchPaths = { root: string; archive: string; baseline: string; manifest: string }

export function benchPaths(size: SizeName, seed: number, root?: string): BenchPaths {
  const base = root ?? join(resultsDir, 'archives', `${size}-seed${seed}`)
  return {
    root: base,
    archive: join(base, 'archive'),
    baseline: join(base, 'baseline.json'),
    manifest: join(base, 'bench.json'),
  }
}
