// Bench (Node): a first build of the search index of a cached bench archive, as the builder process runs it
// (buildIndexFile into a scratch folder, signed with a scratch key), in this process: its CPU (process.cpuUsage),
// wall time, peak RSS, and the segments it leaves. Run from two trees (this one and an older one) one after
// the other to compare, e.g. the build before and after segments of an eighth of the archive merged at the end.
//
//   npx jiti bench/search-first-build.ts [--archive bench/results/archives/full-seed1/archive]
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { Archive } from '../src/main/archive/archive'
import { buildIndexFile } from '../src/main/search/build'

const { values } = parseArgs({
  options: { archive: { type: 'string', default: 'bench/results/archives/full-seed1/archive' } },
})

async function main(): Promise<void> {
  const archive = await Archive.open(resolve(values.archive!))
  const metas = archive.list()
  const scratch = await mkdtemp(join(tmpdir(), 'glossa-first-build-'))
  try {
    const keyFile = join(scratch, 'trust.key')
    await writeFile(keyFile, randomBytes(32))
    const load = [loadavg()[0]]
    const cpu = process.cpuUsage()
    const started = performance.now()
    const report = await buildIndexFile({ dir: archive.dir, file: join(scratch, 'index'), metas, keyFile })
    const used = process.cpuUsage(cpu)
    load.push(loadavg()[0])
    const manifest = JSON.parse(await readFile(join(scratch, 'index', 'manifest.json'), 'utf8'))
    console.log(
      JSON.stringify({
        articles: metas.length,
        load,
        cpuS: +((used.user + used.system) / 1e6).toFixed(2),
        wallS: +((performance.now() - started) / 1000).toFixed(2),
        peakRssMB: Math.round(report.peakRssMB),
        segments: manifest.segments.map((s: { docs: number }) => s.docs),
        problems: report.problems.length,
      }),
    )
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

await main()
