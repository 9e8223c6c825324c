// Electron main process: files opened with Glossa (file associations for .html and .md, or dropped on the
// app icon) are imported into the archive, and the window is told to refresh.
import { readFile } from 'node:fs/promises'
import { dirname, extname, resolve } from 'node:path'
import type { Importer } from './importer'

const OPENABLE = new Set(['.html', '.htm', '.xhtml', '.md', '.markdown', '.txt', '.pdf'])

/** The paths in a command line that name importable files (Electron's own arguments are skipped). */
export function openablePaths(argv: string[]): string[] {
  return argv.filter((a) => !a.startsWith('-') && OPENABLE.has(extname(a).toLowerCase()))
}

export async function importOpened(importer: Importer, paths: string[]): Promise<string[]> {
  const messages: string[] = []
  for (const path of paths) {
    const bytes = await readFile(path).catch(() => null)
    if (!bytes) {
      messages.push(`${path}: could not be read`)
      continue
    }
    const result = await importer.importBytes({ name: path, bytes, folder: dirname(resolve(path)) })
    messages.push(
      result.status === 'imported' ? `Imported ${result.title}` : (result.message ?? result.status),
    )
  }
  return messages
}
