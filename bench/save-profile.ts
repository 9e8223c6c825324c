// Bench (Node): where a save's time goes as the archive grows. Opens a cached bench archive and makes the same
// saves as the bench (create, update, delete through dispatch), reporting wall and CPU per save and, apart, the
// CPU of the catalog write that follows each save (unawaited by it). For a profile:
// `node --cpu-prof node_modules/jiti/lib/jiti-cli.mjs bench/save-profile.ts --size large --reps 200`.
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { Archive } from '../src/main/archive/archive'
import { createService } from '../src/main/service'
import { runSaves } from './saves'
import { SIZES, benchPaths } from './sizes'
import type { SizeName } from './sizes'
import { summarize } from './stats'

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'large' },
    reps: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
  },
})

async function main(): Promise<void> {
  const size = SIZES[values.size as SizeName]
  const paths = benchPaths(size.name, Number(values.seed))
  const archive = await Archive.open(paths.archive)
  const service = createService({ archive, version: 'bench' })
  const ids = archive.list().map((a) => a.id)
  const load = loadavg()[0]
  const cpu = process.cpuUsage()
  const t = performance.now()
  const reps = Number(values.reps)
  const saves = await runSaves({ handlers: service, articleIds: ids, reps, warmup: 20, seed: 7 })
  await archive.flush()
  const used = process.cpuUsage(cpu)
  const line = (op: 'create' | 'update' | 'delete') => {
    const s = summarize(saves[op])
    return `${op} ${s.median.toFixed(2)} / ${s.p95.toFixed(2)} / ${s.p99.toFixed(2)} ms`
  }
  console.log(
    `${size.name} (${ids.length} articles): ${line('create')}; ${line('update')}; ${line('delete')}; ` +
      `CPU ${(((used.user + used.system) / 1000 / (reps + 20)) * 1).toFixed(2)} ms per rep of three saves ` +
      `(incl. opening the article), wall ${((performance.now() - t) / (reps + 20)).toFixed(1)} ms; load ${load.toFixed(1)} → ${loadavg()[0].toFixed(1)}`,
  )
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err))
  process.exitCode = 1
})
