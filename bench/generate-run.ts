// Bench (Node): generates one synthetic archive alone, as `npm run bench` would, and reports how long it took,
// its CPU time and the process's peak RSS, with the rate as it goes (a rate that falls as the archive grows is
// work that grows faster than linearly). `npx jiti bench/generate-run.ts --size large [--dir D] [--articles N]`
// (`--articles` cuts the size down, keeping ten annotations an article; `--dir` writes elsewhere than the
// cache under bench/results/archives/). Run it under `nice`: the machine is shared.
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { generateArchive } from './generate'
import { SIZES, benchPaths } from './sizes'
import type { Size, SizeName } from './sizes'

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'large' },
    seed: { type: 'string', default: '1' },
    dir: { type: 'string' },
    articles: { type: 'string' },
  },
})

async function main(): Promise<void> {
  if (!(values.size in SIZES)) throw new Error(`--size is one of ${Object.keys(SIZES).join(', ')}.`)
  const base = SIZES[values.size as SizeName]
  const articles = values.articles ? Number(values.articles) : base.articles
  const size: Size = values.articles
    ? { ...base, articles, annotations: Math.max(base.longReadHighlights, articles * 10) }
    : base
  const seed = Number(values.seed)
  // Under jiti, sizes.ts finds the project root from the built bundle's place, not this file's (it resolved to
  // /, so the archive went to /bench/results): the cache is found from the project root, as job-bench.ts does.
  const paths = benchPaths(
    size.name,
    seed,
    values.dir ?? join(process.cwd(), 'bench', 'results', 'archives', `${size.name}-seed${seed}`),
  )
  const load = loadavg()[0]
  const started = performance.now()
  const cpu = process.cpuUsage()
  let last = { at: started, cpu: 0 }
  const cpuMs = () => {
    const used = process.cpuUsage(cpu)
    return (used.user + used.system) / 1000
  }
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20)
  console.error(
    `Generating ${size.articles} articles, ${size.annotations} annotations in ${paths.root} (load ${load.toFixed(1)})`,
  )
  const manifest = await generateArchive(paths, size, seed, (line) => {
    const now = performance.now()
    const c = cpuMs()
    // The rate over the last step, wall and CPU: flat as the archive grows when nothing grows faster than it.
    const step = line.match(/generated (\d+)/)
    console.error(
      `${((now - started) / 1000).toFixed(0).padStart(5)} s  ${line.trim()}  ` +
        (step
          ? `step ${((now - last.at) / 1000).toFixed(1)} s wall, ${((c - last.cpu) / 1000).toFixed(1)} s CPU; `
          : '') +
        `rss ${mb(process.memoryUsage().rss)} MB, heap ${mb(process.memoryUsage().heapUsed)} MB, load ${loadavg()[0].toFixed(1)}`,
    )
    last = { at: now, cpu: c }
  })
  const result = {
    size: size.name,
    articles: manifest.articles,
    annotations: manifest.annotations,
    wallS: +((performance.now() - started) / 1000).toFixed(1),
    cpuS: +(cpuMs() / 1000).toFixed(1),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    loadBefore: +load.toFixed(1),
    loadAfter: +loadavg()[0].toFixed(1),
  }
  console.log(JSON.stringify(result))
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err))
  process.exitCode = 1
})
