// Bench (Node): the library's pages as the main process answers them (src/main/archive/library-pages.ts) at
// 1,000, 10,000 and 100,000 articles: `npx jiti bench/library-pages.ts`. The first page after a change (which sorts),
// a page further down (sorted already), each sort order and filter from nothing, and the size of a page's
// JSON. The catalog is held in memory as the archive holds it after opening; metadata is seeded.
import { loadavg } from 'node:os'
import { LibraryPages } from '../src/main/archive/library-pages'
import type { CatalogView } from '../src/main/archive/library-pages'
import { matchesFilter } from '../src/shared/library-query'
import type { LibraryFilter, LibrarySort } from '../src/shared/library-query'
import type { ArticleMeta } from '../src/shared/types'
import { createRandom } from './random'
import { summarize } from './stats'

const SOURCES = [
  'Harbour Times',
  'Evening Post',
  'apex news',
  'Wire',
  'Daily',
  'Kyiv Independent',
  'Le Monde',
]
const TAGS = ['economy', 'energy/grid', 'strikes/launched', 'strikes/repelled', 'health', 'transport']
const WORDS = 'port grid budget council drones harbour ministry crews shelters tonnes grain review'.split(' ')

function catalog(n: number): CatalogView & { touch(): void; add(): void } {
  const r = createRandom(n)
  const make = (i: number): ArticleMeta => {
    const notes = r.chance(0.3) ? r.int(1, 5) : 0
    return {
      id: i.toString(16).padStart(12, '0'),
      title: Array.from({ length: 6 }, () => WORDS[r.int(0, WORDS.length - 1)]).join(' '),
      source: SOURCES[r.int(0, SOURCES.length - 1)],
      publishedAt: `20${r.int(10, 24)}-0${r.int(1, 9)}-1${r.int(0, 9)}`,
      addedAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
      tags: i % 100 === 7 ? ['rare/topic'] : r.chance(0.5) ? [TAGS[r.int(0, TAGS.length - 1)]] : [],
      textHash: `h${i}`,
      length: 5000,
      counts: { highlights: r.int(0, 20), figures: r.int(0, 5), notes },
      annotationTags: r.chance(0.4) ? { [TAGS[r.int(0, TAGS.length - 1)]]: 2 } : {},
      annotationColors: ['yellow'],
    }
  }
  const metas: ArticleMeta[] = Array.from({ length: n }, (_, i) => make(i))
  const byId = new Map(metas.map((m) => [m.id, m]))
  let sorted = [...metas].sort((a, b) => (a.addedAt < b.addedAt ? 1 : -1))
  const listeners: ((old: ArticleMeta | undefined, now: ArticleMeta | undefined) => void)[] = []
  const entryListeners: typeof listeners = []
  const view = {
    changes: 0,
    orderChanges: 0,
    all: () => sorted,
    get: (id: string) => byId.get(id)!,
    size: () => byId.size,
    touch() {
      view.changes++
      view.orderChanges++
    },
    /** A new article, newest, told to the pages as the CatalogStore tells them (onOrderChange). */
    add() {
      const meta = make(byId.size)
      byId.set(meta.id, meta)
      sorted = [meta, ...sorted]
      view.touch()
      for (const l of listeners) l(undefined, meta)
      for (const l of entryListeners) l(undefined, meta)
    },
    /** Every change, as CatalogStore.onEntryChange tells it (the library's filter sets follow it). */
    onEntryChange(listener: (old: ArticleMeta | undefined, now: ArticleMeta | undefined) => void) {
      entryListeners.push(listener)
      return () => {}
    },
    onOrderChange(listener: (old: ArticleMeta | undefined, now: ArticleMeta | undefined) => void) {
      listeners.push(listener)
      return () => {}
    },
  }
  return view
}

/** cold: every order worked out again; 'add': one new article arrives (timed with the page after it). */
type Case = {
  name: string
  sort: LibrarySort
  filter: LibraryFilter
  at: 'start' | 'middle'
  cold: boolean | 'add'
  /** The filter as it was answered before the filter sets: every article of the order tested (the baseline). */
  scan?: boolean
}
const CASES: Case[] = [
  { name: 'first page after a change (date added)', sort: 'added', filter: {}, at: 'start', cold: true },
  { name: 'a page in the middle, sorted already', sort: 'added', filter: {}, at: 'middle', cold: false },
  { name: 'sort by title, first page', sort: 'title', filter: {}, at: 'start', cold: true },
  { name: 'sort by source, first page', sort: 'source', filter: {}, at: 'start', cold: true },
  { name: 'sort by published, first page', sort: 'published', filter: {}, at: 'start', cold: true },
  {
    name: 'a new article, then sort by title, first page',
    sort: 'title',
    filter: {},
    at: 'start',
    cold: 'add',
  },
  { name: 'a new article, then by source', sort: 'source', filter: {}, at: 'start', cold: 'add' },
  { name: 'a new article, then by published', sort: 'published', filter: {}, at: 'start', cold: 'add' },
  { name: 'filter by source', sort: 'added', filter: { source: 'Wire' }, at: 'start', cold: true },
  {
    name: 'filter by tag (article or annotation)',
    sort: 'added',
    filter: { tag: 'strikes' },
    at: 'start',
    cold: true,
  },
  {
    name: 'filter by a tag on 1 article in 100',
    sort: 'added',
    filter: { tag: 'rare' },
    at: 'start',
    cold: true,
  },
  {
    name: 'filter by source, before: a scan of the order',
    sort: 'added',
    filter: { source: 'Wire' },
    at: 'start',
    cold: true,
    scan: true,
  },
  {
    name: 'filter by tag, before: a scan of the order',
    sort: 'added',
    filter: { tag: 'strikes' },
    at: 'start',
    cold: true,
    scan: true,
  },
  {
    name: 'filter by a tag on 1 article in 100, before: a scan',
    sort: 'added',
    filter: { tag: 'rare' },
    at: 'start',
    cold: true,
    scan: true,
  },
  {
    name: 'filter by dates + has notes, by title',
    sort: 'title',
    filter: { from: '2015-01-01', to: '2020-12-31', hasNotes: true },
    at: 'start',
    cold: true,
  },
]

const reps = 15
const rows: string[] = []
const sizes = [1_000, 10_000, 100_000]
const results: Record<string, Record<number, ReturnType<typeof summarize>>> = {}
const cpuResults: Record<string, Record<number, ReturnType<typeof summarize>>> = {}
const cpuNow = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
process.stderr.write(`load ${loadavg()[0].toFixed(1)}\n`)
for (const n of sizes) {
  const cat = catalog(n)
  const pages = new LibraryPages(cat)
  let bytes = 0
  // The filter sets (tag, source, collection, colour, person) are made once, in the background after the first
  // page as the app does (LibraryPages.warm); timed here apart.
  {
    const c0 = cpuNow()
    const t0 = performance.now()
    pages.ids({ source: 'Wire' }, 'added')
    const name = 'filter sets made, once (in the background)'
    ;(results[name] ??= {})[n] = summarize([performance.now() - t0])
    ;(cpuResults[name] ??= {})[n] = summarize([cpuNow() - c0])
  }
  for (const c of CASES) {
    const samples: number[] = []
    const cpus: number[] = []
    for (let i = 0; i < reps + 2; i++) {
      if (c.cold === true) cat.touch()
      else pages.page(c.filter, c.sort, 0, 100)
      const c0 = cpuNow()
      const t = performance.now()
      if (c.cold === 'add') cat.add()
      if (c.scan) {
        const ids = pages.ids({}, c.sort).filter((id) => matchesFilter(cat.get(id), c.filter))
        if (i >= 2) {
          samples.push(performance.now() - t)
          cpus.push(cpuNow() - c0)
        }
        if (!ids.length) throw new Error(`the scan kept nothing`)
        continue
      }
      const total = pages.ids(c.filter, c.sort).length
      const page = pages.page(c.filter, c.sort, c.at === 'middle' ? Math.floor(total / 2) : 0, 100)
      bytes = JSON.stringify(page).length
      if (i >= 2) {
        samples.push(performance.now() - t)
        cpus.push(cpuNow() - c0)
      }
    }
    ;(results[c.name] ??= {})[n] = summarize(samples)
    ;(cpuResults[c.name] ??= {})[n] = summarize(cpus)
  }
  process.stderr.write(`${n} articles done; a page of 100 rows is ${(bytes / 1024).toFixed(1)} KB of JSON\n`)
}
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0))
rows.push(
  `| measure (ms, median / p95 of ${reps}, (CPU median)) | ${sizes.map((n) => n.toLocaleString('en')).join(' | ')} |`,
)
rows.push(`| --- | ${sizes.map(() => '---').join(' | ')} |`)
for (const name of Object.keys(results))
  rows.push(
    `| ${name} | ${sizes.map((n) => `${ms(results[name][n].median)} / ${ms(results[name][n].p95)} (${ms(cpuResults[name][n].median)})`).join(' | ')} |`,
  )
console.log(rows.join('\n'))
process.stderr.write(`load ${loadavg()[0].toFixed(1)}\n`)
