// Bench (Node): exporting every annotation as the app does — `export.run`'s path: an export job process
// (src/main/jobs) running `runExport` with scope "everything" (the annotations of 500 articles at a time,
// formatted slice by slice) to figures.csv and to combined Markdown — then writing the files. The parts
// (gathering every annotation at once, formatting alone) are timed in this process, apart.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Archive } from '../src/main/archive/archive'
import { archiveExportSource, gatherBundle as gatherScope } from '../src/main/export/run'
import type { ExportArgs } from '../src/main/export/run'
import { nodeExporter } from '../src/main/export/job'
import type { ExportBundle } from '../src/shared/export'
import { distFile } from './child'

export type ExportRun = {
  /** gather + format, in the export job process, as the app runs it (process start included) */
  csvMs: number
  markdownMs: number
  csvWriteMs: number
  markdownWriteMs: number
  csvBytes: number
  markdownBytes: number
  /** The larger peak RSS of the two export processes. */
  jobPeakRssMB: number
}

const exporter = nodeExporter(distFile('export-worker'))

export function gatherBundle(archive: Archive): Promise<ExportBundle> {
  return gatherScope(archiveExportSource(archive), {}, new Date().toISOString())
}

async function exportTo(archive: Archive, outDir: string, args: ExportArgs) {
  let t = performance.now()
  const { files, peakRssMB } = await exporter(archive, args, new Date().toISOString())
  const ms = performance.now() - t
  t = performance.now()
  for (const file of files) await writeFile(join(outDir, file.name), file.content)
  const writeMs = performance.now() - t
  return { ms, writeMs, peakRssMB, bytes: files.reduce((n, f) => n + Buffer.byteLength(f.content), 0) }
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
