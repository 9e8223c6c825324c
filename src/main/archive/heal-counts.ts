// Main process and CLI: at open, mends the catalog's counts a kill left behind, before anything chooses articles
// by them. A save acknowledges once the annotations file is on disk and writes the counts just after (archive.ts
// changeAnnotations); a kill between the two leaves an article with annotations on disk that its counts call
// none, so the export (run.ts reads only articles whose counts say they have annotations) left its figures out
// until the article was opened again. One listing of the annotations folder (no stat per article) finds them;
// only those files are read. Counts a kill left nonzero but stale (a save that changed an article already holding
// annotations) are not 0: the saves in flight at the kill name those articles (saves-in-flight.ts).
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { GlossaError } from '../../shared/errors'
import type { Annotation, ArticleMeta } from '../../shared/types'
import type { Problem } from './problems'

/** What the heal needs of an Archive (a structural type: archive.ts calls this while opening). */
export type CountsHealTarget = {
  readonly dir: string
  catalog: { has(id: string): boolean; get(id: string): ArticleMeta; isReadOnlyFor(id: string): boolean }
  readAnnotations(id: string): Promise<Annotation[]>
  healCounts(id: string, list: Annotation[]): Promise<void>
  noteProblem(problem: Problem): void
}

/** The ids whose annotations file exists and whose catalog entry counts no annotation. */
export async function uncountedIds(target: CountsHealTarget): Promise<string[]> {
  const names = await readdir(join(target.dir, 'annotations')).catch(() => [] as string[])
  const out: string[] = []
  for (const name of names) {
    if (!name.endsWith('.json') || name.startsWith('.')) continue
    const id = name.slice(0, -'.json'.length)
    if (!target.catalog.has(id) || target.catalog.isReadOnlyFor(id)) continue
    const { counts } = target.catalog.get(id)
    if (counts.highlights + counts.figures === 0) out.push(id)
  }
  return out
}

/**
 * Reads the annotations of every article the catalog counts as having none while its file exists, and of every
 * article in `inFlight` (saves a kill cut short), and puts its counts (and annotation tags, colours, creators)
 * right, each catalog write atomic. Returns how many were mended. A damaged file is noted as a problem (the app
 * offers its repair), never thrown: the archive still opens.
 */
export async function healUncounted(target: CountsHealTarget, inFlight: string[] = []): Promise<number> {
  let mended = 0
  const named = new Set(inFlight.filter((id) => target.catalog.has(id) && !target.catalog.isReadOnlyFor(id)))
  for (const id of new Set([...(await uncountedIds(target)), ...named])) {
    try {
      const list = await target.readAnnotations(id)
      // A save in flight may have removed the last annotation: its counts go to 0 as well.
      if (!list.length && !named.has(id)) continue
      await target.healCounts(id, list)
      mended++
    } catch (err) {
      if (!(err instanceof GlossaError)) throw err
      target.noteProblem({ ...(err.file ? { file: err.file } : {}), message: err.message })
    }
  }
  return mended
}
