// Bench child (Node): one export in a fresh process, so gathering reads every annotations file from disk.
// Formatting is repeated a few times on the same bundle for more samples of the pure formatters.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Archive } from '../src/main/archive/archive'
import { exportFiguresCsv, exportMarkdown } from '../src/shared/export'
import { childMain } from './child'
import { exportOnce, gatherBundle } from './measure-export'
import type { ExportRun } from './measure-export'

/** `first`: the app's export, timed whole; `gatherMs` and the format-only samples: its parts, timed apart. */
export type ExportChildResult = {
  first: ExportRun
  gatherMs: number
  annotations: number
  csvMs: number[]
  markdownMs: number[]
}

childMain<{ archive: string; formatReps: number }, ExportChildResult>(
  async ({ archive: dir, formatReps }) => {
    const archive = await Archive.open(dir)
    const out = await mkdtemp(join(tmpdir(), 'glossa-bench-export-'))
    try {
      const first = await exportOnce(archive, out)
      const t0 = performance.now()
      const bundle = await gatherBundle(archive)
      const gatherMs = performance.now() - t0
      const csvMs: number[] = []
      const markdownMs: number[] = []
      for (let i = 0; i < formatReps; i++) {
        let t = performance.now()
        exportFiguresCsv(bundle)
        csvMs.push(performance.now() - t)
        t = performance.now()
        exportMarkdown(bundle, { layout: 'combined', groupBy: 'article' })
        markdownMs.push(performance.now() - t)
      }
      return { first, gatherMs, annotations: bundle.annotations.length, csvMs, markdownMs }
    } finally {
      await rm(out, { recursive: true, force: true })
    }
  },
)
