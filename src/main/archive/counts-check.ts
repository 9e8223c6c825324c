// Main process: the open mark's side of opening an archive (open-mark.ts). Leaves the mark, flushed, for this
// process's run; when the last writer's mark was left by a power cut, every article's counts are read again in
// the background (heal-counts.ts recountAll) while the app is usable, and what chooses articles by the counts
// (the export, the figures list) waits for `checked()`. Once the recount is on disk the mark no longer asks for
// one, so a kill during it leaves it to the next open.
import { recountAll } from './heal-counts'
import type { RecountTarget } from './heal-counts'
import { untilGo } from '../test-gate'
import { OPEN_MARK_FILE, leftByPowerCut, readOpenMark, removeMarkAtExit, writeOpenMark } from './open-mark'

export type CountsCheckTarget = RecountTarget & {
  /** Resolves when every write started so far is on disk. */
  flush(): Promise<void>
  /** Whether no save is under way (the mark is removed at exit only then). */
  idle(): boolean
}

export class CountsCheck {
  /** Nothing to check: another live process holds the archive, and its mark is left to it. */
  static none(): CountsCheck {
    return new CountsCheck()
  }

  /**
   * Reads the mark left, writes this process's, and starts the recount a power cut calls for. A test holds the
   * recount after its first article with GLOSSA_TEST_RECOUNT_GATE=<folder> (test-gate.ts), to see it under way.
   */
  static async start(
    target: CountsCheckTarget,
    gate: string | undefined = process.env.GLOSSA_TEST_RECOUNT_GATE,
  ): Promise<CountsCheck> {
    const check = new CountsCheck()
    const recount = leftByPowerCut(await readOpenMark(target.dir))
    try {
      await writeOpenMark(target.dir, recount)
      check.marked = true
      // Not while a recount is owed: the mark says so to the next open.
      removeMarkAtExit(target.dir, () => target.idle() && !check.owed)
    } catch (err) {
      target.noteProblem({
        message: `${OPEN_MARK_FILE} could not be written (${(err as Error).message}): after a power cut, the annotation counts the export chooses articles by may be left behind. Remove whatever stands in its place.`,
      })
    }
    if (recount) check.recount(gate ? heldAfterFirst(target, gate) : target, target)
    return check
  }

  private marked = false

  /**
   * Whether this process's mark is on disk (written and flushed at open, before any save): a power cut from now on
   * is told at the next open, which counts every article again. Catalog writes of counts alone may then leave
   * their folder's flush owed (Archive.changeAnnotations); the mark is removed at exit only after it is made.
   */
  recountsAfterPowerCut(): boolean {
    return this.marked
  }

  private trusted: Promise<void> = Promise.resolve()
  private progress: { done: number; of: number } | null = null
  private owed = false

  private recount(source: RecountTarget, target: CountsCheckTarget): void {
    this.owed = true
    this.progress = { done: 0, of: 0 }
    this.trusted = recountAll(source, (done, of) => (this.progress = { done, of }))
      .then(
        async () => {
          await target.flush()
          // Done: a kill from here on is told by saves-in-flight again.
          await writeOpenMark(target.dir, false).then(
            () => (this.owed = false),
            () => {},
          )
        },
        (err: unknown) => {
          target.noteProblem({
            message: `The annotation counts could not be checked after a power cut: ${String(err)}`,
          })
        },
      )
      // Under way until what waits for checked() goes on: the app says the export waits as long as it does.
      .finally(() => (this.progress = null))
  }

  /** Resolves once the counts can be trusted (at once, or when the recount is done). */
  checked(): Promise<void> {
    return this.trusted
  }

  /** The recount under way (articles done of all), or null. */
  recounting(): { done: number; of: number } | null {
    return this.progress && { ...this.progress }
  }
}

/** The recount's view of `target` whose reads after the first wait for the gate's `go` (test-gate.ts). */
function heldAfterFirst(target: RecountTarget, gate: string): RecountTarget {
  let reads = 0
  return {
    dir: target.dir,
    catalog: target.catalog,
    healCounts: (id, list) => target.healCounts(id, list),
    noteProblem: (problem) => target.noteProblem(problem),
    savesOf: (id) => target.savesOf(id),
    readAnnotations: async (id) => {
      if (reads++ > 0) await untilGo(gate)
      return target.readAnnotations(id)
    },
  }
}
