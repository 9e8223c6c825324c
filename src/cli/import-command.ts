// CLI (Node): `glossa import PATH...` — files and whole folders, one result line per file, then a summary.
import { readFile, readdir, stat } from 'node:fs/promises'
import { dirname, extname, join, resolve } from 'node:path'
import { Importer } from '../main/importer'
import type { ImportResult } from '../main/importer'
import type { Archive } from '../main/archive/archive'
import type { DocumentParser } from '../main/jobs/parse-service'

const IMPORTABLE = new Set(['.html', '.htm', '.xhtml', '.md', '.markdown', '.txt', '.text', '.pdf'])

/** Explicit files are tried whatever their extension; inside folders only importable kinds are taken. */
export async function collectFiles(paths: string[]): Promise<string[]> {
  const out: string[] = []
  const walk = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true })
    entries.sort((a, b) => a.name.localeCompare(b.name))
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      const path = join(dir, entry.name)
      if (entry.isDirectory()) await walk(path)
      else if (IMPORTABLE.has(extname(entry.name).toLowerCase())) out.push(path)
    }
  }
  for (const path of paths) {
    const info = await stat(path).catch(() => null)
    if (!info)
      out.push(path) // reported as a failure with the reason below
    else if (info.isDirectory()) await walk(path)
    else out.push(path)
  }
  return out
}

export async function runImport(
  archive: Archive,
  paths: string[],
  options: {
    json: boolean
    source?: string
    tags?: string[]
    log: (line: string) => void
    /** Where pages are parsed: the parse process, bounded in time and memory (jobs/parse-service.ts). */
    parser?: DocumentParser
    /** The password of the encrypted PDFs among the files (`--password-stdin`): used to read them, never stored. */
    password?: string
  },
): Promise<ImportResult[]> {
  const importer = new Importer(archive, undefined, options.parser)
  const files = await collectFiles(paths)
  const results: ImportResult[] = []
  let cancelled = false
  const onSigint = () => {
    cancelled = true
    options.log('Stopping after the files under way…')
  }
  process.once('SIGINT', onSigint)
  try {
    // Parsed ahead (two parse processes where there are two cores), stored and told in the order found.
    const importFile = async (file: string): Promise<ImportResult> => {
      try {
        const bytes = await readFile(file)
        return await importer.importBytes({
          name: file,
          bytes,
          folder: dirname(resolve(file)),
          source: options.source,
          tags: options.tags,
          ...(options.password ? { password: options.password } : {}),
        })
      } catch (err) {
        const reason =
          (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : String(err)
        return { name: file, status: 'failed', message: `${file}: ${reason}` }
      }
    }
    results.push(
      ...(await importer.importInOrder(
        files,
        importFile,
        (result, i) => {
          if (!options.json) options.log(`[${i + 1}/${files.length}] ${describe(result)}`)
        },
        () => cancelled,
      )),
    )
  } finally {
    process.removeListener('SIGINT', onSigint)
  }
  const count = (s: ImportResult['status']) => results.filter((r) => r.status === s).length
  const summary = {
    imported: count('imported'),
    duplicates: count('duplicate'),
    failed: count('failed'),
    cancelled,
  }
  if (options.json) options.log(JSON.stringify({ results, summary }, null, 2))
  else
    options.log(
      `${summary.imported} imported, ${summary.duplicates} already in the archive, ${summary.failed} failed${cancelled ? ' (cancelled)' : ''}`,
    )
  return results
}

/** `--password-stdin`: everything on standard input, less one line end; an empty one is refused. */
export async function readPassword(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of input) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    size += buffer.length
    if (size > 4096) throw new Error('--password-stdin: standard input is longer than any password (4 KB).')
    chunks.push(buffer)
  }
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
  if (!password) throw new Error('--password-stdin: standard input was empty; pipe the PDF’s password in.')
  return password
}

function describe(r: ImportResult): string {
  // A backup restores many articles under one result: it has a message, and an id only for one article.
  if (r.status === 'imported' && r.id)
    return `${r.id}  ${r.title ?? ''}  ← ${r.name}${r.message ? `: ${r.message}` : ''}`
  if (r.status === 'imported') return `restored  ${r.name}: ${r.message ?? ''}`
  if (r.status === 'duplicate') return `duplicate  ${r.name}: ${r.message}`
  if (r.code === 'encrypted') return `error  ${r.message} Here: glossa import FILE --password-stdin`
  return `error  ${r.message}`
}
