// Main process: automatic rotating snapshots of the archive (one a day, the last KEEP kept) and snapshots on
// demand. A snapshot is a JSON backup (the export format), gzipped, in <archive>/backups/.
import { lstat, mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { gunzip, gzip } from 'node:zlib'
import { GlossaError } from '../../shared/errors'
import { exportBackup, parseBackup } from '../../shared/export'
import type { Backup } from '../../shared/export'
import type { Archive } from './archive'
import { removeDurably, writeAtomic } from './atomic'
import { FileTooLarge, MAX_READ_BYTES, readRegular, readRegularBytes } from './regular-file'

export const KEEP = 7
const DAY = 86_400_000
const NAME = /^snapshot-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.json\.gz$/

/** `future`: dated after now (a clock that was ahead, another computer's): kept, restorable, never rotated away. */
export type SnapshotInfo = { id: string; createdAt: string; size: number; articles: number; future: boolean }

const dirOf = (archive: Archive) => join(archive.dir, 'backups')
// A date that does not parse (month 13) cannot be placed among the others: it is kept like a future one.
const isFuture = (createdAt: string, now: Date) => !(Date.parse(createdAt) <= now.getTime())

/** Everything in the archive as a backup: the same document the JSON export writes. */
export async function collectBackup(archive: Archive, generatedAt: string): Promise<Backup> {
  const articles = []
  const annotations = []
  for (const meta of archive.list()) {
    articles.push(await archive.getArticle(meta.id))
    annotations.push(...(await archive.readAnnotations(meta.id).catch(() => [])))
  }
  const colors = archive.tagStore.colors()
  const tagColors = Object.fromEntries(
    Object.entries(colors).flatMap(([n, { color }]) => (color ? [[n, color]] : [])),
  )
  const parsed = parseBackup(
    exportBackup({ generatedAt, articles, annotations, tagColors, collections: archive.collections.all() })
      .content,
  )
  if ('problem' in parsed) throw new GlossaError('internal', `Could not build a backup: ${parsed.problem}`)
  return parsed.backup
}

export async function listSnapshots(archive: Archive, now = new Date()): Promise<SnapshotInfo[]> {
  const names = await readdir(dirOf(archive)).catch(() => [] as string[])
  const out: SnapshotInfo[] = []
  for (const name of names) {
    const match = NAME.exec(name)
    if (!match) continue
    const [d, t] = match[1].split('T')
    const createdAt = `${d}T${t.replace(/^(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z')}`
    // Only a snapshot that is a file: a link that led nowhere made the whole list (and the daily snapshot) fail.
    const info = await lstat(join(dirOf(archive), name)).catch(() => null)
    if (!info?.isFile()) continue
    const counted = Number(
      (await readRegular(join(dirOf(archive), `${name}.count`), 64).catch(() => '0')).trim(),
    )
    // A crafted .count file is a hint gone wrong, not a number to pass on.
    const articles = Number.isSafeInteger(counted) && counted >= 0 ? counted : 0
    out.push({ id: name, createdAt, size: info.size, articles, future: isFuture(createdAt, now) })
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

const nameAt = (time: Date) => `snapshot-${time.toISOString().replace(/[:.]/g, '-')}.json.gz`

const queues = new WeakMap<Archive, Promise<unknown>>()

/**
 * Snapshots of one archive are taken one at a time, each under a name of its own: two asked for in the same
 * millisecond (two "Back up now" clicks) would otherwise share a name and write over each other.
 */
export function takeSnapshot(archive: Archive, now = new Date()): Promise<SnapshotInfo> {
  const previous = queues.get(archive) ?? Promise.resolve()
  const taken = previous.then(() => snapshotOnce(archive, now))
  queues.set(
    archive,
    taken.catch(() => {}),
  )
  return taken
}

async function snapshotOnce(archive: Archive, requested: Date): Promise<SnapshotInfo> {
  const existing = new Set(await readdir(dirOf(archive)).catch(() => [] as string[]))
  let time = requested.getTime()
  while (existing.has(nameAt(new Date(time)))) time++
  const now = new Date(time)
  const backup = await collectBackup(archive, now.toISOString())
  const id = nameAt(now)
  const bytes = await promisify(gzip)(Buffer.from(JSON.stringify(backup)))
  await mkdir(dirOf(archive), { recursive: true })
  await writeAtomic(join(dirOf(archive), id), bytes)
  await writeAtomic(join(dirOf(archive), `${id}.count`), String(backup.articles.length))
  await rotate(archive, now, id)
  return {
    id,
    createdAt: now.toISOString(),
    size: bytes.length,
    articles: backup.articles.length,
    future: false,
  }
}

/**
 * Keeps the KEEP newest snapshots dated up to `now`, and never the one just taken among those removed. One dated
 * after `now` (a clock that was once ahead, another computer's) is a real backup: it is kept and does not count
 * among the KEEP. Ranked by its date, seven of them pushed a snapshot taken now out as soon as it was written;
 * ranked as the oldest, each snapshot taken here deleted one of them.
 */
async function rotate(archive: Archive, now: Date, taken: string): Promise<void> {
  const past = (await listSnapshots(archive, now)).filter((s) => !s.future)
  for (const old of past.slice(KEEP)) {
    if (old.id === taken) continue
    await removeDurably(join(dirOf(archive), old.id))
    await removeDurably(join(dirOf(archive), `${old.id}.count`))
  }
}

export async function readSnapshot(archive: Archive, id: string): Promise<Backup> {
  if (!NAME.test(id)) throw new GlossaError('invalid_argument', `“${id}” is not the name of a snapshot.`)
  let raw: Buffer
  try {
    // Only a regular file: a pipe in its place made the read wait forever for a writer.
    raw = await readRegularBytes(join(dirOf(archive), id))
  } catch (err) {
    if (err instanceof FileTooLarge)
      throw new GlossaError('corrupt_file', `Snapshot ${id} cannot be read: it is larger than any backup.`)
    throw new GlossaError('not_found', `Snapshot ${id} is not in backups/.`)
  }
  // Unpacked only up to the longest text a backup can be (a gzip of 4 MB unpacked to 4 GB in memory before).
  const json = await promisify(gunzip)(raw, { maxOutputLength: MAX_READ_BYTES }).then(
    (bytes) => bytes.toString('utf8'),
    (err: unknown) => ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'too large' : null),
  )
  const parsed =
    json === 'too large'
      ? { problem: 'it unpacks to more than any backup holds' }
      : json
        ? parseBackup(json)
        : { problem: 'it is not a gzipped backup' }
  if ('problem' in parsed)
    throw new GlossaError('corrupt_file', `Snapshot ${id} cannot be read: ${parsed.problem}`)
  return parsed.backup
}

/** Takes the day's snapshot if the newest is older than a day (or there is none). */
export async function autoSnapshot(archive: Archive, now = new Date()): Promise<SnapshotInfo | null> {
  // One dated after now does not count: it made the daily snapshot wait for its date.
  const newest = (await listSnapshots(archive, now)).find((s) => !s.future)
  if (newest && now.getTime() - Date.parse(newest.createdAt) < DAY) return null
  return takeSnapshot(archive, now)
}
