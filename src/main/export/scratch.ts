// Main process, export job process and CLI: the private folders an export works in (by-tag-stream.ts's spill
// files, a streamed export's scratch and temp files beside its target, the folder export.run writes
// notes-by-tag.md into, browser mode's download folder), and the sweep of those a killed process left.
// An export removes its folder when it ends, but a process killed mid-export (SIGKILL, a crash, a power cut)
// leaves it beside the target or in the temp folder for good. Exports may run at once (two `glossa export`
// into one folder, the app's export job beside the CLI), so the sweep must never take the folder of one still
// running: each folder's name says which process on which computer made it, and a folder is swept only when
// that process is gone, or when it was made before this computer last started (a pid reused since is another
// process), or — made on another computer, whose processes cannot be seen from here — when untouched for a day.
import { createHash } from 'node:crypto'
import { lstat, mkdtemp, readdir, rm } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { alive } from '../archive/lock'
import { BOOT_SLACK_MS, bootedAt } from '../archive/open-mark'

/** The scratch folders beside an export's target (streamed, or per-article files into a folder); by tag has its
 * own (by-tag-stream.ts). */
export const STREAM_SCRATCH_PREFIX = '.glossa-export-'
/** A folder made on another computer is swept once untouched this long: no export runs for a day. */
const OTHER_HOST_AGE_MS = 24 * 3600 * 1000

/** This computer's name as 8 hex digits: any host name fits in a file name that way. */
const hostTag = (host = hostname()) => createHash('sha256').update(host).digest('hex').slice(0, 8)

/** `<prefix><host tag>-<pid>-XXXXXX` (mkdtemp's six characters). */
const nameOf = (prefix: string) =>
  new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([0-9a-f]{8})-(\\d+)-[A-Za-z0-9]{6}$`)

/** Makes a private (0700: it holds the researcher's notes) folder in `parent` named for this process. */
export function makeScratch(parent: string, prefix: string): Promise<string> {
  return mkdtemp(join(parent, `${prefix}${hostTag()}-${process.pid}-`))
}

/**
 * Runs `work` with a scratch folder of its own in `parent`, first sweeping the ones gone exports left there, and
 * removes it when `work` ends, however it ends.
 */
export async function withScratch<T>(
  parent: string,
  prefix: string,
  work: (dir: string) => Promise<T>,
): Promise<T> {
  await sweepScratch(parent, prefix)
  const dir = await makeScratch(parent, prefix)
  try {
    return await work(dir)
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => {})
  }
}

/** Whether the export that made a scratch folder may still be running. */
function mayBeRunning(host: string, pid: number, modifiedMs: number, now: number): boolean {
  if (host !== hostTag()) return now - modifiedMs < OTHER_HOST_AGE_MS
  if (modifiedMs < bootedAt() - BOOT_SLACK_MS) return false
  return pid === process.pid || alive(pid)
}

/**
 * Removes the scratch folders in `parent` (made by makeScratch with `prefix`) whose export is no longer running;
 * returns how many. Never throws: a folder that cannot be read or removed is left for the next sweep.
 */
export async function sweepScratch(parent: string, prefix: string, now = Date.now()): Promise<number> {
  const pattern = nameOf(prefix)
  const names = await readdir(parent).catch(() => [] as string[])
  let removed = 0
  for (const name of names) {
    const match = pattern.exec(name)
    if (!match) continue
    const folder = join(parent, name)
    try {
      const info = await lstat(folder)
      // Only a folder (never a link to one) is taken for an export's; a live process's own folder is kept.
      if (!info.isDirectory() || mayBeRunning(match[1], Number(match[2]), info.mtimeMs, now)) continue
      await rm(folder, { recursive: true, force: true })
      removed++
    } catch {
      // Gone already, or not Glossa's to remove: left as it is.
    }
  }
  return removed
}
