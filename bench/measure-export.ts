// Bench (Node): exporting every annotation as the app does — `runExport` (scope "everything": the annotations of
// 500 articles at a time, formatted slice by slice) to figures.csv and to combined Markdown — then writing the
// files. `gatherBundle` (every annotation at once, as the formats that need them all do) is timed on its own.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Archive } from '../src/main/archive/archive'
import { gatherBundle as gatherScope, runExport } from '../src/main/exporter'
import type { ExportArgs } from '../src/main/exporter'
import type { ExportBundle } from '../src/shared/export'

export type ExportRun = {
  /** gather + format, through runExport */
  csvMs: number
  markdownMs: number
  csvWriteMs: number
  markdownWriteMs: number
  csvBytes: number
  markdownBytes: number
}

export function gatherBundle(archive: Archive): Promise<ExportBundle> {
  return gatherScope(archive, {}, new Date().toISOString())
}

async function exportTo(archive: Archive, outDir: string, args: ExportArgs) {
  let t = performance.now()
  const files = await runExport(archive, args)
  const ms = performance.now() - t
  t = performance.now()
  for (const file of files) await writeFile(join(outDir, file.name), file.content)
  const writeMs = performance.now() - t
  return { ms, writeMs, bytes: files.reduce((n, f) => n + Buffer.byteLength(f.content), 0) }
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
  }
}
