// Bench child (Node): the process that holds the open archive, doing what the app's main process does —
// open and list, save annotations, search, import, export — with its memory sampled after each phase.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Archive } from '../src/main/archive/archive'
import { createService } from '../src/main/service'
import { childMain, progress } from './child'
import { exportOnce } from './measure-export'
import type { ExportRun } from './measure-export'
import { measureImport } from './measure-import'
import type { ImportMeasure } from './measure-import'
import { measureSearch } from './measure-search'
import type { SearchMeasure } from './measure-search'
import { runSaves } from './saves'
import type { SaveSamples } from './saves'
import { peakRss } from './stats'

export type HolderInput = {
  archive: string
  seed: number
  saves: number
  searchRounds: number
  importPages: number
}

export type HolderResult = {
  openMs: number
  articles: number
  saves: SaveSamples
  savesWithSearch: SaveSamples
  search: SearchMeasure
  import: ImportMeasure
  /** The app's export, from this process: job processes do the work. */
  exportFromHolder: ExportRun
  /** Peak RSS (bytes) reached by the end of each phase, and the current RSS then. */
  memory: { phase: string; peak: number; rss: number; heapUsed: number }[]
}

childMain<HolderInput, HolderResult>(async (input) => {
  const memory: HolderResult['memory'] = []
  const mark = (phase: string) => {
    const { rss, heapUsed } = process.memoryUsage()
    memory.push({ phase, peak: peakRss(), rss, heapUsed })
  }
  mark('started')

  const t = performance.now()
  const archive = await Archive.open(input.archive)
  const articles = archive.list().length
  const openMs = performance.now() - t
  mark('open + list')

  const service = createService({ archive, version: 'bench' })
  const articleIds = archive.list().map((a) => a.id)
  progress(`  saves: ${input.saves} × create/update/delete`)
  const saves = await runSaves({
    handlers: service,
    articleIds,
    reps: input.saves,
    warmup: 20,
    seed: input.seed,
  })
  mark('saves')

  progress('  search')
  const { measure: search, index } = await measureSearch(archive, input.searchRounds)
  const reps = Math.max(20, Math.floor(input.saves / 4))
  const savesWithSearch = await runSaves({
    handlers: service,
    articleIds,
    reps,
    warmup: 5,
    seed: input.seed + 1,
  })
  mark('search')

  progress(`  import: ${input.importPages} pages`)
  const imported = await measureImport(archive, input.importPages, input.seed)
  mark('import')

  progress('  export (through the export process, as the app does)')
  const out = await mkdtemp(join(tmpdir(), 'glossa-bench-export-'))
  const exportFromHolder = await exportOnce(archive, out)
  await rm(out, { recursive: true, force: true })
  mark('export')

  await index.close()
  return { openMs, articles, saves, savesWithSearch, search, import: imported, exportFromHolder, memory }
})
