// Bench child (Node): the same saves against the one-file lowdb baseline, in a process of its own so its
// heap (the whole archive as one object) does not slow the sharded measurements down.
import { stat } from 'node:fs/promises'
import { baselineHandlers, buildBaseline, openBaseline } from './baseline'
import { childMain, progress } from './child'
import { runSaves } from './saves'
import type { SaveSamples } from './saves'
import { peakRss } from './stats'

export type BaselineInput = { archive: string; file: string; seed: number; saves: number }
export type BaselineResult = { openMs: number; fileBytes: number; saves: SaveSamples; peakRss: number }

childMain<BaselineInput, BaselineResult>(async (input) => {
  if (!(await stat(input.file).catch(() => null))) {
    progress('  building the one-file baseline from the archive (setup, not timed)')
    await buildBaseline(input.archive, input.file)
  }
  const fileBytes = (await stat(input.file)).size
  const t = performance.now()
  const db = await openBaseline(input.file)
  const openMs = performance.now() - t
  const articleIds = db.data.articles.map((a) => a.id)
  progress(
    `  baseline saves: ${input.saves} × create/update/delete, each rewriting ${Math.round(fileBytes / 1e6)} MB`,
  )
  const saves = await runSaves({
    handlers: baselineHandlers(db),
    articleIds,
    reps: input.saves,
    warmup: 2,
    seed: input.seed,
  })
  return { openMs, fileBytes, saves, peakRss: peakRss() }
})
