// Bench (Node): exporting every annotation to a file, streamed: an export job process (src/main/jobs) reads,
// formats and writes 500 articles at a time straight to the file (streamExport, as `glossa export --out` and
// processFileExporter do) with scope "everything", to figures.csv and to combined Markdown. The parts
// (gathering every annotation at once, formatting alone) are timed in this process, apart.
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Archive } from '../src/main/archive/archive'
import { archiveExportSource, gatherBundle as gatherScope } from '../src/main/export/run'
import type { ExportArgs } from '../src/main/export/run'
import { processFileExporter } from '../src/main/export/job'
import { nodeProcess } from '../src/main/jobs/job-process'
import type { ExportBundle } from '../src/shared/export'
import { distFile } from './child'

export type ExportRun = {
  /** gather + format + write, streamed from the export job process to the file (process start included) */
  csvMs: number
  markdownMs: number
  /** Nothing is left to write once the job answers: the file is on disk (kept for the report's shape). */
  csvWriteMs: number
  markdownWriteMs: number
  csvBytes: number
  markdownBytes: number
  /** The larger peak RSS of the two export processes. */
  jobPeakRssMB: number
}

const exporter = processFileExporter((execArgv) => nodeProcess(distFile('export-worker'), execArgv))

export function gatherBundle(archive: Archive): Promise<ExportBundle> {
  return gatherScope(archiveExportSource(archive), {}, new Date().toISOString())
}

async function exportTo(archive: Archive, outDir: string, args: ExportArgs) {
  const t = performance.now()
  const name = args.format === 'markdown' ? 'notes.md' : 'figures.csv'
  const { file, peakRssMB } = await exporter(archive, args, new Date().toISOString(), join(outDir, name))
  const ms = performance.now() - t
  if ((await stat(join(outDir, file.name))).size !== file.bytes) throw new Error(`${file.name} is not whole`)
  return { ms, writeMs: 0, peakRssMB, bytes: file.bytes }
}

export async function exportOnce(archive: Archive, outDir: string): Promise<ExportRun> {
  const csv = await exportTo(archive, outDir, { format: 'figures-csv', scope: {} })
  const markdown = await exportTo(archive, outDir, {
    format: 'markdown',
    scope: {},
    options: { layout: 'combined', groupBy: 'article' },
  })
  return {
    csvMs: csv.ms,
    markdownMs: markdown.ms,
    csvWriteMs: csv.writeMs,
    markdownWriteMs: markdown.writeMs,
    csvBytes: csv.bytes,
    markdownBytes: markdown.bytes,
    jobPeakRssMB: Math.max(csv.peakRssMB, markdown.peakRssMB),
  }
}
