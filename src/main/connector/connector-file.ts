// Main process: where the browser connector's token hashes live — in the user-data folder (beside the catalog
// trust key), one file per archive, named by a hash of the archive's path, so an archive copied elsewhere (another
// folder, another computer) carries no pairing. An older Glossa kept them in the archive's own `connector.json`;
// it is moved once, crash-safe: read only as a regular file and validated, written to the new place atomically,
// then removed. A kill before the new file is in place leaves the old one to move next time (no pairing lost);
// a kill after it leaves both, and the next load keeps the new one and removes the old (a revoke made since is not
// undone, and no token stays readable in the archive folder to travel with a copy).
import { createHash } from 'node:crypto'
import { mkdir, rm } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { GlossaError } from '../../shared/errors'
import { writeAtomic } from '../archive/atomic'
import { readRegular } from '../archive/regular-file'

/** 100 paired browsers take about 30 KB. */
const MAX_TOKEN_FILE_BYTES = 1024 * 1024

/** The archive whose browsers are paired, and the app's own folder (Electron's userData; never in an archive). */
export type ConnectorPlace = { archiveDir: string; userDir: string }

/** `file`: where the tokens live now; `legacy`: where an older Glossa kept them, in the archive folder. */
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

/** Removes the old file; whatever it is (a link is removed, not followed), it is never read again. */
async function removeLegacy(legacy: string): Promise<void> {
  await rm(legacy, { force: true }).catch((err: unknown) => {
    // A folder by that name holds no tokens Glossa would read; anything else must not stay behind unnoticed.
    if (
      (err as NodeJS.ErrnoException).code !== 'EISDIR' &&
      (err as NodeJS.ErrnoException).code !== 'ERR_FS_EISDIR'
    )
      throw err
  })
}

/**
 * The tokens of `place`'s archive, moving an older Glossa's file first if that is where they are. `check` validates
 * a file's parsed contents (undefined: invalid). Returns `[]` (as `T[]`) when no browser was ever paired.
 */
export async function loadTokenFile<T>(
  place: ConnectorPlace,
  check: (data: unknown) => T[] | undefined,
): Promise<T[]> {
  const { file, legacy } = tokenFiles(place)
  const current = await readTokens(file, check)
  if (current !== undefined) {
    // Moved already (a kill came before the old file's removal): the new file is the truth.
    await removeLegacy(legacy)
    return current
  }
  const old = await readTokens(legacy, check)
  if (old === undefined) return []
  await mkdir(dirname(file), { recursive: true, mode: 0o700 })
  await writeAtomic(file, `${JSON.stringify({ version: 1, tokens: old }, null, 2)}\n`)
  await removeLegacy(legacy)
  return old
}
