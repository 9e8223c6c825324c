// Bench (Node): the figures index built from every annotations file (no saved index, or one that fails its MAC)
// in the process holding the archive against in a job process (figures/build-job.ts), on the Figures view's
// cached archives (bench/figures-pages.ts makes them): the holding process's CPU time and wall time to a complete
// index, and the job's own CPU and peak RSS, both ways in the same run. Nothing is saved (no key).
// Build: `npx vite build --config bench/vite.bench.config.ts --outDir bench/results/dist-export`, then
// `node bench/results/dist-export/figures-build.js [--sizes 10000,100000] [--runs 1]`. Never in tests or CI.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { Archive } from '../src/main/archive/archive'
import { FigureIndex } from '../src/main/figures/figure-index'
import { nodeProcess } from '../src/main/jobs/job-process'
import { distFile } from './child'
import { resultsDir } from './sizes'
import { log, load, runMain } from './script'
import { peakRss } from './stats'

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '10000,100000' }, runs: { type: 'string', default: '1' } },
})

async function main(): Promise<void> {
  const rows: unknown[] = []
  for (const size of values.sizes.split(',')) {
    const archive = await Archive.open(join(resultsDir, 'figures', `figures-${size}`))
    const scratch = await mkdtemp(join(tmpdir(), 'glossa-figures-bench-'))
    try {
      for (let run = 0; run < Number(values.runs); run++) {
        for (const where of ['here', 'job'] as const) {
          const loadBefore = load()
          const cpu = process.cpuUsage()
          const t = performance.now()
          const index = FigureIndex.open(archive, {
            // A file that is not there: built from the annotations files, never saved (no key).
            file: join(scratch, `${where}-${run}.json`),
            keyFile: undefined,
            ...(where === 'job' ? { builder: () => nodeProcess(distFile('export-worker')) } : {}),
          })
          await index.ready
          const used = process.cpuUsage(cpu)
          const row = {
            figures: size,
            where,
            held: index.all().length,
            wallS: +((performance.now() - t) / 1000).toFixed(1),
            holderCpuS: +((used.user + used.system) / 1e6).toFixed(2),
            jobCpuS: index.built ? +(index.built.cpuMs / 1000).toFixed(1) : null,
            jobPeakRssMB: index.built ? Math.round(index.built.peakRssMB) : null,
            holderPeakRssMB: Math.round(peakRss() / 2 ** 20),
            load: `${loadBefore} → ${load()}`,
          }
          rows.push(row)
          log(JSON.stringify(row))
        }
      }
    } finally {
      await rm(scratch, { recursive: true, force: true })
    }
  }
  console.log(JSON.stringify(rows))
}

runMain(main)
