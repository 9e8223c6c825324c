// Main process: deleted articles wait in trash/<id>.json (metadata, body and annotations together) so a
// delete can be undone; entries older than TRASH_DAYS are purged when the archive opens.
import { lstat, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { GlossaError } from '../../shared/errors'
import type { Annotation, ArticleMeta } from '../../shared/types'
import { removeImages } from './assets'
import { removeDurably, writeAtomic } from './atomic'
import { articleFile } from './ids'
import { checkTrashRecord } from './records'
import { readRegular } from './regular-file'

export const TRASH_DAYS = 30

export type TrashRecord = {
  version: 1
  deletedAt: string
  meta: ArticleMeta
  body: { version: number; id: string; text: string; html?: string }
  annotations: Annotation[]
}

export function trashFile(root: string, id: string): string {
  return articleFile(root, 'trash', id)
}

export async function writeTrash(root: string, record: TrashRecord): Promise<void> {
  await writeAtomic(trashFile(root, record.meta.id), JSON.stringify(record))
}

export async function readTrash(root: string, id: string): Promise<TrashRecord> {
  let raw: string
  try {
    // Not a link, and never a pipe (a read waited forever for a writer).
    raw = await readRegular(trashFile(root, id))
  } catch {
    throw new GlossaError('not_found', `Article ${id} is not in the trash (it may have been emptied).`)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch (err) {
    throw new GlossaError(
      'corrupt_file',
      `trash/${id}.json is not valid JSON (${String(err)}); it was left untouched.`,
      { file: `trash/${id}.json` },
    )
  }
  const checked = checkTrashRecord(parsed, id)
  if (!checked.ok)
    throw new GlossaError(
      'corrupt_file',
      `trash/${id}.json is not a Glossa trash record (${checked.reason}); it was left untouched.`,
    )
  const record = parsed as TrashRecord
  return { ...record, meta: checked.value.meta, annotations: checked.value.annotations }
}

export async function removeTrash(root: string, id: string): Promise<void> {
  await removeDurably(trashFile(root, id))
}

/**
 * Removes records older than TRASH_DAYS, with their articles' images — unless `isLive` says the article is in the
 * catalog (restored, its record left by a kill before its removal, or a crafted archive's): its images are its own.
 * A link (its own date; removed, never followed) or anything else by a record's name that is not a file is left,
 * as is one that cannot be removed: none stops the archive opening (a link leading nowhere made the open fail).
 */
export async function purgeTrash(
  root: string,
  isLive: (id: string) => Promise<boolean>,
  now = Date.now(),
): Promise<number> {
  const dir = join(root, 'trash')
  const names = await readdir(dir).catch(() => [] as string[])
  let purged = 0
  for (const name of names) {
    if (!name.endsWith('.json') || name.startsWith('.')) continue
    const info = await lstat(join(dir, name)).catch(() => null)
    if (!info || !(info.isFile() || info.isSymbolicLink())) continue
    if (now - info.mtimeMs <= TRASH_DAYS * 86_400_000) continue
    if (
      !(await removeDurably(join(dir, name)).then(
        () => true,
        () => false,
      ))
    )
      continue
    const id = name.slice(0, -'.json'.length)
    // The images stay while the article can come back from the trash, and go with it.
    if (!(await isLive(id))) await removeImages(root, id).catch(() => {})
    purged++
  }
  return purged
}
