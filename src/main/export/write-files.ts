// CLI (Node): `glossa export --out` writes an export's files to --out, a file or a folder, never inside an archive folder.
import { mkdir, readFile, stat } from 'node:fs/promises'
import { dirname, join, resolve, sep } from 'node:path'
import type { ExportFile } from '../../shared/export'
import { GlossaError } from '../../shared/errors'
import { writeAtomic } from '../archive/atomic'

/** Writes the files (as they come, when they are made a slice at a time), telling `wrote` each path as it is written. */
export async function writeExportFiles({
  files,
  out,
  perArticle,
  wrote,
}: {
  files: ExportFile[] | AsyncIterable<ExportFile>
  out: string
  perArticle: boolean
  wrote: (path: string) => void
}): Promise<void> {
  await refuseInsideArchive(out)
  // Several files (or one per article) go into --out as a folder; one file goes to --out unless it is a folder
  // (or ends in a separator, as `--out dir/` does).
  const isDir =
    !Array.isArray(files) ||
    files.length > 1 ||
    /[\\/]$/.test(out) ||
    perArticle ||
    (await stat(out).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  for await (const f of files) {
    const target = isDir ? join(out, f.name) : out
    try {
      await mkdir(dirname(target), { recursive: true })
      await writeAtomic(target, f.content)
    } catch (err) {
      throw new Error(`Could not write ${target}: ${describeWriteError(err)}`)
    }
    wrote(target)
  }
}

/** Where one streamed file goes (run.ts's streamExport): --out itself, or the file's name inside --out when
 * that is a folder (or ends in a separator, or `folder` says so). Refuses an archive folder as writeExportFiles does. */
export async function streamTarget(out: string, name: string, folder = false): Promise<string> {
  await refuseInsideArchive(out)
  const isDir =
    folder ||
    /[\\/]$/.test(out) ||
    (await stat(out).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  const target = isDir ? join(out, name) : out
  try {
    await mkdir(dirname(target), { recursive: true })
  } catch (err) {
    throw new Error(`Could not write ${target}: ${describeWriteError(err)}`)
  }
  return target
}

/** A failed write of `target` said plainly (a file system error code becomes words); anything else as it is. */
export function writeFailure(target: string, err: unknown): unknown {
  const code = (err as NodeJS.ErrnoException | null)?.code
  return typeof code === 'string' && /^(EISDIR|ENOTDIR|EEXIST|EACCES|EPERM)$/.test(code)
    ? new Error(`Could not write ${target}: ${describeWriteError(err)}`)
    : err
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
