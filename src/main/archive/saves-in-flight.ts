// Main process: which articles' catalog counts may be behind their annotations file. A save writes the annotations
// file, then the catalog entry whose counts (annotations, figures, tags) the export and the figures index choose
// articles by; a kill between the two left the counts stale, and heal-counts.ts found only counts left at 0. So
// each save first appends its article's id to `saves-in-flight` (one id a line), and the file is removed once no
// save is under way and every catalog entry they changed is written (an idle archive has none, and a refused call
// leaves no file behind). At open, the ids found there are re-counted.
//
// Cost: the append is one synchronous write (a kill cannot lose what write() handed the kernel); the file is
// created at the first save of a burst and removed at its end, so no file descriptor is held between saves:
// about 15 µs of CPU a save (bench/in-flight-saves.ts). A power cut is another matter: the append is not fsynced
// on its own, so it may be lost while the annotations file survives; open-mark.ts tells a power cut at the next
// open, and then every article is counted again (counts-check.ts). Bulk mode (Archive.bulk, the bench's archives only) ends a save's mark when its catalog entry is in
// memory, not on disk.
import { closeSync, constants, openSync, unlinkSync, writeSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { isPlainId } from './ids'
import { readRegular } from './regular-file'
import { heldByAnother } from './stray-temps'

export const IN_FLIGHT_FILE = 'saves-in-flight'

/** 16,000 ids: far more saves than ever run at once; a larger file is not read (a hostile archive). */
const MAX_BYTES = 1024 * 1024

/** Appends only, never follows a link, never waits on a pipe; created when missing. */
const APPEND_FLAGS =
  constants.O_WRONLY |
  constants.O_APPEND |
  constants.O_CREAT |
  (constants.O_NOFOLLOW ?? 0) |
  (constants.O_NONBLOCK ?? 0)

/**
 * The ids a kill left in `dir`'s file (saves whose catalog entry may not be written): each a plain id, each once.
 * Anything that is not a regular file, or larger than saves leave, or unreadable, gives none: it is removed at
 * `start`, and the counts left at 0 are still found by heal-counts.ts's listing.
 */
export async function readInFlight(dir: string): Promise<string[]> {
  const text = await readRegular(join(dir, IN_FLIGHT_FILE), MAX_BYTES).catch(() => '')
  return [...new Set(text.split('\n').filter(isPlainId))]
}

/**
 * The ids a kill left in `dir`'s marker (to re-count), and this process's marker once they are — unless another
 * live process holds the archive: its saves are under way, not cut short, and its marker is left to it.
 */
export async function savesLeft(dir: string): Promise<{
  ids: string[]
  marker: (onProblem: (message: string) => void) => Promise<SavesInFlight>
  /** Whether another live process holds the archive (its writer: open-mark.ts is left to it too). */
  held: boolean
}> {
  if (await heldByAnother(dir)) return { ids: [], marker: async () => SavesInFlight.off(), held: true }
  return {
    ids: await readInFlight(dir),
    marker: (onProblem) => SavesInFlight.start(dir, onProblem),
    held: false,
  }
}

export class SavesInFlight {
  /** No marker: the archive is held by another live process (whose marker it is), so this one leaves it alone. */
  static off(): SavesInFlight {
    const off = new SavesInFlight('', undefined)
    off.disabled = true
    return off
  }

  private fd: number | null = null
  /** Saves under way, per article. */
  private readonly open = new Map<string, number>()

  /**
   * `dir`'s marker, removed (what a kill left there is re-counted before this). `onProblem` hears, once, that it
   * cannot be written (a folder in its place): saves then go on without it, as before the marker.
   */
  static async start(dir: string, onProblem: (message: string) => void): Promise<SavesInFlight> {
    const file = join(dir, IN_FLIGHT_FILE)
    // Whatever is there (a link is removed, not followed; a pipe is never opened); a folder stays and is reported.
    const removed = await rm(file, { force: true }).then(
      () => true,
      () => false,
    )
    return new SavesInFlight(file, removed ? onProblem : undefined, removed ? undefined : onProblem)
  }

  private constructor(
    private readonly file: string,
    private onProblem: ((message: string) => void) | undefined,
    brokenNow?: (message: string) => void,
  ) {
    if (brokenNow) this.disable(brokenNow, `${file} is not a file Glossa can write`)
  }

  private disabled = false

  private disable(tell: (message: string) => void, why: string): void {
    this.disabled = true
    this.onProblem = undefined
    tell(
      `${why}: after a crash, the annotation counts of articles saved at that moment are put right only when each is opened. Remove it to restore the safeguard.`,
    )
  }

  /** Before the annotations file of `id` is written: the id is in the file (in the kernel) when this returns. */
  begin(id: string): void {
    if (this.disabled) return
    try {
      this.fd ??= openSync(this.file, APPEND_FLAGS, 0o644)
      writeSync(this.fd, `${id}\n`)
      this.open.set(id, (this.open.get(id) ?? 0) + 1)
    } catch (err) {
      this.closeQuietly()
      if (this.onProblem)
        this.disable(this.onProblem, `${this.file} could not be written (${(err as Error).message})`)
    }
  }

  /** After the catalog entry `begin` announced is written; the last save of a burst removes the file. */
  end(id: string): void {
    const left = (this.open.get(id) ?? 0) - 1
    if (left > 0) this.open.set(id, left)
    else this.open.delete(id)
    if (this.open.size || this.fd === null) return
    try {
      unlinkSync(this.file)
    } catch {
      // Left as it is: the next open re-counts those articles once more, which changes nothing.
    }
    this.closeQuietly()
  }

  private closeQuietly(): void {
    if (this.fd === null) return
    try {
      closeSync(this.fd)
    } catch {
      // Nothing to do: the descriptor is gone either way.
    }
    this.fd = null
  }
}
