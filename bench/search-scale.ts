// Bench (Node): the search index alone at 10,000 and 100,000 articles, without an archive on disk
// (bench/search-corpus.ts makes the articles from a seed). For one design and one size, in this process:
// the build (CPU and wall time), the memory the index holds (RSS and heap after a full GC, less what the corpus
// catalog holds before the build) and the 20 typical queries through the real query code (runQuery: ranking,
// filters, snippets), each timed by CPU and wall, one warm-up round then `--rounds`.
//
//   NODE_OPTIONS=--expose-gc npx jiti bench/search-scale.ts --articles 100000 --design minisearch
//   NODE_OPTIONS=--expose-gc npx jiti bench/search-scale.ts --articles 100000 --design segments --dir /tmp/x
//     (segments: first `--phase build` writes the segment files to --dir, as the index job would; then
//      `--phase query`, in a fresh process as the holding process would, opens them and runs the queries)
//
// Prints one JSON line. Run one design per process: a process's RSS does not go down after a build.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { compactIndex } from '../src/main/search/compact-postings'
import { INDEX_OPTIONS } from '../src/main/search/documents'
import type { SearchDoc } from '../src/main/search/documents'
import { MiniSearch } from '../src/main/search/minisearch-adapter'
import { runQuery } from '../src/main/search/query-run'
import { SegmentReader } from '../src/main/search/segment-file'
import { SegmentedIndex } from '../src/main/search/segmented-index'
import { parseSearchQuery } from '../src/shared/search-query'
import { corpusArticle, corpusDocs, corpusReader } from './search-corpus'
import { SEARCH_QUERIES } from './news-text'
import { mb, summarize } from './stats'

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    design: { type: 'string', default: 'minisearch' },
    rounds: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
    dir: { type: 'string', default: '/tmp/glossa-search-scale' },
    phase: { type: 'string', default: 'query' },
    'segment-articles': { type: 'string', default: '10000' },
  },
})
const count = Number(values.articles)
const seed = Number(values.seed)
const rounds = Number(values.rounds)

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc
  if (!collect) throw new Error('Run with NODE_OPTIONS=--expose-gc')
  collect()
  collect()
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since)
  return (d.user + d.system) / 1000
}

type Engine = Parameters<typeof runQuery>[0]

async function buildMiniSearch(): Promise<{ engine: Engine; docs: number }> {
  const ms = new MiniSearch<SearchDoc>(INDEX_OPTIONS)
  let docs = 0
  for (let i = 0; i < count; i++) {
    const list = corpusDocs(corpusArticle(seed, i))
    ms.addAll(list)
    docs += list.length
    if ((i + 1) % 512 === 0) compactIndex(ms)
  }
  compactIndex(ms, { fully: true })
  return { engine: ms, docs }
}

const KEY = Buffer.alloc(32, 1)

/** The index job's work: segments of `segment-articles` articles each, written as they fill. */
function buildSegments(): void {
  const dir = values.dir!
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const per = Number(values['segment-articles'])
  const c = process.cpuUsage()
  const t = performance.now()
  let index = new SegmentedIndex(INDEX_OPTIONS.fields)
  let docs = 0
  let n = 0
  for (let i = 0; i < count; i++) {
    const list = corpusDocs(corpusArticle(seed, i))
    index.add(list)
    docs += list.length
    if ((i + 1) % per === 0 || i === count - 1) {
      writeFileSync(join(dir, `${String(n++).padStart(4, '0')}.seg`), index.liveBytes(KEY))
      index = new SegmentedIndex(INDEX_OPTIONS.fields)
    }
  }
  console.log(
    JSON.stringify({
      design: 'segments',
      phase: 'build',
      articles: count,
      docs,
      segments: n,
      build: { cpuS: +(cpuMs(c) / 1000).toFixed(1), wallS: +((performance.now() - t) / 1000).toFixed(1) },
      peakRssMB: mb(process.resourceUsage().maxRSS * 1024),
    }),
  )
}

function openSegments(): { engine: Engine; docs: number } {
  const files = readdirSync(values.dir!)
    .filter((f) => f.endsWith('.seg'))
    .sort()
  const index = new SegmentedIndex(
    INDEX_OPTIONS.fields,
    files.map((f) => SegmentReader.open(join(values.dir!, f), KEY)),
  )
  return { engine: index, docs: index.documentCount }
}

async function main(): Promise<void> {
  if (values.design === 'segments' && values.phase === 'build') return buildSegments()
  const load = [loadavg()[0]]
  const reader = corpusReader(seed, count)
  gc()
  const before = process.memoryUsage()
  let t = performance.now()
  const cpu = process.cpuUsage()
  const built = values.design === 'segments' ? openSegments() : await buildMiniSearch()
  const build = { cpuMs: cpuMs(cpu), wallMs: performance.now() - t, docs: built.docs }
  gc()
  const after = process.memoryUsage()

  const parsed = SEARCH_QUERIES.map((q) => {
    const p = parseSearchQuery(q)
    if (!p.ok) throw new Error(q)
    return p.query
  })
  const src = { archive: reader, text: async (id: string) => (await reader.getArticle(id)).text }
  const cpuSamples: number[] = []
  const wallSamples: number[] = []
  const perQuery: Record<string, { total: number; cpuMs: number[] }> = {}
  for (let round = -1; round < rounds; round++) {
    for (let q = 0; q < parsed.length; q++) {
      const c = process.cpuUsage()
      t = performance.now()
      const outcome = await runQuery(built.engine, parsed[q], 20, src)
      const wall = performance.now() - t
      const used = cpuMs(c)
      if (round < 0) continue
      cpuSamples.push(used)
      wallSamples.push(wall)
      const entry = (perQuery[SEARCH_QUERIES[q]] ??= { total: outcome.total, cpuMs: [] })
      entry.cpuMs.push(used)
    }
  }
  load.push(loadavg()[0])
  const cpuSummary = summarize(cpuSamples)
  const wallSummary = summarize(wallSamples)
  console.log(
    JSON.stringify({
      design: values.design,
      articles: count,
      docs: build.docs,
      load,
      // minisearch: the build in this process; segments: opening the files written by --phase build.
      [values.design === 'segments' ? 'open' : 'build']: {
        cpuS: +(build.cpuMs / 1000).toFixed(2),
        wallS: +(build.wallMs / 1000).toFixed(2),
      },
      memoryMB: {
        rssAfter: mb(after.rss),
        rssIndex: mb(after.rss - before.rss),
        heapIndex: mb(after.heapUsed - before.heapUsed),
        externalIndex: mb(after.external + after.arrayBuffers - before.external - before.arrayBuffers),
        peakRss: mb(process.resourceUsage().maxRSS * 1024),
      },
      queryCpuMs: { median: +cpuSummary.median.toFixed(2), p95: +cpuSummary.p95.toFixed(2) },
      queryWallMs: { median: +wallSummary.median.toFixed(2), p95: +wallSummary.p95.toFixed(2) },
      perQuery: Object.fromEntries(
        Object.entries(perQuery).map(([q, e]) => [
          q,
          { total: e.total, cpuMedianMs: +summarize(e.cpuMs).median.toFixed(2) },
        ]),
      ),
    }),
  )
}

await main()
