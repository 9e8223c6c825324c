// Main process: after startup, reads every annotations file once so damage is reported before the
// researcher opens the article, not when they do, and puts right catalog counts a crash left stale. Runs in
// the background and keeps nothing in memory; it never writes an annotations file.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { GlossaError } from '../../shared/errors'
import { openAnnotationFile } from './annotation-store'
import type { Archive } from './archive'
import { healFromReading } from './heal-counts'

export async function scanForDamage(archive: Archive): Promise<number> {
  const names = await readdir(join(archive.dir, 'annotations')).catch(() => [] as string[])
  let damaged = 0
  for (const name of names) {
    if (!name.endsWith('.json') || name.startsWith('.') || !archive.catalog.has(name.slice(0, -5))) continue
    const id = name.slice(0, -5)
    try {
      // Read from disk even when open (damage is what this looks for); a save meanwhile keeps its own counts.
      await healFromReading(
        archive,
        id,
        async () => (await openAnnotationFile(archive.dir, id)).data.annotations,
      )
    } catch (err) {
      if (!(err instanceof GlossaError)) throw err
      archive.noteProblem({ file: err.file, message: err.message })
      damaged++
    }
  }
  return damaged
}
