// Bench child (Node): the process holding one archive of the growth ladder (bench/growth.ts), doing what the
// app's main process does for the measures no other #19 work is changing: saves through the real dispatch,
// import of saved pages (parse process), and exports of every annotation streamed to a file by the export
// process — with the wall and CPU time of each phase, the peak RSS of this process after each, and the export
// process's RSS sampled (from /proc) as its file grows. The search index is not opened here (bench/search-scale.ts).
import { fork } from 'node:child_process'
import type { Serializable } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Archive } from '../src/main/archive/archive'
import type { ExportArgs } from '../src/main/export/run'
import { processFileExporter } from '../src/main/export/job'
import type { JobProcess } from '../src/main/jobs/job-process'
import { createService } from '../src/main/service'
import { childMain, distFile, progress } from './child'
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

/** One sample of the export process as the export goes: seconds since it started, bytes written so far, RSS. */
export type ExportSample = { s: number; bytes: number; rssMB: number }

export type ExportMeasure = {
  format: 'figures-csv' | 'markdown'
  ms: number
  bytes: number
  /** The export process's own peak RSS (getrusage, reported by it) and its CPU time (user + system, /proc). */
  jobPeakRssMB: number
  jobCpuMs: number | null
  samples: ExportSample[]
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

const mb = (bytes: number) => Math.round(bytes / 2 ** 20)

/** The export process as nodeProcess starts it, keeping its pid so it can be watched from outside. */
function watchedProcess(file: string, onPid: (pid: number) => void): JobProcess {
  const child = fork(file, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' })
  if (child.pid) onPid(child.pid)
  return {
    send: (message) => child.send(message as Serializable),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => {
      child.once('exit', (code, signal) => listener(signal ?? `exit code ${code}`))
      child.once('error', (err) => listener(err.message))
    },
    kill: () => child.kill(),
  }
}

/** RSS (MB) and CPU time (ms, user + system) of a live process, from /proc; null once it is gone. */
async function procStats(pid: number): Promise<{ rssMB: number; cpuMs: number } | null> {
  try {
    const [status, statLine] = await Promise.all([
      readFile(`/proc/${pid}/status`, 'utf8'),
      readFile(`/proc/${pid}/stat`, 'utf8'),
    ])
    const rssKB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th, in clock ticks.
    const fields = statLine.slice(statLine.lastIndexOf(')') + 2).split(' ')
    const ticks = Number(fields[11]) + Number(fields[12])
    return { rssMB: Math.round(rssKB / 1024), cpuMs: ticks * 10 }
  } catch {
    return null
  }
}

/** Bytes written so far: the export streams into a scratch file beside the target (writeAtomicStreamed). */
async function bytesSoFar(dir: string): Promise<number> {
  let total = 0
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    total += (await stat(join(dir, name)).catch(() => null))?.size ?? 0
  }
  return total
}

async function exportSampled(archive: Archive, format: ExportMeasure['format']): Promise<ExportMeasure> {
  const dir = await mkdtemp(join(tmpdir(), 'glossa-growth-export-'))
  let pid = 0
  const exporter = processFileExporter(() => watchedProcess(distFile('export-worker'), (p) => (pid = p)))
  const args: ExportArgs =
    format === 'markdown'
      ? { format, scope: {}, options: { layout: 'combined', groupBy: 'article' } }
      : { format, scope: {} }
  const samples: ExportSample[] = []
  let cpuMs: number | null = null
  const started = performance.now()
  let sampling = Promise.resolve()
  const timer = setInterval(() => {
    sampling = sampling.then(async () => {
      if (!pid) return
      const stats = await procStats(pid)
      if (!stats) return
      cpuMs = stats.cpuMs
      samples.push({
        s: (performance.now() - started) / 1000,
        bytes: await bytesSoFar(dir),
        rssMB: stats.rssMB,
      })
    })
  }, 500)
  try {
    const out = join(dir, format === 'markdown' ? 'notes.md' : 'figures.csv')
    const { file, peakRssMB } = await exporter(archive, args, new Date().toISOString(), out)
    const ms = performance.now() - started
    clearInterval(timer)
    await sampling
    if ((await stat(out)).size !== file.bytes) throw new Error(`${file.name} is not whole`)
    return { format, ms, bytes: file.bytes, jobPeakRssMB: peakRssMB, jobCpuMs: cpuMs, samples }
  } finally {
    clearInterval(timer)
    await rm(dir, { recursive: true, force: true })
  }
}

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
