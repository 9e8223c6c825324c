// Tests (Node): SIGKILL a process that is writing annotations through the real service, again and again on
// the same archive, and check after every kill that each acknowledged write survived and nothing else
// appeared. Short form (20 kills) runs with the unit tests; GLOSSA_CRASH_RUNS=200 is the long form.
// GLOSSA_CRASH_SEED replays a failing schedule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../temp-archive'
import { bundleChild } from './bundle-child'
import type { BundledChild } from './bundle-child'
import { checkRun } from './crash-check'
import type { Notes } from './crash-check'
import { observe, runUntilKilled } from './crash-run'
import { createRng, intFromEnv } from '../prng'

const RUNS = intFromEnv('GLOSSA_CRASH_RUNS', 20)
const SEED = intFromEnv('GLOSSA_CRASH_SEED', 20_240_110)
/** The kill lands this long after the child's first acknowledgement. */
const KILL_WINDOW_MS = [5, 120] as const

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
      let stale = 0
      let midWrite = 0
      let files = 0
      for (let run = 0; run < RUNS; run++) {
        const delay = rng.int(...KILL_WINDOW_MS)
        const childSeed = rng.int(0, 2 ** 31)
        const { lines, articleId } = await runUntilKilled(
          child.file,
          [dir, String(childSeed), String(run)],
          delay,
        )
        const observed = await observe(dir, articleId)
        const verdict = checkRun(before, lines, observed.notes)
        expect(verdict.problems, `run ${run} (seed ${SEED}, kill after ${delay} ms)`).toEqual([])
        acks += verdict.acks
        stale += observed.staleCounts ? 1 : 0
        midWrite += observed.tempFiles ? 1 : 0
        files = observed.files
        before = observed.notes
      }
      console.log(
        `crash: ${RUNS} kills, ${acks} acknowledged operations checked, ${before.size} annotations and ` +
          `${files} files at the end; ${midWrite} kills left a temp file, ${stale} left catalog counts stale ` +
          `(seed ${SEED})`,
      )
    },
    30_000 + RUNS * 3_000,
  )
})
