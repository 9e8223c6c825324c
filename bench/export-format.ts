// Bench (Node): the export process's own work without its process — every annotations file of the cached archive
// read as the export process reads it (readAnnotationFileSync: the file, JSON.parse, the schema check), then the
// whole bundle formatted to figures.csv and to combined Markdown 500 articles at a time (the streams the export
// writes) — each `--reps` times, CPU per pass (median / p95). Run it in two checkouts one after the other to
// compare builds: `npx jiti bench/export-format.ts --size full --reps 5`.
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { Archive } from '../src/main/archive/archive'
import { readAnnotationFileSync } from '../src/main/archive/annotation-store'
import { combinedMarkdownStream, figuresCsvStream } from '../src/shared/export'
import type { StreamWriter } from '../src/shared/export'
import type { Annotation } from '../src/shared/types'
import { cachedArchive } from './job-bench'
import { summarize } from './stats'

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'full' },
    seed: { type: 'string', default: '1' },
    reps: { type: 'string', default: '5' },
  },
})

const GENERATED_AT = '2026-12-07T10:00:00.000Z'
const SLICE = 500

function cpuOf(work: () => number): { ms: number; out: number } {
  const cpu = process.cpuUsage()
  const out = work()
  const used = process.cpuUsage(cpu)
  return { ms: (used.user + used.system) / 1000, out }
}

async function main(): Promise<void> {
  const paths = await cachedArchive(values.size!, Number(values.seed))
  const archive = await Archive.open(paths.archive)
  await archive.flush()
  const articles = archive.list().filter((a) => a.counts.highlights + a.counts.figures > 0)
  const read = () => articles.map((a) => readAnnotationFileSync(archive.dir, a.id))
  const lists: Annotation[][] = read()
  const format = (stream: StreamWriter) => {
    let bytes = 0
    for (let at = 0; at < articles.length; at += SLICE) {
      const slice = articles.slice(at, at + SLICE)
      const annotations = lists.slice(at, at + SLICE).flat()
      bytes += stream.add({ generatedAt: GENERATED_AT, articles: slice, annotations }).length
    }
    const { head, tail } = stream.end()
    return bytes + head.length + tail.length
  }
  const measures = {
    'read annotations files': () => read().length,
    'format figures.csv': () => format(figuresCsvStream()),
    'format Markdown': () => format(combinedMarkdownStream(GENERATED_AT)),
  }
  const samples = Object.fromEntries(Object.keys(measures).map((k) => [k, [] as number[]]))
  const sizes: Record<string, number> = {}
  const load = loadavg()[0]
  for (let rep = 0; rep < Number(values.reps); rep++) {
    for (const [name, work] of Object.entries(measures)) {
      const { ms, out } = cpuOf(work)
      samples[name].push(ms)
      sizes[name] = out
    }
  }
  console.log(
    `${values.size}: ${articles.length} articles with annotations, ${lists.flat().length} annotations; load ` +
      `${load.toFixed(1)} → ${loadavg()[0].toFixed(1)}`,
  )
  for (const [name, list] of Object.entries(samples)) {
    const s = summarize(list)
    console.log(
      `  ${name}: CPU ${s.median.toFixed(0)} / ${s.p95.toFixed(0)} ms (median / p95), ${sizes[name]}`,
    )
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err))
  process.exitCode = 1
})
