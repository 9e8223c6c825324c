// Main process: renaming, merging, moving and deleting a tag across every article and annotation.
// The operation is written to tag-journal.json first and replayed on the next open if it was interrupted,
// so a crash midway ends with every file renamed, never a mix. Renaming is idempotent, which makes that safe.
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Writer } from 'steno'
import { GlossaError } from '../../shared/errors'
import { tagNameSchema } from '../../shared/schemas'
import { isWithinTag } from '../../shared/tags'
import type { Annotation } from '../../shared/types'
import type { Archive } from './archive'

type Journal = { version: 1; op: 'rename'; from: string; to: string | null; startedAt: string }

const journalFile = (archive: Archive) => join(archive.dir, 'tag-journal.json')

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
const carriers = (archive: Archive, from: string) =>
  archive.list().filter((m) => Object.keys(m.annotationTags).some((t) => isWithinTag(t, from)))

/**
 * Reads every file a rename of `from` will touch, before it touches any: a damaged catalog shard (which may hide
 * articles carrying the tag), a damaged tags.json, or a damaged annotations file refuses the whole rename with
 * the list of damaged files, so it never stops halfway or skips an article without saying so.
 */
async function preflight(archive: Archive, from: string): Promise<void> {
  const damaged = new Set(archive.catalog.damagedFiles())
  const tagsProblem = archive.tagStore.damage()
  if (tagsProblem) damaged.add('tags.json')
  for (const meta of carriers(archive, from)) {
    await archive.readAnnotations(meta.id).catch((err: unknown) => {
      damaged.add(err instanceof GlossaError && err.file ? err.file : `annotations/${meta.id}.json`)
    })
  }
  if (damaged.size)
    throw new GlossaError(
      'read_only',
      `The tag “${from}” was not changed anywhere, because files it may be in are damaged: ${[...damaged].join(', ')}. Restore them from a snapshot (Backups…) first.`,
    )
}

async function apply(archive: Archive, from: string, to: string | null): Promise<number> {
  const map = renameMapper(from, to)
  let touched = 0
  for (const meta of [...archive.list()]) {
    const inAnnotations = Object.keys(meta.annotationTags).some((t) => isWithinTag(t, from))
    const tags = mapTags(meta.tags, map)
    if (!same(tags, meta.tags)) {
      await archive.updateArticle(meta.id, { tags })
      touched++
    }
    if (!inAnnotations) continue
    await archive.changeAnnotations(meta.id, (list: Annotation[]) => {
      for (const a of list) {
        a.tags = mapTags(a.tags, map)
        const metric = a.figure?.metric
        if (a.figure && metric && isWithinTag(metric, from)) {
          const next = map(metric)
          if (next === null) delete a.figure.metric
          else a.figure.metric = next
        }
      }
    })
    touched++
  }
  const colors = archive.tagStore.colors()
  for (const [name, { color }] of Object.entries(colors)) {
    if (!isWithinTag(name, from)) continue
    const next = map(name)
    await archive.tagStore.setColor(name, undefined)
    if (next !== null && color && !colors[next]?.color) await archive.tagStore.setColor(next, color)
  }
  return touched
}

const queues = new WeakMap<Archive, Promise<unknown>>()

/**
 * One rename at a time per archive: two at once write tag-journal.json through two steno writers (the second
 * rename of the shared temp file fails with ENOENT) and only the last journal would be replayed after a crash.
 */
export function renameTag(archive: Archive, from: string, to: string | null): Promise<number> {
  const run = (queues.get(archive) ?? Promise.resolve()).then(() => renameTagNow(archive, from, to))
  queues.set(
    archive,
    run.catch(() => {}),
  )
  return run
}

async function renameTagNow(archive: Archive, from: string, to: string | null): Promise<number> {
  if (to !== null && isWithinTag(to, from) && to !== from) {
    throw new GlossaError('invalid_argument', `Cannot move “${from}” inside itself (to “${to}”).`)
  }
  if (to === from) return 0
  await preflight(archive, from)
  const journal: Journal = { version: 1, op: 'rename', from, to, startedAt: new Date().toISOString() }
  await new Writer(journalFile(archive)).write(JSON.stringify(journal))
  const touched = await apply(archive, from, to)
  await rm(journalFile(archive), { force: true })
  return touched
}

function checkJournal(raw: unknown): Journal | null {
  const j = raw as Partial<Journal> | null
  if (!j || typeof j !== 'object' || j.op !== 'rename') return null
  const isTag = (t: unknown) => typeof t === 'string' && tagNameSchema.safeParse(t).data === t
  if (!isTag(j.from) || (j.to !== null && !isTag(j.to))) return null
  return j as Journal
}

/** Finishes a rename that a crash interrupted. Returns what was replayed, for the log. */
export async function replayTagJournal(archive: Archive): Promise<string | null> {
  let raw: string
  try {
    raw = await readFile(journalFile(archive), 'utf8')
  } catch {
    return null
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    // A journal cut off mid-write means the rename never started: nothing was changed yet.
    await rm(journalFile(archive), { force: true })
    return null
  }
  const journal = checkJournal(parsed)
  if (!journal)
    return 'tag-journal.json is not a tag rename Glossa wrote (its tags are not tag names); it was left untouched and not replayed.'
  try {
    await preflight(archive, journal.from)
  } catch (err) {
    // Kept for the next start: the rename finishes once the damaged files are repaired.
    if (err instanceof GlossaError)
      return `An interrupted tag rename could not be finished yet: ${err.message}`
    throw err
  }
  await apply(archive, journal.from, journal.to)
  await rm(journalFile(archive), { force: true })
  return `Finished renaming tag “${journal.from}” to “${journal.to ?? '(deleted)'}” that was interrupted.`
}
