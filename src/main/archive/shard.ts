// Main process: one small JSON file of the archive, held in memory as `data` and written whole by `write()`
// through writeAtomic (atomic.ts), which also runs writes to one file one at a time.
import { lstatSync } from 'node:fs'
import type { BigIntStats } from 'node:fs'
import { lstat } from 'node:fs/promises'
import { relative } from 'node:path'
import { GlossaError } from '../../shared/errors'
import { writeAtomic } from './atomic'
import type { WriteOptions } from './atomic'
import { CURRENT_VERSION, migrate } from './migrations'
import { NotARegularFile, OPEN_REFUSES_LINKS, readRegular, readRegularSync } from './regular-file'
import type { ShardKind } from './migrations'

/** Given a file's text as read and the status of the very file read (regular-file.ts onStat). */
export type OnText = (text: string, stat: BigIntStats) => void

export type Versioned = { version: number }

export class Shard<T extends Versioned> {
  constructor(
    readonly file: string,
    public data: T,
  ) {}

  /** Writes `data` as it is now (`thread`: see atomic-thread.ts). */
  write(options?: WriteOptions): Promise<void> {
    return writeAtomic(this.file, JSON.stringify(this.data), options)
  }
}

class ParseFailure extends Error {}

/** The file's JSON, or undefined when there is no file (a file holding `null` is damaged, not missing). */
async function readJson(file: string, onText?: OnText): Promise<unknown> {
  let raw: string
  let stat: BigIntStats | undefined
  try {
    // Only a regular file is read: a named pipe in its place made this wait forever for a writer.
    raw = await readRegular(file, undefined, onText && { onStat: (s) => (stat = s) })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw err
  }
  onText?.(raw, stat!)
  return parseJson(raw)
}

/** readJson, synchronously (a job process reading thousands of files, where nothing else waits). */
function readJsonSync(file: string): unknown {
  let raw: string
  try {
    raw = readRegularSync(file)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw err
  }
  return parseJson(raw)
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown
  } catch (err) {
    throw new ParseFailure(err instanceof Error ? err.message : String(err))
  }
}

/** A file that is a link may lead outside the archive (a shared archive unpacked from a zip can hold one). */
async function refuseLink(file: string, name: () => string): Promise<void> {
  const info = await lstat(file).catch(() => null)
  if (info?.isSymbolicLink()) throw linkRefused(name())
}

/**
 * The file's name inside the archive, for messages, made only when one is written: `path.relative` for every
 * file read was 3–5% of an export's CPU at 10,000 articles.
 */
function nameOf(root: string, file: string): () => string {
  let name: string | undefined
  return () => (name ??= relative(root, file))
}

const linkRefused = (name: string) =>
  new GlossaError(
    'corrupt_file',
    `${name} is a link to another file, and Glossa reads nothing outside the archive. It was left untouched.`,
    { file: name },
  )

/**
 * Opens a shard. A missing file yields `defaults` (written on first change); a damaged one throws
 * `corrupt_file` naming the file, and the file is never written to, because no Shard is handed out for it.
 */
export async function openShard<T extends Versioned>(
  root: string,
  file: string,
  kind: ShardKind,
  defaults: () => T,
  /** true, or false or a reason when the data does not have the kind's shape. */
  isValid: (data: T) => boolean | string,
  /** Given the file's text as read, before it is parsed (the catalog's trust is by exact content). */
  onText?: OnText,
): Promise<Shard<T>> {
  const name = nameOf(root, file)
  // Where the open itself refuses a link (O_NOFOLLOW), the lstat before it would only cost a call per file.
  if (!OPEN_REFUSES_LINKS) await refuseLink(file, name)
  let read: unknown
  try {
    read = await readJson(file, onText)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') await refuseLink(file, name)
    throw unreadable(name(), err)
  }
  return shardOf(file, name, read, kind, defaults, isValid)
}

/**
 * openShard, synchronously and for reading only: an export process reads thousands of annotations files where
 * nothing else waits, and the thread pool's round trips of four calls per file were most of its reading CPU.
 * The same checks and the same refusals.
 */
export function openShardSync<T extends Versioned>(
  root: string,
  file: string,
  kind: ShardKind,
  defaults: () => T,
  isValid: (data: T) => boolean | string,
): Shard<T> {
  const name = nameOf(root, file)
  if (!OPEN_REFUSES_LINKS && lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink())
    throw linkRefused(name())
  let read: unknown
  try {
    read = readJsonSync(file)
  } catch (err) {
    if (
      (err as NodeJS.ErrnoException).code === 'ELOOP' &&
      lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink()
    )
      throw linkRefused(name())
    throw unreadable(name(), err)
  }
  return shardOf(file, name, read, kind, defaults, isValid)
}

function unreadable(name: string, err: unknown): GlossaError {
  const why =
    err instanceof ParseFailure
      ? `is not valid JSON (${err.message})`
      : err instanceof NotARegularFile
        ? 'is not a regular file (a pipe, a device or a folder stands in its place)'
        : `could not be read (${String(err)})`
  return new GlossaError('corrupt_file', `${name} ${why}. It was left untouched; restore it from a backup.`, {
    file: name,
  })
}

/** What was read, checked: its schema version, migrated, and its shape. */
function shardOf<T extends Versioned>(
  file: string,
  name: () => string,
  read: unknown,
  kind: ShardKind,
  defaults: () => T,
  isValid: (data: T) => boolean | string,
): Shard<T> {
  const db = new Shard(file, read === undefined ? defaults() : (read as T))
  if (db.data === null || typeof db.data !== 'object' || typeof db.data.version !== 'number') {
    throw new GlossaError(
      'corrupt_file',
      `${name()} has no schema version, so it is not a Glossa file. It was left untouched.`,
      { file: name() },
    )
  }
  if (db.data.version !== CURRENT_VERSION[kind]) db.data = migrate(kind, db.data, name()) as T
  const verdict = isValid(db.data)
  if (verdict !== true) {
    const why = typeof verdict === 'string' ? ` (${verdict})` : ''
    throw new GlossaError(
      'corrupt_file',
      `${name()} does not have the shape of a Glossa ${kind} file${why}. It was left untouched.`,
      { file: name() },
    )
  }
  return db
}
