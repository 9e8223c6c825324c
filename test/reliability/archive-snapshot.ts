// Tests (Node): every file of an archive folder with its bytes, to prove that a call changed nothing.
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'

export type Snapshot = Map<string, Buffer>

export async function snapshot(dir: string): Promise<Snapshot> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  // The search index is derived data the app may rewrite at any time; temp files are writes in flight.
  const files = entries
    .filter(
      (e) =>
        e.isFile() &&
        e.name !== 'search-index.json' &&
        !e.parentPath.endsWith('search-index') &&
        !e.name.endsWith('.tmp'),
    )
    .map((e) => join(e.parentPath, e.name))
  const contents = await Promise.all(files.map((f) => readFile(f)))
  return new Map(files.map((f, i) => [f.slice(dir.length + 1), contents[i]]))
}

/** Paths added, removed or changed between two snapshots. */
export function diffSnapshots(before: Snapshot, after: Snapshot): string[] {
  const changed: string[] = []
  for (const [path, bytes] of before) {
    const now = after.get(path)
    if (!now) changed.push(`removed ${path}`)
    else if (!now.equals(bytes)) changed.push(`changed ${path}`)
  }
  for (const path of after.keys()) if (!before.has(path)) changed.push(`added ${path}`)
  return changed
}
