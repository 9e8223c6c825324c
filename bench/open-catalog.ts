// Bench (Node): the CPU time of loading a catalog (CatalogStore.load) with a trust key, repeated, in one process
// (#19): what opening costs per bucket file. `--root` is an archive folder (only its catalog/ is read), `--key`
// the trust key (made and the buckets recorded as trusted by a first, unmeasured load), `--profile FILE` writes
// a CPU profile of the measured loads. `npx jiti bench/open-catalog.ts --root DIR --key FILE [--reps 5]`.
import { writeFile } from 'node:fs/promises'
import { Session } from 'node:inspector/promises'
import { parseArgs } from 'node:util'
import { CatalogStore } from '../src/main/archive/catalog-store'
import { CatalogTrust } from '../src/main/archive/catalog-trust'
import { load, log, runMain } from './script'

const { values } = parseArgs({
  options: {
    root: { type: 'string' },
    key: { type: 'string' },
    reps: { type: 'string', default: '5' },
    profile: { type: 'string' },
  },
})

async function loadOnce(
  root: string,
  key: string,
): Promise<{ cpuMs: number; ms: number; n: number; files: number }> {
  const cpu = process.cpuUsage()
  const t = performance.now()
  const trust = await CatalogTrust.open(root, key)
  const store = new CatalogStore(root, [])
  await store.load(trust)
  const used = process.cpuUsage(cpu)
  const ms = performance.now() - t
  await store.flush()
  const stats = store.trustStats()
  return {
    cpuMs: (used.user + used.system) / 1000,
    ms,
    n: store.size(),
    files: stats.trusted + stats.checked,
  }
}

async function main(): Promise<void> {
  const root = values.root!
  const key = values.key!
  const first = await loadOnce(root, key)
  log(
    `first load (records trust): ${first.n} articles, ${first.files} files, ${Math.round(first.cpuMs)} ms CPU`,
  )
  const session = values.profile ? new Session() : null
  if (session) {
    session.connect()
    await session.post('Profiler.enable')
    await session.post('Profiler.start')
  }
  const cpus: number[] = []
  for (let i = 0; i < Number(values.reps); i++) {
    global.gc?.()
    const r = await loadOnce(root, key)
    cpus.push(Math.round(r.cpuMs))
    log(`load ${i + 1}: ${Math.round(r.cpuMs)} ms CPU, ${Math.round(r.ms)} ms wall, load ${load()}`)
  }
  if (session) {
    const { profile } = await session.post('Profiler.stop')
    await writeFile(values.profile!, JSON.stringify(profile))
  }
  const sorted = [...cpus].sort((a, b) => a - b)
  console.log(JSON.stringify({ cpus, median: sorted[Math.floor(sorted.length / 2)], load: load() }))
}

runMain(main)
