// Bench (Node): what the catalog folder's flush costs a save, old and new way in one process (#19). Opens an
// archive (a copy of a bench archive: the saves leave it as it was, but its catalog is rewritten) as the bench's
// holding process does, then runs the bench's saves (bench/saves.ts: create, update, delete through dispatch) in
// short blocks, alternating: `flushed`, each save's catalog counts written with their folder flushed (as before
// session 12), and `owed`, with the flush owed (Archive.changeAnnotations now). Blocks alternate so both ways
// meet the same minutes of a shared machine. Reported: p50 / p99 per kind and way, pooled, and CPU per rep.
// `npx jiti bench/save-flush-pairs.ts --dir A [--blocks 20] [--reps 25] [--busy]`
import { spawn } from 'node:child_process'
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { Archive } from '../src/main/archive/archive'
import { createService } from '../src/main/service'
import { runSaves } from './saves'
import type { SaveSamples } from './saves'
import { percentile } from './stats'

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    blocks: { type: 'string', default: '20' },
    reps: { type: 'string', default: '25' },
    busy: { type: 'boolean', default: false },
    /** One way only (to trace its system calls: strace -f -T -y). */
    only: { type: 'string' },
  },
})
if (!values.dir) throw new Error('--dir is required (a copy of a bench archive)')

type Way = 'flushed' | 'owed'

async function main(): Promise<void> {
  const busy = values.busy ? spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }) : null
  try {
    const archive = await Archive.open(values.dir!)
    await archive.flush()
    const handlers = createService({ archive, version: 'bench' })
    const ids = archive.list().map((a) => a.id)
    // The archive's open mark decides whether counts may leave their folder's flush owed (counts-check.ts).
    const counts = Reflect.get(archive, 'counts') as { recountsAfterPowerCut(): boolean }
    const marked = counts.recountsAfterPowerCut.bind(counts)
    if (!marked()) throw new Error('the open mark was not written: counts would be flushed both ways')
    const samples: Record<Way, SaveSamples> = {
      flushed: { create: [], update: [], delete: [] },
      owed: { create: [], update: [], delete: [] },
    }
    const cpu: Record<Way, number> = { flushed: 0, owed: 0 }
    await runSaves({ handlers, articleIds: ids, reps: 0, warmup: 30, seed: 1 })
    await archive.flush()
    const load = loadavg()[0]
    for (let block = 0; block < Number(values.blocks); block++) {
      const order: Way[] = values.only
        ? [values.only as Way]
        : block % 2
          ? ['owed', 'flushed']
          : ['flushed', 'owed']
      for (const way of order) {
        counts.recountsAfterPowerCut = way === 'owed' ? marked : () => false
        const since = process.cpuUsage()
        const got = await runSaves({
          handlers,
          articleIds: ids,
          reps: Number(values.reps),
          warmup: 0,
          seed: 100 + block,
        })
        await archive.flush()
        const used = process.cpuUsage(since)
        cpu[way] += (used.user + used.system) / 1000
        for (const kind of ['create', 'update', 'delete'] as const) samples[way][kind].push(...got[kind])
      }
    }
    const reps = Number(values.blocks) * Number(values.reps)
    const line = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b)
      return `${percentile(s, 50).toFixed(2)} / ${percentile(s, 99).toFixed(2)}`
    }
    console.log(
      `${ids.length} articles${values.busy ? ', --busy' : ''}, ${values.blocks} blocks of ${values.reps} reps a way, ` +
        `load ${load.toFixed(1)} → ${loadavg()[0].toFixed(1)}; p50 / p99 ms`,
    )
    for (const way of ['flushed', 'owed'] as const) {
      const s = samples[way]
      console.log(
        `  ${way.padEnd(8)} create ${line(s.create)}; update ${line(s.update)}; delete ${line(s.delete)}; ` +
          `all ${line([...s.create, ...s.update, ...s.delete])}; CPU ${(cpu[way] / reps).toFixed(2)} ms a rep`,
      )
    }
  } finally {
    busy?.kill()
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
