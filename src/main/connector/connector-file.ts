// Main process: where the browser connector's token hashes live — in the user-data folder (beside the catalog
// trust key), one file per archive, named by a hash of the archive's path, so an archive copied elsewhere (another
// folder, another computer) carries no pairing. An older Glossa kept them in the archive's own `connector.json`;
// that file is never read (priority 1): it was moved into this computer's pairings on first open, so a crafted
// archive could plant tokens its sender knew. It is left where it is, unread, and reported once (oldFileLeft).
import { createHash } from 'node:crypto'
import { lstat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { GlossaError } from '../../shared/errors'
import { readRegular } from '../archive/regular-file'

/** 100 paired browsers take about 30 KB. */
const MAX_TOKEN_FILE_BYTES = 1024 * 1024

/** The archive whose browsers are paired, and the app's own folder (Electron's userData; never in an archive). */
export type ConnectorPlace = { archiveDir: string; userDir: string }

/** `file`: where the tokens live; `legacy`: where an older Glossa kept them, in the archive folder (never read). */
export function tokenFiles({ archiveDir, userDir }: ConnectorPlace): { file: string; legacy: string } {
  const key = createHash('sha256').update(resolve(archiveDir)).digest('hex').slice(0, 32)
  return { file: join(userDir, 'connectors', `${key}.json`), legacy: join(archiveDir, 'connector.json') }
}

/** A token file's contents, or undefined when there is none; anything unreadable or invalid is refused by name. */
async function readTokens<T>(file: string, check: (data: unknown) => T | undefined): Promise<T | undefined> {
  let text: string
  try {
    // Never a pipe (read forever), a link (to /dev/zero: read until memory ran out) nor a file larger than 100
    // tokens take (a sparse file of gigabytes, nothing on disk, was read whole).
    text = await readRegular(file, MAX_TOKEN_FILE_BYTES)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new GlossaError(
      'corrupt_file',
      `${file} is not a file Glossa can read (${err instanceof Error ? err.message : String(err)}), so no browser extension can connect; delete it and pair again.`,
    )
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = undefined
  }
  const checked = check(parsed)
  if (checked === undefined)
    throw new GlossaError(
      'corrupt_file',
      `${file} is damaged, so no browser extension can connect; delete it and pair again.`,
    )
  return checked
}

/** The tokens of `place`'s archive; `check` validates the file's parsed contents (undefined: invalid). `[]` when none. */
export async function loadTokenFile<T>(
  place: ConnectorPlace,
  check: (data: unknown) => T[] | undefined,
): Promise<T[]> {
  return (await readTokens(tokenFiles(place).file, check)) ?? []
}

/**
 * Whether an older Glossa's `connector.json` is in the archive folder while this computer keeps no token file for
 * the archive: the case to report (the owner must pair again). Only looked at (lstat), never read or followed.
 */
export async function oldFileLeft(place: ConnectorPlace): Promise<boolean> {
  const { file, legacy } = tokenFiles(place)
  const old = await lstat(legacy).catch(() => undefined)
  if (!old || old.isDirectory()) return false
  return (await lstat(file).catch(() => undefined)) === undefined
}
