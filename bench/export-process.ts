// Bench (Node): an export streamed to a file by the export job process, as the app runs it, with that process's
// RSS and CPU time sampled from /proc every 0.5 s as its file grows (bench/growth-child.ts, bench/export-memory.ts).
import { copyFile, mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Archive } from '../src/main/archive/archive'
import type { ExportArgs } from '../src/main/export/run'
import type { ExportFile } from '../src/shared/export'
import { processExporter, processFileExporter } from '../src/main/export/job'
import { archiveExportSource, perArticleFiles } from '../src/main/export/run'
import { writeExportFiles } from '../src/main/export/write-files'
import { writeFile } from 'node:fs/promises'
import { nodeProcess } from '../src/main/jobs/job-process'
import { distFile } from './child'
import { procStats } from './job-bench'

/**
 * One sample of the export process as the export goes: seconds since it started, bytes written so far, its RSS
 * and the holding process's (this one's).
 */
export type ExportSample = { s: number; bytes: number; rssMB: number; holderRssMB: number }

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

/**
 * Bytes written so far: the export streams into a scratch file beside the target (writeAtomicStreamed), inside a
 * scratch folder of its own (scratch.ts).
 */
async function bytesSoFar(dir: string): Promise<number> {
  let total = 0
  for (const name of await readdir(dir, { recursive: true }).catch(() => [] as string[])) {
    const s = await stat(join(dir, name)).catch(() => null)
    if (s?.isFile()) total += s.size
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
        holderRssMB: Math.round(process.memoryUsage.rss() / 2 ** 20),
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

/**
 * Per-article Markdown of `archive` written into a folder as `glossa export --layout per-article --out DIR` does
 * it: in this process (the CLI's export runs where the archive is open), each file made in the folder's scratch
 * folder as it comes and all moved into place at the end (write-files.ts). This process's RSS is sampled every
 * 0.5 s with the bytes made so far; its CPU is the export's.
 */
export async function exportToFolderSampled(
  archive: Archive,
  {
    generatedAt = new Date().toISOString(),
    scope = {},
    keep,
  }: {
    generatedAt?: string
    scope?: ExportArgs['scope']
    /** Write the files into this folder (kept) instead of a temp one. */
    keep?: string
  },
): Promise<ExportMeasure & { files: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'glossa-growth-export-'))
  const args = argsOf('markdown-per-article', scope)
  const samples: ExportSample[] = []
  let bytes = 0
  let files = 0
  async function* counted(): AsyncGenerator<ExportFile> {
    for await (const f of perArticleFiles(archiveExportSource(archive), args, generatedAt)) {
      bytes += Buffer.byteLength(f.content)
      files++
      yield f
    }
  }
  const cpu = process.cpuUsage()
  const started = performance.now()
  const timer = setInterval(() => {
    const rssMB = Math.round(process.memoryUsage.rss() / 2 ** 20)
    samples.push({ s: (performance.now() - started) / 1000, bytes, rssMB, holderRssMB: rssMB })
  }, 500)
  try {
    const out = keep ?? join(dir, 'notes')
    await writeExportFiles({ files: counted(), out, perArticle: true, wrote: () => {} })
    const ms = performance.now() - started
    clearInterval(timer)
    if ((await readdir(out)).length !== files) throw new Error(`${out} does not hold every file`)
    const used = process.cpuUsage(cpu)
    const rss = samples.map((s) => s.rssMB)
    return {
      format: 'markdown-per-article',
      ms,
      bytes,
      files,
      jobPeakRssMB: Math.max(0, ...rss),
      jobCpuMs: (used.user + used.system) / 1000,
      samples,
    }
  } finally {
    clearInterval(timer)
    await rm(dir, { recursive: true, force: true })
  }
}
