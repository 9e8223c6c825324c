// Bench (Node): exporting every annotation — gather the bundle from the archive as the app does (the exporter's
// own gatherBundle, scope "everything"), then format CSV (figures) and combined Markdown, and write the files.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Archive } from '../src/main/archive/archive'
import { gatherBundle as gatherScope } from '../src/main/exporter'
import { exportFiguresCsv, exportMarkdown } from '../src/shared/export'
import type { ExportBundle } from '../src/shared/export'

export type ExportRun = {
  annotations: number
  gatherMs: number
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

export async function exportOnce(archive: Archive, outDir: string): Promise<ExportRun> {
  let t = performance.now()
  const bundle = await gatherBundle(archive)
  const gatherMs = performance.now() - t

  t = performance.now()
  const csv = exportFiguresCsv(bundle)
  const csvMs = performance.now() - t
  t = performance.now()
  await writeFile(join(outDir, csv.name), csv.content)
  const csvWriteMs = performance.now() - t

  t = performance.now()
  const markdown = exportMarkdown(bundle, { layout: 'combined', groupBy: 'article' })
  const markdownMs = performance.now() - t
  t = performance.now()
  for (const file of markdown) await writeFile(join(outDir, file.name), file.content)
  const markdownWriteMs = performance.now() - t

  return {
    annotations: bundle.annotations.length,
    gatherMs,
    csvMs,
    markdownMs,
    csvWriteMs,
    markdownWriteMs,
    csvBytes: Buffer.byteLength(csv.content),
    markdownBytes: markdown.reduce((n, f) => n + Buffer.byteLength(f.content), 0),
  }
}
