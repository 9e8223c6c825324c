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

/** What the recount after a power cut needs beyond the heal: every entry, and each article's saves so far. */
export type RecountTarget = CountsHealTarget & {
  catalog: CountsHealTarget['catalog'] & { all(): ArticleMeta[] }
  /** Bumped when a save of the article starts: a save since the file was read writes its own counts. */
  savesOf(id: string): number
}

/**
 * Puts the article's counts right from `read` (its annotations file), unless it was deleted or saved while the
 * file was read: that save's own catalog write holds what it wrote, and an older reading is never put over it.
 * Whether the counts changed.
 */
export async function healFromReading(
  target: Pick<RecountTarget, 'catalog' | 'healCounts' | 'savesOf'>,
  id: string,
  read: () => Promise<Annotation[]>,
): Promise<boolean> {
  const saves = target.savesOf(id)
  const list = await read()
  if (!target.catalog.has(id) || target.savesOf(id) !== saves) return false
  const before = target.catalog.get(id)
  await target.healCounts(id, list)
  return target.catalog.get(id) !== before
}

/** Files read at once by the recount: few, so saves beside it wait on the disk behind a handful of reads. */
const RECOUNT_WIDTH = 4

/**
 * After a power cut (open-mark.ts): reads the annotations of every article that has an annotations file or
 * counts any, and puts its counts right where they differ (healUncounted's mending, for all of them). A save of
 * the article while its file is read wins: its own catalog write carries the counts, and an older reading is
 * never written over it. `onProgress` hears how many of how many are done. Returns how many were mended.
 */
export async function recountAll(
  target: RecountTarget,
  onProgress: (done: number, of: number) => void = () => {},
): Promise<number> {
  const names = await readdir(join(target.dir, 'annotations')).catch(() => [] as string[])
  const ids = new Set<string>()
  for (const name of names)
    if (name.endsWith('.json') && !name.startsWith('.')) ids.add(name.slice(0, -'.json'.length))
  for (const meta of target.catalog.all())
    if (meta.counts.highlights + meta.counts.figures + meta.counts.notes > 0) ids.add(meta.id)
  const todo = [...ids].filter((id) => target.catalog.has(id) && !target.catalog.isReadOnlyFor(id))
  let next = 0
  let done = 0
  let mended = 0
  const lane = async () => {
    while (next < todo.length) {
      const id = todo[next++]
      try {
        if (await healFromReading(target, id, () => target.readAnnotations(id))) mended++
      } catch (err) {
        if (!(err instanceof GlossaError)) throw err
        // An article deleted while its turn came has nothing to count.
        if (target.catalog.has(id))
          target.noteProblem({ ...(err.file ? { file: err.file } : {}), message: err.message })
      }
      onProgress(++done, todo.length)
    }
  }
  await Promise.all(Array.from({ length: RECOUNT_WIDTH }, lane))
  return mended
}
