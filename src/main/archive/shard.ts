// Main process: one small JSON file of the archive, read and written through lowdb.
// lowdb's steno writer makes each write atomic (temp file + rename) and serializes writes to the same file.
import { Low } from 'lowdb'
import { DataFile } from 'lowdb/node'
import { lstat } from 'node:fs/promises'
import { relative } from 'node:path'
import { GlossaError } from '../../shared/errors'
import { migrate } from './migrations'
import type { ShardKind } from './migrations'

export type Versioned = { version: number }

export type Shard<T extends Versioned> = Low<T> & { file: string }

class ParseFailure extends Error {}

function dataFile<T>(file: string) {
  return new DataFile<T>(file, {
    parse: (raw) => {
      try {
        return JSON.parse(raw) as T
      } catch (err) {
        throw new ParseFailure(err instanceof Error ? err.message : String(err))
      }
    },
    stringify: (data) => JSON.stringify(data),
  })
}

/** A file that is a link may lead outside the archive (a shared archive unpacked from a zip can hold one). */
async function refuseLink(file: string, name: string): Promise<void> {
  const info = await lstat(file).catch(() => null)
  if (info?.isSymbolicLink())
    throw new GlossaError(
      'corrupt_file',
      `${name} is a link to another file, and Glossa reads nothing outside the archive. It was left untouched.`,
      { file: name },
    )
}

/**
 * Opens a shard. A missing file yields `defaults` (written on first change); a damaged one throws
 * `corrupt_file` naming the file, and the file is never written to, because no Low is handed out for it.
 */
export async function openShard<T extends Versioned>(
  root: string,
  file: string,
  kind: ShardKind,
  defaults: () => T,
  /** true, or false or a reason when the data does not have the kind's shape. */
  isValid: (data: T) => boolean | string,
): Promise<Shard<T>> {
  const db = new Low<T>(dataFile<T>(file), defaults()) as Shard<T>
  db.file = file
  const name = relative(root, file)
  await refuseLink(file, name)
  try {
    await db.read()
  } catch (err) {
    const why =
      err instanceof ParseFailure
        ? `is not valid JSON (${err.message})`
        : `could not be read (${String(err)})`
    throw new GlossaError(
      'corrupt_file',
      `${name} ${why}. It was left untouched; restore it from a backup.`,
      { file: name },
    )
  }
  if (db.data === null || typeof db.data !== 'object' || typeof db.data.version !== 'number') {
    throw new GlossaError(
      'corrupt_file',
      `${name} has no schema version, so it is not a Glossa file. It was left untouched.`,
      { file: name },
    )
  }
  db.data = migrate(kind, db.data, name) as T
  const verdict = isValid(db.data)
  if (verdict !== true) {
    const why = typeof verdict === 'string' ? ` (${verdict})` : ''
    throw new GlossaError(
      'corrupt_file',
      `${name} does not have the shape of a Glossa ${kind} file${why}. It was left untouched.`,
      { file: name },
    )
  }
  return db
}
