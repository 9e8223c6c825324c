// CLI (Node): `glossa export --out` writes an export's files to --out, a file or a folder, never inside an archive folder.
import { mkdir, readFile, stat } from 'node:fs/promises'
import { dirname, join, resolve, sep } from 'node:path'
import type { ExportFile } from '../../shared/export'
import { GlossaError } from '../../shared/errors'
import { renameInto, writeAtomic } from '../archive/atomic'
import { STREAM_SCRATCH_PREFIX, withScratch } from './scratch'

/**
 * Writes the files (as they come, when they are made a slice at a time), telling `wrote` each path once it is in
 * place; several files appear in their folder together, when the last is made.
 */
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
  if (!isDir) {
    for await (const f of files) {
      await writeOne(out, () => writeAtomic(out, f.content))
      wrote(out)
    }
    return
  }
  // Into a folder: each file is made in a scratch folder of this export's inside it as it comes, and all are
  // moved into place once the last is made, so a killed export leaves no set of files that looks whole, only
  // the scratch folder, which the next export into the folder sweeps (scratch.ts).
  await writeOne(out, () => mkdir(out, { recursive: true }))
  await withScratch(out, STREAM_SCRATCH_PREFIX, async (scratch) => {
    const moves: { from: string; to: string }[] = []
    for await (const f of files) {
      const made = join(scratch, f.name)
      const target = join(out, f.name)
      await writeOne(target, async () => {
        await mkdir(dirname(made), { recursive: true })
        await mkdir(dirname(target), { recursive: true })
        await writeAtomic(made, f.content)
      })
      moves.push({ from: made, to: target })
    }
    await writeOne(out, () => renameInto(moves))
    for (const { to } of moves) wrote(to)
  })
}

/** Runs a write of `target`, its failure said plainly (describeWriteError). */
async function writeOne(target: string, write: () => Promise<unknown>): Promise<void> {
  try {
    await write()
  } catch (err) {
    throw new Error(`Could not write ${target}: ${describeWriteError(err)}`)
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
