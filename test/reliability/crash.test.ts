// Tests (Node): SIGKILL a process that is writing annotations through the real service, again and again on
// the same archive, and check after every kill that each acknowledged write survived and nothing else
// appeared. Short form (8 kills) runs with the unit tests; GLOSSA_CRASH_RUNS=200 is the long form.
// GLOSSA_CRASH_SEED replays a failing schedule.
//
// A kill costs a child's start (loading the whole service: 2.5 s of wall time at load 14, more at 22), so the short
// form makes few, each chosen to count: the kill window is cut into one stretch per run and each run's kill lands
// in its own stretch (jittered within it), so early kills (first files, small lists) and late ones (larger files,
// updates and deletions) are both met, never bunched by chance; and every kill must cut operations off mid-way
// (sent, not acknowledged), so none is spent on an idle child. A save that acknowledges before its file is in
// place fails on the first kill (checked by acknowledging each atomic write before it starts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../temp-archive'
import { bundleChild } from './bundle-child'
import type { BundledChild } from './bundle-child'
import { checkRun } from './crash-check'
import type { Notes } from './crash-check'
import { observe, runUntilKilled } from './crash-run'
import { createRng, intFromEnv } from '../prng'

const RUNS = intFromEnv('GLOSSA_CRASH_RUNS', 8)
const SEED = intFromEnv('GLOSSA_CRASH_SEED', 20_240_110)
/** The kill lands this long after the child's first acknowledgement. */
const KILL_WINDOW_MS = [5, 120] as const
/** A child's start, its writes until the kill and the check after it, at load 22 with room to spare. */
const PER_KILL_MS = 8_000

/** Run `run`'s kill delay: in its own stretch of the window, jittered within it. */
function killDelay(run: number, jitter: number): number {
  const [from, to] = KILL_WINDOW_MS
  const width = (to - from) / RUNS
  return Math.round(from + width * (run + jitter))
}

let child: BundledChild
beforeAll(async () => {
  child = await bundleChild('test/reliability/crash-child.ts')
}, 60_000)
afterAll(() => child?.dispose())

describe('archive under SIGKILL', () => {
  it(
    `keeps every acknowledged annotation write through ${RUNS} kills`,
    async () => {
      const rng = createRng(SEED)
      const dir = await tempDir('glossa-crash-')
      let before: Notes = new Map()
      let acks = 0
      let cutOff = 0
      let stale = 0
      let midWrite = 0
      let files = 0
      for (let run = 0; run < RUNS; run++) {
        const delay = killDelay(run, rng.next())
        const childSeed = rng.int(0, 2 ** 31)
        const { lines, articleId } = await runUntilKilled(
          child.file,
          [dir, String(childSeed), String(run)],
          delay,
        )
        const observed = await observe(dir, articleId)
        const verdict = checkRun(before, lines, observed.notes)
        expect(verdict.problems, `run ${run} (seed ${SEED}, kill after ${delay} ms)`).toEqual([])
        // The kill landed while writes were under way: it tested something.
        expect(verdict.inFlight, `run ${run}: operations cut off by the kill`).toBeGreaterThan(0)
        acks += verdict.acks
        cutOff += verdict.inFlight
        stale += observed.staleCounts ? 1 : 0
        // The open re-counts the articles whose saves the kill cut short (saves-in-flight.ts): 2 of 8 kills
        // left counts stale before it.
        expect(observed.staleCounts, `run ${run}: catalog counts stale after the open`).toBe(false)
        midWrite += observed.tempFiles ? 1 : 0
        files = observed.files
        before = observed.notes
      }
      console.log(
        `crash: ${RUNS} kills, ${acks} acknowledged operations checked, ${cutOff} cut off by the kills, ` +
          `${before.size} annotations and ` +
          `${files} files at the end; ${midWrite} kills left a temp file, ${stale} left catalog counts stale after the open ` +
          `(seed ${SEED})`,
      )
    },
    30_000 + RUNS * PER_KILL_MS,
  )
})
