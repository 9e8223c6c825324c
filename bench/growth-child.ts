// Bench child (Node): the process holding one archive of the growth ladder (bench/growth.ts), doing what the
// app's main process does for the measures no other #19 work is changing: saves through the real dispatch,
// import of saved pages (parse process), and exports of every annotation streamed to a file by the export
// process — with the wall and CPU time of each phase, the peak RSS of this process after each, and the export
// process's RSS sampled (from /proc) as its file grows. The search index is not opened here (bench/search-scale.ts).
import { Archive } from '../src/main/archive/archive'
import { createService } from '../src/main/service'
import { childMain, progress } from './child'
import { exportSampled } from './export-process'
import type { ExportMeasure } from './export-process'
import { measureImport } from './measure-import'
import type { ImportMeasure } from './measure-import'
import { runSaves } from './saves'
import type { SaveSamples } from './saves'
import { peakRss } from './stats'

export type GrowthInput = {
  archive: string
  seed: number
  saves: number
  importPages: number
  exportRuns: number
}

export type Phase = {
  phase: string
  wallMs: number
  cpuMs: number
  peakMB: number
  rssMB: number
  heapMB: number
}

export type GrowthResult = {
  articles: number
  openMs: number
  saves: SaveSamples
  import: ImportMeasure
  exports: ExportMeasure[]
  phases: Phase[]
}

export type { ExportMeasure, ExportSample } from './export-process'

const mb = (bytes: number) => Math.round(bytes / 2 ** 20)

childMain<GrowthInput, GrowthResult>(async (input) => {
  const phases: Phase[] = []
  let wall = performance.now()
  let cpu = process.cpuUsage()
  const mark = (phase: string) => {
    const used = process.cpuUsage(cpu)
    const { rss, heapUsed } = process.memoryUsage()
    phases.push({
      phase,
      wallMs: performance.now() - wall,
      cpuMs: (used.user + used.system) / 1000,
      peakMB: mb(peakRss()),
      rssMB: mb(rss),
      heapMB: mb(heapUsed),
    })
    wall = performance.now()
    cpu = process.cpuUsage()
  }

  const archive = await Archive.open(input.archive)
  const articles = archive.list().length
  const openMs = performance.now() - wall
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
  await archive.flush()
  mark('saves')

  progress(`  import: ${input.importPages} pages`)
  const imported = await measureImport(archive, input.importPages, input.seed)
  await archive.flush()
  mark('import')

  const exports: ExportMeasure[] = []
  for (let i = 0; i < input.exportRuns; i++) {
    for (const format of ['figures-csv', 'markdown'] as const) {
      progress(`  export ${i + 1}/${input.exportRuns}: ${format}`)
      exports.push(await exportSampled(archive, format))
    }
  }
  mark('export')
  return { articles, openMs, saves, import: imported, exports, phases }
})
