// Bench (Node): importing saved web pages through the real pipeline as the app does (Importer.importBytes: the
// parse process sniffs, runs Readability, sanitizes and builds the text; then duplicate check, store) into the full
// archive, one after another.
import { removeTrash } from '../src/main/archive/trash'
import type { Archive } from '../src/main/archive/archive'
import { Importer } from '../src/main/importer'
import { nodeProcess } from '../src/main/jobs/job-process'
import { processParser } from '../src/main/jobs/parse-service'
import { distFile } from './child'
import { savedNewsPage } from './html-page'
import type { Summary } from './stats'
import { summarize } from './stats'

export type ImportMeasure = {
  pages: number
  totalMs: number
  pagesPerSecond: number
  perPage: Summary
  meanPageKB: number
  imported: number
  failed: string[]
  /** Peak RSS of the parse process over the batch (null if it was not running at the end). */
  parsePeakRssMB: number | null
}

const PARSE_WORKER = distFile('parse-worker')

export async function measureImport(archive: Archive, pages: number, seed: number): Promise<ImportMeasure> {
  const inputs = Array.from({ length: pages }, (_, i) => {
    const page = savedNewsPage(seed, i)
    return { name: page.name, bytes: Buffer.from(page.html, 'utf8') }
  })
  // As `glossa serve` and the app import: pages parsed in the parse process (started by the first page).
  const parser = processParser((execArgv) => nodeProcess(PARSE_WORKER, execArgv))
  const importer = new Importer(archive, undefined, parser)
  const samples: number[] = []
  const ids: string[] = []
  const failed: string[] = []
  const started = performance.now()
  for (const input of inputs) {
    const t = performance.now()
    const result = await importer.importBytes(input)
    samples.push(performance.now() - t)
    if (result.status === 'imported' && result.id) ids.push(result.id)
    else failed.push(`${input.name}: ${result.status} ${result.message ?? ''}`)
  }
  const totalMs = performance.now() - started
  const parseStats = await parser.stats()
  parser.close()
  // Leave the archive as generated, so the next run measures the same archive (trash included).
  for (const id of ids) {
    await archive.deleteArticle(id)
    await removeTrash(archive.dir, id)
  }
  return {
    pages,
    totalMs,
    pagesPerSecond: (pages / totalMs) * 1000,
    perPage: summarize(samples),
    meanPageKB: inputs.reduce((n, p) => n + p.bytes.length, 0) / pages / 1024,
    imported: ids.length,
    parsePeakRssMB: parseStats?.peakRssMB ?? null,
    failed: failed.slice(0, 5),
  }
}
