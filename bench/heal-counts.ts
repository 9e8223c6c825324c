// Bench (Node): what mending the counts at open (src/main/archive/heal-counts.ts) adds to every open of an archive
// where nothing needs mending: one listing of the annotations folder, each name looked up in the catalog (CPU
// time, repeated). Then, on the same archive, the open of an archive where `--stale` articles' counts a kill left
// at 0: those files read and their counts written. `--root` is an archive folder this bench may write (a copy:
// the stale case writes its catalog). `npx jiti bench/heal-counts.ts --root DIR [--reps 9] [--stale 100]`.
import { parseArgs } from 'node:util'
import { Archive } from '../src/main/archive/archive'
import { healUncounted, uncountedIds } from '../src/main/archive/heal-counts'
import { load, log, runMain } from './script'

const { values } = parseArgs({
  options: {
    root: { type: 'string' },
    reps: { type: 'string', default: '9' },
    stale: { type: 'string', default: '100' },
  },
})

const cpuMsOf = (used: NodeJS.CpuUsage) => (used.user + used.system) / 1000
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function main(): Promise<void> {
  const archive = await Archive.open(values.root!)
  log(`${archive.catalog.size()} articles, load ${load()}`)
  const listings: number[] = []
  const lists: number[] = []
  let empty = 0
  for (let i = 0; i < Number(values.reps); i++) {
    const alone = process.cpuUsage()
    await uncountedIds(archive)
    lists.push(cpuMsOf(process.cpuUsage(alone)))
    const cpu = process.cpuUsage()
    // An annotations file whose annotations were all deleted stays, empty: listed and read again at each open.
    empty = (await uncountedIds(archive)).length
    const mended = await healUncounted(archive)
    listings.push(cpuMsOf(process.cpuUsage(cpu)))
    if (mended) throw new Error(`${mended} articles mended in an archive that should need none`)
  }
  const each = listings.map((x) => x.toFixed(1)).join(', ')
  log(`nothing to mend (${empty} empty files read): median ${median(listings).toFixed(1)} ms CPU (${each})`)
  log(`of which the listing alone: median ${median(lists).toFixed(1)} ms CPU`)

  // A kill leaves at most the articles being saved at that moment: set `--stale` of them to 0 in memory.
  const annotated = archive.list().filter((m) => m.counts.highlights + m.counts.figures > 0)
  const stale = annotated.slice(0, Number(values.stale))
  for (const m of stale) await archive.catalog.put({ ...m, counts: { highlights: 0, figures: 0, notes: 0 } })
  const cpu = process.cpuUsage()
  const mended = await healUncounted(archive)
  await archive.flush()
  log(
    `${mended} of ${stale.length} mended: ${cpuMsOf(process.cpuUsage(cpu)).toFixed(1)} ms CPU, load ${load()}`,
  )
}

runMain(main)
