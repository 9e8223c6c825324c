// Main process: temp files a killed write left in the search index folder. Every file there is written through
// writeAtomic (a temp file `.<name>.<8 hex>.tmp` beside it, renamed over it); a kill between the two leaves the
// temp file, which nothing reads and no save removed. They are removed when the index opens: only names of that
// pattern for the files the index writes (segments, merged segments, signature files, the manifest), only
// regular files (never a link, a folder or a pipe someone put there), never a file the manifest names, and not
// while another live process holds the archive (its writes may be under way).
import { lstat, readdir, rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { heldByAnother } from '../archive/stray-temps'
import type { SegmentedIndex } from './segmented-index'
import type { SignatureFile } from './signature-files'

/** writeAtomic's temp names (atomic.ts tempNameFor) for segment-store.ts's and segment-merge.ts's files. */
export const TEMP_NAME =
  /^\.(?:(?:seg|mrg)-[0-9a-f]{16}\.seg|sig-[0-9a-f]{16}\.json|manifest\.json)\.[0-9a-f]{8}\.tmp$/

/**
 * Removes the temp files in the index folder `dir` (see above); `named` are the files the manifest names,
 * `archiveDir` the archive whose lock says whether another process may be writing. Returns the names removed.
 */
export async function sweepTemps(
  dir: string,
  named: ReadonlySet<string>,
  archiveDir: string,
): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[])
  const temps = names.filter((name) => TEMP_NAME.test(name) && !named.has(name))
  if (temps.length === 0 || (await heldByAnother(archiveDir))) return []
  const removed: string[] = []
  for (const name of temps) {
    const file = join(dir, name)
    const info = await lstat(file).catch(() => null)
    if (!info?.isFile()) continue
    // A file that cannot be removed now (held open elsewhere) is tried again at the next open.
    if (
      await rm(file).then(
        () => true,
        () => false,
      )
    )
      removed.push(name)
  }
  return removed
}

/** The files an opened index's manifest names: its segments and signature files. */
export function namedFiles(opened: { index: SegmentedIndex; files: SignatureFile[] }): Set<string> {
  return new Set([...opened.index.segments.map((s) => basename(s.file)), ...opened.files.map((f) => f.file)])
}
