// Main process and CLI: an archive that another live Glossa holds (the app, `glossa serve`, `glossa import`: its
// lock) while that process reads every article's annotation counts again after an unexpected shutdown
// (counts-check.ts). Until its recount is done the catalog on disk keeps the counts from before the shutdown, which
// may leave annotations out of what chooses articles by them (the export). A process that opens the archive beside
// the holder (`glossa export`) is not its writer: it neither recounts nor writes the counts, so it waits for the
// holder's recount — told by the holder's open mark, which says `recount` until the counts are on disk — before it
// reads the catalog.
import { leftByPowerCut, readOpenMark } from './open-mark'
import { heldByAnother } from './stray-temps'

/**
 * Whether another live process holds `dir` while the open mark calls for a recount: the holder is recounting
 * (its own mark says so until the counts are on disk), or is about to (the mark a power cut left is there until
 * the holder, still opening, writes its own). Once the holder is gone, whoever opens the archive next recounts.
 */
export async function recountElsewhere(dir: string): Promise<boolean> {
  return (await heldByAnother(dir)) && leftByPowerCut(await readOpenMark(dir))
}

/**
 * Resolves once no other live process holding `dir` is recounting it, looking every `pollMs`; `onWait` is called
 * once, when there is something to wait for.
 */
export async function untilRecountedElsewhere(dir: string, onWait: () => void, pollMs = 200): Promise<void> {
  for (let told = false; await recountElsewhere(dir); told = true) {
    if (!told) onWait()
    await new Promise((resolve) => setTimeout(resolve, pollMs))
  }
}

/**
 * Whether opening `dir` now falls to recount it (no live process holds it, and the mark a power cut left calls
 * for one): the opener is then the archive's writer for the recount, and takes its lock, so that the app or
 * `glossa serve` started meanwhile is refused rather than counting and writing the same catalog beside it.
 */
export async function recountFallsHere(dir: string): Promise<boolean> {
  return !(await heldByAnother(dir)) && leftByPowerCut(await readOpenMark(dir))
}
