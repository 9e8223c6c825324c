// CLI (Node): `glossa export` — the same exports as the app, written to a file or a folder.
import { exportArgsSchema } from '../shared/contract-reading'
import { describeZodError } from '../shared/errors'
import type { Archive } from '../main/archive/archive'
import {
  archiveExportSource,
  isPerArticle,
  perArticleFiles,
  runExport,
  streamExport,
  streamedFileOf,
} from '../main/export/run'
import { streamTarget, writeExportFiles, writeFailure } from '../main/export/write-files'

const FORMATS: Record<string, string> = {
  md: 'markdown',
  markdown: 'markdown',
  csv: 'figures-csv',
  'figures-csv': 'figures-csv',
  'highlights-csv': 'highlights-csv',
  json: 'json',
  jsonld: 'jsonld',
  csl: 'csl',
}

export type ExportFlags = {
  format?: string
  tag?: string
  article?: string[]
  collection?: string
  metric?: string
  layout?: string
  'group-by'?: string
  bom?: boolean
  out?: string
}

/**
 * Waits for the recount this process started at open after an unexpected shutdown (Archive.countsChecked: the
 * export would wait for it anyway), telling `tell` why once when there is one.
 */
export async function untilCountsChecked(archive: Archive, tell: (line: string) => void): Promise<void> {
  if (!archive.recounting()) return
  tell('Checking annotation counts after an unexpected shutdown; the export starts when it is done.')
  await archive.countsChecked()
}

export async function runExportCommand(
  archive: Archive,
  flags: ExportFlags,
  log: (line: string) => void,
): Promise<number> {
  const format = FORMATS[flags.format ?? '']
  if (!format)
    throw new Error(
      `--format must be one of md, csv, highlights-csv, json, jsonld, csl (got "${flags.format ?? ''}").`,
    )
  const parsed = exportArgsSchema.safeParse({
    format,
    scope: { articleIds: flags.article, tag: flags.tag, collection: flags.collection, metric: flags.metric },
    options: { layout: flags.layout, groupBy: flags['group-by'], bom: flags.bom || undefined },
  })
  if (!parsed.success) throw new Error(describeZodError('Invalid export options', parsed.error))
  const generatedAt = new Date().toISOString()
  const perArticle = parsed.data.options?.layout === 'per-article'
  const wrote = (target: string) => log(`wrote ${target}`)
  if (flags.out && isPerArticle(parsed.data) && !/\.zip$/i.test(flags.out)) {
    // Per-article Markdown into the folder --out, each file written as it is made, a slice of articles at a time.
    const files = perArticleFiles(archiveExportSource(archive), parsed.data, generatedAt)
    await writeExportFiles({ files, out: flags.out, perArticle, wrote })
    return 0
  }
  const stream = flags.out ? streamedFileOf(parsed.data) : null
  if (flags.out && stream) {
    // One file (per-article Markdown: a zip) a slice of articles at a time, straight to disk: a million
    // annotations in flat memory. A per-article layout writes into --out as a folder, as it always has.
    const target = await streamTarget(flags.out, stream.name, perArticle && !isPerArticle(parsed.data))
    await streamExport(archiveExportSource(archive), parsed.data, target, generatedAt).catch(
      (err: unknown) => {
        throw writeFailure(target, err)
      },
    )
    wrote(target)
    return 0
  }
  const files = await runExport(archiveExportSource(archive), parsed.data, generatedAt)
  if (!flags.out) {
    for (const f of files) log(files.length > 1 ? `==> ${f.name} <==\n${f.content}` : f.content)
    return 0
  }
  await writeExportFiles({ files, out: flags.out, perArticle, wrote })
  return 0
}
