// Bench (Node): an export streamed to a file by the export job process, as the app runs it, with that process's
// RSS and CPU time sampled from /proc every 0.5 s as its file grows (bench/growth-child.ts, bench/export-memory.ts).
import { copyFile, mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Archive } from '../src/main/archive/archive'
import type { ExportArgs } from '../src/main/export/run'
import { processExporter, processFileExporter } from '../src/main/export/job'
import { writeFile } from 'node:fs/promises'
import { nodeProcess } from '../src/main/jobs/job-process'
import { distFile } from './child'
import { procStats } from './job-bench'

/** One sample of the export process as the export goes: seconds since it started, bytes written so far, RSS. */
export type ExportSample = { s: number; bytes: number; rssMB: number }

export type ExportMeasure = {
  format: 'figures-csv' | 'markdown' | 'json' | 'markdown-by-tag' | 'markdown-per-article'
  ms: number
  bytes: number
  /** The export process's own peak RSS (getrusage, reported by it) and its CPU time (user + system: its own
   * count, or from /proc when it gives none). */
  jobPeakRssMB: number
  jobCpuMs: number | null
  samples: ExportSample[]
}

export const FILE_NAMES = {
  markdown: 'notes.md',
  'figures-csv': 'figures.csv',
  json: 'glossa-backup.json',
  'markdown-by-tag': 'notes-by-tag.md',
  'markdown-per-article': 'notes.zip',
}

/** The export each measured format stands for: Markdown in its three layouts. */
function argsOf(format: ExportMeasure['format'], scope: ExportArgs['scope']): ExportArgs {
  if (format === 'markdown') return { format, scope, options: { layout: 'combined', groupBy: 'article' } }
  if (format === 'markdown-by-tag')
    return { format: 'markdown', scope, options: { layout: 'combined', groupBy: 'tag' } }
  if (format === 'markdown-per-article')
    return { format: 'markdown', scope, options: { layout: 'per-article', groupBy: 'article' } }
  return { format, scope }
}

/** Bytes written so far: the export streams into a scratch file beside the target (writeAtomicStreamed). */
async function bytesSoFar(dir: string): Promise<number> {
  let total = 0
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    total += (await stat(join(dir, name)).catch(() => null))?.size ?? 0
  }
  return total
}

/**
 * Every annotation of `archive` exported to `format` by the export process (built beside this bench as
 * export-worker.js). `keep`: copy the file there once written (to compare two builds' files byte for byte).
 */
export async function exportSampled(
  archive: Archive,
  format: ExportMeasure['format'],
  {
    generatedAt = new Date().toISOString(),
    keep,
    whole = false,
    scope = {},
  }: {
    generatedAt?: string
    keep?: string
    /** As export.run: the export process answers the file's text, written here (what a JSON backup was). */
    whole?: boolean
    /** What to export (default: everything). */
    scope?: ExportArgs['scope']
  } = {},
): Promise<ExportMeasure> {
  const dir = await mkdtemp(join(tmpdir(), 'glossa-growth-export-'))
  let pid = 0
  const start = (execArgv: string[]) => nodeProcess(distFile('export-worker'), execArgv, (p) => (pid = p))
  const exporter = whole
    ? async (...[a, args, at, out]: Parameters<ReturnType<typeof processFileExporter>>) => {
        const result = await processExporter(start)(a, args, at)
        // Several files (per-article Markdown) are measured by their total size, written one after another.
        const content = result.files.map((f) => f.content).join('')
        await writeFile(out, content)
        const bytes = Buffer.byteLength(content)
        return { ...result, file: { name: result.files[0].name, mime: result.files[0].mime, bytes } }
      }
    : processFileExporter(start)
  const args = argsOf(format, scope)
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
    const out = join(dir, FILE_NAMES[format])
    const { file, peakRssMB, cpuMs: ownCpuMs } = await exporter(archive, args, generatedAt, out)
    const ms = performance.now() - started
    clearInterval(timer)
    await sampling
    if ((await stat(out)).size !== file.bytes) throw new Error(`${file.name} is not whole`)
    if (keep) await copyFile(out, keep)
    // The process's own count when it gives one (the last sample misses up to half a second).
    const jobCpuMs = ownCpuMs ?? cpuMs
    return { format, ms, bytes: file.bytes, jobPeakRssMB: peakRssMB, jobCpuMs, samples }
  } finally {
    clearInterval(timer)
    await rm(dir, { recursive: true, force: true })
  }
}
