// Electron main process: files opened with Glossa (file associations for .html and .md, or dropped on the
// app icon) are imported into the archive, and the window is told to refresh.
import { basename, dirname, extname, isAbsolute, resolve } from 'node:path'
import { z } from 'zod'
import type { Result } from '../shared/types'
import { FileTooLarge, readRegularBytes } from './archive/regular-file'
import { formatBytes, quoteName } from './import/errors'
import { MAX_PDF_IMPORT_BYTES } from './import/parse-pdf'
import type { ImportResult, Importer } from './importer'

const OPENABLE = new Set(['.html', '.htm', '.xhtml', '.md', '.markdown', '.txt', '.pdf'])

/** The paths in a command line that name importable files (Electron's own arguments are skipped). */
export function openablePaths(argv: string[]): string[] {
  return argv.filter((a) => !a.startsWith('-') && OPENABLE.has(extname(a).toLowerCase()))
}

export async function importOpened(importer: Importer, paths: string[]): Promise<string[]> {
  const messages: string[] = []
  for (const path of paths) {
    // Only a regular file, up to the largest import (a PDF), checked at the handle it is read from: a named pipe
    // given on the command line was waited on forever, a file of gigabytes read whole.
    const bytes = await readRegularBytes(path, MAX_PDF_IMPORT_BYTES, { followLink: true }).catch(
      (err: unknown) => err,
    )
    if (!(bytes instanceof Buffer)) {
      messages.push(
        `${path}: could not be read${bytes instanceof FileTooLarge ? ` (larger than ${formatBytes(MAX_PDF_IMPORT_BYTES)})` : ''}`,
      )
      continue
    }
    const result = await importer.importBytes({ name: path, bytes, folder: dirname(resolve(path)) })
    messages.push(
      result.status === 'imported' ? `Imported ${result.title}` : (result.message ?? result.status),
    )
  }
  return messages
}

/**
 * A PDF the researcher chose in the Import dialog or dropped on the window, imported from its path: the window
 * sends a PDF of up to 20 MB as bytes, and a larger one (up to 100 MB) as the path Electron gives the preload for
 * that file (webUtils.getPathForFile: empty for any File a page makes itself). Only an absolute path to a regular
 * `.pdf` file is read, so the channel reads nothing else whatever it is sent.
 */
export async function importChosenPdf(
  importer: Importer,
  input: { path: string; password?: string },
): Promise<ImportResult> {
  const name = basename(input.path)
  const failed = (message: string, code?: string): ImportResult => ({
    name,
    status: 'failed',
    message,
    ...(code ? { code } : {}),
  })
  if (!isAbsolute(input.path) || extname(input.path).toLowerCase() !== '.pdf')
    return failed(
      `${quoteName(name, 'This file')} is not a PDF chosen on this computer; nothing was imported.`,
    )
  // Checked at the handle it is read from (regular-file.ts): a pipe swapped in after a check of the name was
  // waited on forever, a larger file read whole. A link is followed: the person chose the file on this computer.
  const bytes = await readRegularBytes(input.path, MAX_PDF_IMPORT_BYTES, { followLink: true }).catch(
    (err: unknown) => err,
  )
  if (bytes instanceof FileTooLarge)
    return failed(
      `${quoteName(name, 'The PDF')} is ${formatBytes(bytes.bytes)}; Glossa imports PDFs of up to ${formatBytes(MAX_PDF_IMPORT_BYTES)}. Split it (most PDF readers can save a range of pages) and import the parts.`,
      'too_large',
    )
  if (!(bytes instanceof Buffer))
    return failed(`${quoteName(name, 'The PDF')} could not be read; nothing was imported.`)
  return importer.importBytes({ name, bytes, ...(input.password ? { password: input.password } : {}) })
}

const chosenPdfArgs = z
  .object({ path: z.string().min(1).max(4096), password: z.string().max(1000).optional() })
  .strict()

/** What main answers on CHOSEN_PDF_CHANNEL (src/shared/bridge.ts): its arguments checked, then importChosenPdf. */
export function chosenPdfHandler(importer: Importer): (args: unknown) => Promise<Result<ImportResult>> {
  return async (args) => {
    const parsed = chosenPdfArgs.safeParse(args)
    if (!parsed.success)
      return { ok: false, error: { code: 'invalid_argument', message: 'A path to a PDF was expected.' } }
    try {
      return { ok: true, value: await importChosenPdf(importer, parsed.data) }
    } catch (err) {
      return {
        ok: false,
        error: { code: 'internal', message: err instanceof Error ? err.message : String(err) },
      }
    }
  }
}
