// Main process: renaming, merging, moving and deleting a tag across every article and annotation, and undoing a
// rename or merge. The operation is written to tag-journal.json first and replayed on the next open if it was
// interrupted, so a crash midway ends with every file renamed, never a mix. Renaming is idempotent, and so is an
// undo (see tag-move.ts), which makes that safe.
import { join } from 'node:path'
import { GlossaError } from '../../shared/errors'
import { tagNameSchema } from '../../shared/schemas'
import { isWithinTag } from '../../shared/tags'
import type { Annotation } from '../../shared/types'
import { removeDurably, writeAtomic } from './atomic'
import { readRegular } from './regular-file'
import type { TagArchive } from './tag-archive'
import { revertAnnotation, revertTags, tagMoveSchema } from './tag-move'
import type { MovedItem, TagMove } from './tag-move'

type RenameJournal = { version: 1; op: 'rename'; from: string; to: string | null; startedAt: string }
type UndoJournal = { version: 1; op: 'undo'; move: TagMove; startedAt: string }
type Journal = RenameJournal | UndoJournal

const journalFile = (archive: TagArchive) => join(archive.dir, 'tag-journal.json')

/** `from` and everything under it moves to `to`; `to === null` deletes them. */
export function renameMapper(from: string, to: string | null): (tag: string) => string | null {
  return (tag) => {
    if (!isWithinTag(tag, from)) return tag
    return to === null ? null : to + tag.slice(from.length)
  }
}

function mapTags(tags: string[], map: (t: string) => string | null): string[] {
  return [...new Set(tags.map(map).filter((t): t is string => t !== null))]
}

function same(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i])
}

/** The articles whose annotations carry `from` (or a tag under it), by the catalog. */
const carriers = (archive: TagArchive, from: string) =>
  archive.list().filter((m) => Object.keys(m.annotationTags).some((t) => isWithinTag(t, from)))

/**
 * Reads every file a rename of `from` will touch, before it touches any: a damaged catalog shard (which may hide
 * articles carrying the tag), a damaged tags.json, or a damaged annotations file refuses the whole rename with
 * the list of damaged files, so it never stops halfway or skips an article without saying so.
 */
async function preflight(archive: TagArchive, from: string, articleIds?: string[]): Promise<void> {
  const damaged = new Set(archive.catalog.damagedFiles())
  const tagsProblem = archive.tagStore.damage()
  if (tagsProblem) damaged.add('tags.json')
  for (const id of articleIds ?? carriers(archive, from).map((m) => m.id)) {
    if (!archive.catalog.has(id)) continue
    await archive.readAnnotations(id).catch((err: unknown) => {
      damaged.add(err instanceof GlossaError && err.file ? err.file : `annotations/${id}.json`)
    })
  }
  if (damaged.size)
    throw new GlossaError(
      'read_only',
      `The tag “${from}” was not changed anywhere, because files it may be in are damaged: ${[...damaged].join(', ')}. Restore them from a snapshot (Backups…) first.`,
    )
}

type Applied = { touched: number; move: Omit<TagMove, 'to'> }

async function apply(archive: TagArchive, from: string, to: string | null): Promise<Applied> {
  const map = renameMapper(from, to)
  let touched = 0
  const items: MovedItem[] = []
  for (const meta of [...archive.list()]) {
    const inAnnotations = Object.keys(meta.annotationTags).some((t) => isWithinTag(t, from))
    const tags = mapTags(meta.tags, map)
    if (!same(tags, meta.tags)) {
      await archive.updateArticle(meta.id, { tags })
      items.push({ articleId: meta.id, before: [...meta.tags], after: tags })
      touched++
    }
    if (!inAnnotations) continue
    await archive.changeAnnotations(meta.id, (list: Annotation[]) => {
      for (const a of list) {
        const before = a.tags
        const metricBefore = a.figure?.metric
        a.tags = mapTags(a.tags, map)
        const metric = a.figure?.metric
        if (a.figure && metric && isWithinTag(metric, from)) {
          const next = map(metric)
          if (next === null) delete a.figure.metric
          else a.figure.metric = next
        }
        const metricAfter = a.figure?.metric
        if (same(before, a.tags) && metricBefore === metricAfter) continue
        items.push({
          articleId: meta.id,
          annotationId: a.id,
          before,
          after: a.tags,
          ...(metricBefore !== undefined ? { metricBefore } : {}),
          ...(metricAfter !== undefined ? { metricAfter } : {}),
        })
      }
    })
    touched++
  }
  const colors = archive.tagStore.colors()
  const taken: TagMove['colors'] = []
  const colored: string[] = []
  for (const [name, { color }] of Object.entries(colors)) {
    if (!isWithinTag(name, from)) continue
    const next = map(name)
    await archive.tagStore.setColor(name, undefined)
    if (color) taken.push({ name, color })
    if (next !== null && color && !colors[next]?.color) {
      await archive.tagStore.setColor(next, color)
      colored.push(next)
    }
  }
  return { touched, move: { from, items, colors: taken, colored } }
}

/** Moves back exactly the items `move` records (see tag-move.ts), and its colours. */
async function applyUndo(archive: TagArchive, move: TagMove): Promise<number> {
  const byArticle = new Map<string, MovedItem[]>()
  for (const item of move.items) {
    if (!archive.catalog.has(item.articleId)) continue
    byArticle.set(item.articleId, [...(byArticle.get(item.articleId) ?? []), item])
  }
  for (const [articleId, items] of byArticle) {
    const own = items.find((i) => i.annotationId === undefined)
    if (own) {
      const current = archive.meta(articleId).tags
      const tags = revertTags(current, own)
      if (!same(tags, current)) await archive.updateArticle(articleId, { tags })
    }
    const notes = new Map(items.flatMap((i) => (i.annotationId ? [[i.annotationId, i] as const] : [])))
    if (notes.size === 0) continue
    await archive.changeAnnotations(articleId, (list: Annotation[]) => {
      for (const a of list) {
        const item = notes.get(a.id)
        if (item) revertAnnotation(a, item)
      }
    })
  }
  const colors = archive.tagStore.colors()
  for (const name of move.colored) if (colors[name]?.color) await archive.tagStore.setColor(name, undefined)
  for (const { name, color } of move.colors) await archive.tagStore.setColor(name, color)
  return byArticle.size
}

const queues = new WeakMap<TagArchive, Promise<unknown>>()

/**
 * One rename at a time per archive: two at once would each write tag-journal.json, and only the last journal
 * would be replayed after a crash.
 */
function queued<T>(archive: TagArchive, task: () => Promise<T>): Promise<T> {
  const run = (queues.get(archive) ?? Promise.resolve()).then(task)
  queues.set(
    archive,
    run.catch(() => {}),
  )
  return run
}

export function renameTag(archive: TagArchive, from: string, to: string | null): Promise<number> {
  return queued(archive, async () => (await renameTagNow(archive, from, to)).touched)
}

/** Renames (or merges) `from` into `to`, returning what it moved, item by item, for `undoTagMove`. */
export function moveTag(
  archive: TagArchive,
  from: string,
  to: string,
): Promise<{ touched: number; move: TagMove }> {
  return queued(archive, async () => {
    const { touched, move } = await renameTagNow(archive, from, to)
    return { touched, move: { ...move, to } }
  })
}

/** Moves back the items a rename or merge moved; journalled like the rename itself. Returns articles touched. */
export function undoTagMove(archive: TagArchive, move: TagMove): Promise<number> {
  return queued(archive, async () => {
    await preflight(archive, move.to, [...new Set(move.items.map((i) => i.articleId))])
    const journal: Journal = { version: 1, op: 'undo', move, startedAt: new Date().toISOString() }
    await writeAtomic(journalFile(archive), JSON.stringify(journal))
    const touched = await applyUndo(archive, move)
    await removeDurably(journalFile(archive))
    return touched
  })
}

async function renameTagNow(archive: TagArchive, from: string, to: string | null): Promise<Applied> {
  if (to !== null && isWithinTag(to, from) && to !== from) {
    throw new GlossaError('invalid_argument', `Cannot move “${from}” inside itself (to “${to}”).`)
  }
  if (to === from) return { touched: 0, move: { from, items: [], colors: [], colored: [] } }
  await preflight(archive, from)
  const journal: Journal = { version: 1, op: 'rename', from, to, startedAt: new Date().toISOString() }
  await writeAtomic(journalFile(archive), JSON.stringify(journal))
  const applied = await apply(archive, from, to)
  await removeDurably(journalFile(archive))
  return applied
}

function checkJournal(raw: unknown): Journal | null {
  const j = raw as Partial<RenameJournal> | Partial<UndoJournal> | null
  if (!j || typeof j !== 'object') return null
  if (j.op === 'undo') {
    const move = tagMoveSchema.safeParse(j.move)
    return move.success ? { ...(j as UndoJournal), move: move.data } : null
  }
  if (j.op !== 'rename') return null
  const isTag = (t: unknown) => typeof t === 'string' && tagNameSchema.safeParse(t).data === t
  if (!isTag(j.from) || (j.to !== null && !isTag(j.to))) return null
  return j as RenameJournal
}

/** Finishes a rename that a crash interrupted. Returns what was replayed, for the log. */
export async function replayTagJournal(archive: TagArchive): Promise<string | null> {
  let raw: string
  try {
    raw = await readRegular(journalFile(archive))
  } catch {
    return null
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    // A journal cut off mid-write means the rename never started: nothing was changed yet.
    await removeDurably(journalFile(archive))
    return null
  }
  const journal = checkJournal(parsed)
  if (!journal)
    return 'tag-journal.json is not a tag rename Glossa wrote (its tags are not tag names); it was left untouched and not replayed.'
  const undo = journal.op === 'undo'
  try {
    if (undo)
      await preflight(archive, journal.move.to, [...new Set(journal.move.items.map((i) => i.articleId))])
    else await preflight(archive, journal.from)
  } catch (err) {
    // Kept for the next start: the rename finishes once the damaged files are repaired.
    if (err instanceof GlossaError)
      return `An interrupted tag ${undo ? 'undo' : 'rename'} could not be finished yet: ${err.message}`
    throw err
  }
  if (undo) await applyUndo(archive, journal.move)
  else await apply(archive, journal.from, journal.to)
  await removeDurably(journalFile(archive))
  return undo
    ? `Finished moving items back from “${journal.move.to}” to “${journal.move.from}” (an undo that was interrupted).`
    : `Finished renaming tag “${journal.from}” to “${journal.to ?? '(deleted)'}” that was interrupted.`
}
