// Bench (Node): the CPU of one search index save (segment-store.ts saveStore, as SearchIndex.saveNow calls it)
// after one article is edited, with N articles' signatures. The index holds `--indexed` real articles
// (bench/search-corpus.ts, default 10,000: what a save writes of the segments — the edited article's live segment,
// now and then a tail merge — does not grow with N); the signature map holds N articles, as the app's does.
// `--src` runs another checkout's search code (a git worktree of an older commit) against the same corpus, so
// before and after can be run one after the other under the same load:
//
//   npx jiti bench/search-saves.ts --articles 100000 [--src /tmp/worktree] [--rounds 20]
//
// Before the signatures moved out of the manifest (version 1), a save passes them all (state.articles()); after,
// only the changed ones (SegmentState.signatureSave()). Prints one JSON line.
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { corpusArticle, corpusDocs } from './search-corpus'
import { summarize } from './stats'

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    indexed: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    src: { type: 'string', default: resolve(import.meta.dirname, '..') },
    dir: { type: 'string', default: '/tmp/glossa-search-saves' },
  },
})
const count = Number(values.articles)
const indexed = Math.min(count, Number(values.indexed))
const rounds = Number(values.rounds)
const seed = Number(values.seed)
const root = resolve(values.src!)
const KEY = Buffer.alloc(32, 1)

type Signature = { meta: string; annotations: string }

const cpuMs = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since)
  return (d.user + d.system) / 1000
}

/** A signature as the app makes them: 16 base64url characters; an annotations file stat for a third. */
const signature = (i: number, version: number): Signature => ({
  meta: Buffer.from(`${i}:${version}:signature`).toString('base64url').padEnd(16, 'A').slice(0, 16),
  annotations: i % 3 ? '' : `${1_000_000 + i}:${2_000 + version}:1733561234567890123:1733561234567890123`,
})

async function main(): Promise<void> {
  const store = await import(join(root, 'src/main/search/segment-store.ts'))
  const { SegmentedIndex } = await import(join(root, 'src/main/search/segmented-index.ts'))
  const { INDEX_OPTIONS } = await import(join(root, 'src/main/search/documents.ts'))
  const separate = existsSync(join(root, 'src/main/search/signature-files.ts'))
  const dir = values.dir!
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const load = [loadavg()[0]]

  const all = new Map<string, Signature>()
  for (let i = 0; i < count; i++) all.set(`a${String(i).padStart(6, '0')}`, signature(i, 0))
  let index = new SegmentedIndex(INDEX_OPTIONS.fields)
  const articles = Array.from({ length: indexed }, (_, i) => corpusArticle(seed, i))
  for (const a of articles) index.add(corpusDocs(a))
  let files: unknown[] = []
  // The first save: every signature written (a build does this, one file per segment).
  const save = async (changed: Set<string>) => {
    if (separate) {
      const out = await store.saveStore(dir, index, KEY, { all, changed, files })
      files = out.files
      return out.index
    }
    const record: Record<string, [string, string]> = {}
    for (const [id, s] of all) record[id] = [s.meta, s.annotations]
    return store.saveStore(dir, index, KEY, record)
  }
  index = await save(new Set(all.keys()))

  const cpu: number[] = []
  const wall: number[] = []
  for (let round = -2; round < rounds; round++) {
    // One article edited: its document replaced (a tombstone, a live document), its signature changed.
    const n = (round + 2) * 97
    const a = articles[n % articles.length]
    const id = `a${String(n % count).padStart(6, '0')}`
    index.removeArticle(a.meta.id, 'article')
    index.add([{ ...corpusDocs(a)[0], text: `${a.text} edited ${round}` }])
    all.set(id, signature(n, round + 3))
    const c = process.cpuUsage()
    const t = performance.now()
    index = await save(new Set([id]))
    if (round < 0) continue
    cpu.push(cpuMs(c))
    wall.push(performance.now() - t)
  }
  load.push(loadavg()[0])
  const c = summarize(cpu)
  const w = summarize(wall)
  console.log(
    JSON.stringify({
      code: separate ? 'signature files' : 'signatures in the manifest',
      articles: count,
      indexed,
      rounds,
      load,
      saveCpuMs: { median: +c.median.toFixed(1), p95: +c.p95.toFixed(1), max: +Math.max(...cpu).toFixed(1) },
      saveWallMs: { median: +w.median.toFixed(1), p95: +w.p95.toFixed(1) },
    }),
  )
}

await main()
