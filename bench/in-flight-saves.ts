// Bench (Node): what the `saves-in-flight` marker (src/main/archive/saves-in-flight.ts) costs a save, in same-run
// pairs. `npx jiti bench/in-flight-saves.ts --dir A [--pairs 6] [--reps 100]`: opens archive A (a copy: the saves
// leave it as it was, but its catalog is rewritten) as the app does, then runs `pairs` pairs of the save loop
// (bench/saves.ts: create, update, delete through dispatch), each pair once with the marker and once without,
// the order alternating. Reported: the holding process's CPU per rep of three saves and save p50 / p99 (wall),
// with and without, pooled over the pairs, and each pair's CPU difference; the load before and after.
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { Archive } from '../src/main/archive/archive'
import { SavesInFlight } from '../src/main/archive/saves-in-flight'
import { createService } from '../src/main/service'
import { runSaves } from './saves'
import type { SaveSamples } from './saves'
import { summarize } from './stats'

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    pairs: { type: 'string', default: '6' },
    reps: { type: 'string', default: '100' },
    key: { type: 'string' },
  },
})
if (!values.dir) throw new Error('--dir is required (a copy of a bench archive)')

const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since)
  return (u.user + u.system) / 1000
}
const round = (x: number) => Math.round(x * 1000) / 1000

async function main(): Promise<void> {
  const loadBefore = loadavg()[0]
  const archive = await Archive.open(values.dir!, values.key ? { trustKeyFile: values.key } : {})
  await archive.flush()
  const handlers = createService({ archive, version: 'bench' })
  const ids = archive.list().map((a) => a.id)
  // The marker is private to the archive: the bench swaps it for the one that writes nothing, and back.
  const marker = Reflect.get(archive, 'inFlight') as SavesInFlight
  const reps = Number(values.reps)
  const runs = { on: [] as SaveSamples[], off: [] as SaveSamples[] }
  const cpu = { on: [] as number[], off: [] as number[] }
  await runSaves({ handlers, articleIds: ids, reps: 0, warmup: 30, seed: 1 })
  for (let pair = 0; pair < Number(values.pairs); pair++) {
    const order = pair % 2 ? (['off', 'on'] as const) : (['on', 'off'] as const)
    for (const mode of order) {
      Reflect.set(archive, 'inFlight', mode === 'on' ? marker : SavesInFlight.off())
      const since = process.cpuUsage()
      runs[mode].push(await runSaves({ handlers, articleIds: ids, reps, warmup: 0, seed: 100 + pair }))
      await archive.flush()
      cpu[mode].push(cpuMs(since) / reps)
    }
  }
  const pooled = (mode: 'on' | 'off') => {
    const all = runs[mode].flatMap((s) => [...s.create, ...s.update, ...s.delete])
    const x = summarize(all)
    return {
      saves: x.n,
      p50: round(x.median),
      p99: round(x.p99),
      cpuMsPerRep: round(cpu[mode].reduce((a, b) => a + b, 0) / cpu[mode].length),
    }
  }
  console.log(
    JSON.stringify({
      articles: ids.length,
      loadBefore,
      loadAfter: loadavg()[0],
      on: pooled('on'),
      off: pooled('off'),
      cpuDiffPerPair: cpu.on.map((c, i) => round(c - cpu.off[i])),
    }),
  )
}

void main()
