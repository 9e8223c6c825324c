// CLI (Node): `glossa export` — the same exports as the app, written to a file or a folder.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { dirname, join, resolve, sep } from 'node:path'
import { exportArgsSchema } from '../shared/contract'
import { GlossaError, describeZodError } from '../shared/errors'
import type { Archive } from '../main/archive/archive'
import { archiveExportSource, runExport } from '../main/exporter'

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
  const files = await runExport(archiveExportSource(archive), parsed.data)
  if (!flags.out) {
    for (const f of files) log(files.length > 1 ? `==> ${f.name} <==\n${f.content}` : f.content)
    return 0
  }
  await refuseInsideArchive(flags.out)
  // Several files (or one per article) go into --out as a folder; one file goes to --out unless it is a folder
  // (or ends in a separator, as `--out dir/` does).
  const isDir =
    files.length > 1 ||
    /[\\/]$/.test(flags.out) ||
    parsed.data.options?.layout === 'per-article' ||
    (await stat(flags.out).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  for (const f of files) {
    const target = isDir ? join(flags.out, f.name) : flags.out
    try {
      await mkdir(dirname(target), { recursive: true })
      await writeFile(target, f.content, 'utf8')
    } catch (err) {
      throw new Error(`Could not write ${target}: ${describeWriteError(err)}`)
    }
    log(`wrote ${target}`)
  }
  return 0
}

function describeWriteError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code
  if (code === 'EISDIR')
    return 'it is a folder (give a file name, or end --out with / to write into the folder).'
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a part of the path is a file, not a folder.'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied.'
  return err instanceof Error ? err.message : String(err)
}

/** An export never lands inside an archive folder: it would write over the archive's own files. */
async function refuseInsideArchive(out: string): Promise<void> {
  let dir = resolve(out)
  for (;;) {
    const marker = await readFile(join(dir, 'glossa.json'), 'utf8').catch(() => null)
    if (marker !== null && /"format"\s*:\s*"glossa-archive"/.test(marker))
      throw new GlossaError(
        'invalid_argument',
        `--out ${out} is inside the Glossa archive at ${dir}; writing there could overwrite the archive's files. Choose a folder outside it.`,
      )
    const parent = dirname(dir)
    if (parent === dir || !dir.includes(sep)) return
    dir = parent
  }
}
