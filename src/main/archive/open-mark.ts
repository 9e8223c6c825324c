// Main process: whether the archive's last writer closed it, across a power cut. saves-in-flight.ts names the
// articles whose catalog counts a kill may have left behind, but its append is not flushed to disk (an fsync
// per save would cost the save p99), so a power cut can lose it while the annotations file, flushed, survives.
// So the process that writes the archive leaves `open-mark.json` there, flushed to disk once when it opens, and
// removes it when it exits with no save under way. A mark found at open written before this computer last
// started (or on another one, or unreadable: cut off mid-write) means the machine stopped while the archive was
// open: every article's counts are read again from its annotations file (Archive.recountAll), and the mark says
// so until that is done, so a kill during the recount leaves it to the next open. A mark left in this very boot
// is a kill or a crash of the process alone: nothing written to the kernel was lost, and saves-in-flight is
// whole.
import { unlinkSync } from 'node:fs'
import { hostname, uptime } from 'node:os'
import { join } from 'node:path'
import { flushOwedFoldersSync, writeAtomic } from './atomic'
import { readRegular, readRegularSync } from './regular-file'

/** JSON, so the temp file a crash may leave beside it is a stray temp file (stray-temps.ts) and removed. */
export const OPEN_MARK_FILE = 'open-mark.json'

/** A mark is a few fields; a larger file is none Glossa wrote. */
const MAX_BYTES = 4096
/**
 * Two readings of the boot time (now minus the uptime) differ by the wall clock's corrections since: more than
 * this means another boot. A correction larger than that costs a recount, never a missed one.
 */
export const BOOT_SLACK_MS = 120_000

export type OpenMark = {
  pid: number
  host: string
  /** When this computer started, as the writer saw it (ms since the epoch). */
  bootedAt: number
  openedAt: string
  /** Set while the counts a power cut may have left behind are still being read again. */
  recount?: boolean
}

export const bootedAt = (): number => Date.now() - uptime() * 1000

/** The mark left in `dir`: none, one Glossa wrote, or 'unreadable' (cut off mid-write, or not Glossa's). */
export async function readOpenMark(dir: string): Promise<OpenMark | 'unreadable' | null> {
  let text: string
  try {
    text = await readRegular(join(dir, OPEN_MARK_FILE), MAX_BYTES)
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? null : 'unreadable'
  }
  try {
    const mark = JSON.parse(text) as Partial<OpenMark>
    if (typeof mark.bootedAt !== 'number' || typeof mark.host !== 'string') return 'unreadable'
    return mark as OpenMark
  } catch {
    return 'unreadable'
  }
}

/** Whether the mark left says the computer may have stopped (a power cut) while the archive was open. */
export function leftByPowerCut(mark: OpenMark | 'unreadable' | null, now = bootedAt()): boolean {
  if (mark === null) return false
  if (mark === 'unreadable') return true
  return mark.recount === true || mark.host !== hostname() || Math.abs(mark.bootedAt - now) > BOOT_SLACK_MS
}

/**
 * Writes the mark (atomic.ts: a temp file, flushed, renamed over the mark, then the folder flushed so the rename is
 * on disk too; where a folder cannot be flushed, as on Windows, the rename is as durable as the system makes it).
 */
export async function writeOpenMark(dir: string, recount: boolean): Promise<void> {
  const file = join(dir, OPEN_MARK_FILE)
  const mark: OpenMark = {
    pid: process.pid,
    host: hostname(),
    bootedAt: bootedAt(),
    openedAt: new Date().toISOString(),
    ...(recount ? { recount: true } : {}),
  }
  await writeAtomic(file, JSON.stringify(mark))
}

/** Archives this process marked, and whether each may be closed now (no save under way). */
const marked = new Map<string, () => boolean>()
let hooked = false

/** Removes `dir`'s mark when this process exits, if `idle()` says no save is under way then. */
export function removeMarkAtExit(dir: string, idle: () => boolean): void {
  marked.set(dir, idle)
  if (hooked) return
  hooked = true
  process.once('exit', () => {
    for (const [folder, isIdle] of marked) if (isIdle()) removeMarkNow(folder)
  })
}

/**
 * Removes the mark (a clean close). Not flushed: if a power cut loses the removal, the next open only recounts.
 * First the catalog renames whose folder flush was owed (atomic.ts `folderLater`) are flushed: without the mark
 * no recount would put them right; if that fails, the mark stays.
 */
export function removeMarkNow(dir: string): void {
  marked.delete(dir)
  try {
    flushOwedFoldersSync(dir)
  } catch {
    return
  }
  // Only this process's own mark: a Glossa that opened the archive after it (a glossa export without the lock,
  // then the app) wrote its own, and removing that would leave the app's run unmarked across a power cut.
  if (!ownMark(dir)) return
  try {
    unlinkSync(join(dir, OPEN_MARK_FILE))
  } catch {
    // Gone already, or not a file Glossa can remove: the next open recounts at worst.
  }
}

/** Whether the mark in `dir` is the one this process wrote (its pid on this computer). */
function ownMark(dir: string): boolean {
  try {
    // readRegularSync, not a plain open: a named pipe in the mark's place would hold the exit waiting for a writer
    const mark = JSON.parse(readRegularSync(join(dir, OPEN_MARK_FILE), MAX_BYTES)) as Partial<OpenMark>
    return mark.pid === process.pid && mark.host === hostname()
  } catch {
    return false
  }
}
