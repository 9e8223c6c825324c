// Bench (Node): a first sort by title, source or date published right after opening, with the library's sort
// orders saved on disk (src/main/archive/catalog-orders.ts) and without (#19, twelfth session).
// `npx jiti bench/open-orders.ts [--reps 4] [--archive bench/results/archives/large-seed1/archive]` after
// `npx jiti bench/generate-run.ts --size large`. The archive's catalog folder is copied under
// bench/results/open-orders/ (the cached archive is not written to), opened once with a trust key so its buckets
// are trusted and its head, rows cache and orders written, then each sample is a fresh Node process that either
// finds the orders file ("saved") or not (moved aside: "none", the code before), alternating, so the load is
// shared. In each, CPU and wall ms of: the whole catalog loaded (CatalogStore.load, trusted); the saved orders
// read (fingerprint, file, checks; what a first sort waits for); the first page of 100 rows in the default order
// (date added), then by title, by source and by date published; and the same from the rows cache (readRows, then the pages) as the service
// answers while the catalog loads.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdir, rename, rm } from 'node:fs/promises'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { ordersFile } from '../src/main/archive/catalog-orders'
import { readRows } from '../src/main/archive/catalog-rows'
import { CatalogStore } from '../src/main/archive/catalog-store'
import { CatalogTrust } from '../src/main/archive/catalog-trust'
import { LibraryPages } from '../src/main/archive/library-pages'
import type { LibrarySort } from '../src/shared/library-query'
import { summarize } from './stats'

const here = resolve(fileURLToPath(import.meta.url), '..')
const results = join(here, 'results', 'open-orders')
const { values } = parseArgs({
  options: {
    reps: { type: 'string', default: '4' },
    archive: { type: 'string', default: join(here, 'results', 'archives', 'large-seed1', 'archive') },
    child: { type: 'string' },
  },
})
const log = (line: string) => process.stderr.write(`${line}\n`)
const SORTS: LibrarySort[] = ['title', 'source', 'published']
const root = join(results, 'archive')
const keyFile = join(results, 'catalog-trust.key')

type Timed = { cpu: number; wall: number }
async function timed<T>(f: () => Promise<T> | T): Promise<[T, Timed]> {
  const c = process.cpuUsage()
  const t = performance.now()
  const value = await f()
  const u = process.cpuUsage(c)
  return [value, { cpu: (u.user + u.system) / 1000, wall: performance.now() - t }]
}

type Sample = Record<string, Timed>

/** One fresh process: the catalog, then each sort's first page; or the rows cache, then the same. */
async function child(from: 'catalog' | 'rows'): Promise<Sample> {
  const out: Sample = {}
  let pages: LibraryPages
  if (from === 'catalog') {
    const trust = await CatalogTrust.open(root, keyFile)
    const store = new CatalogStore(root, [])
    ;[, out.load] = await timed(() => store.load(trust))
    pages = new LibraryPages(store)
  } else {
    const [read, t] = await timed(() => readRows(root, keyFile))
    out.load = t
    if (!read.rows) throw new Error(`no rows cache: ${read.why}`)
    pages = new LibraryPages(read.rows, { sets: false })
  }
  // The default order first, as the window asks for it: the catalog's date-added order is made here.
  ;[, out.added] = await timed(() => pages.page({}, 'added', 0, 100))
  ;[, out.ready] = await timed(() => pages.ready())
  for (const sort of SORTS) [, out[sort]] = await timed(() => pages.page({}, sort, 0, 100))
  return out
}

function run(from: 'catalog' | 'rows'): Sample {
  const jiti = join(here, '..', 'node_modules', 'jiti', 'lib', 'jiti-cli.mjs')
  const out = spawnSync(process.execPath, [jiti, fileURLToPath(import.meta.url), '--child', from], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  })
  if (out.status !== 0) throw new Error(`child failed: ${out.stderr}`)
  return JSON.parse(out.stdout.trim().split('\n').pop()!) as Sample
}

/** The catalog copied, opened once with trust, its orders worked out and everything written. */
async function prepare(): Promise<void> {
  if (existsSync(join(results, 'ready'))) return
  await rm(results, { recursive: true, force: true })
  await mkdir(root, { recursive: true })
  await cp(join(values.archive, 'catalog'), join(root, 'catalog'), { recursive: true })
  for (let i = 0; i < 2; i++) {
    const store = new CatalogStore(root, [])
    await store.load(await CatalogTrust.open(root, keyFile))
    await new LibraryPages(store).warm()
    await store.flush()
  }
  if (!existsSync(ordersFile(root))) throw new Error('no orders written')
  await mkdir(join(results, 'ready'))
}

async function main(): Promise<void> {
  if (values.child) {
    process.stdout.write(`${JSON.stringify(await child(values.child as 'catalog' | 'rows'))}\n`)
    // The catalog's writer would write the head and caches a while later: this sample is done.
    process.exit(0)
  }
  log(`preparing ${results} from ${values.archive}`)
  await prepare()
  const aside = `${ordersFile(root)}.aside`
  const samples: Record<string, Sample[]> = {}
  const load0 = loadavg()[0].toFixed(1)
  for (let rep = 0; rep < Number(values.reps); rep++)
    for (const from of ['catalog', 'rows'] as const)
      for (const mode of ['saved', 'none'] as const) {
        if (mode === 'none') await rename(ordersFile(root), aside)
        try {
          ;(samples[`${from} ${mode}`] ??= []).push(run(from))
        } finally {
          if (mode === 'none') await rename(aside, ordersFile(root))
        }
        log(`rep ${rep} ${from} ${mode} done, load ${loadavg()[0].toFixed(1)}`)
      }
  const f = (xs: number[]) => {
    const s = summarize(xs)
    return `${s.median.toFixed(0)} / ${s.p95.toFixed(0)}`
  }
  console.log(`load ${load0} → ${loadavg()[0].toFixed(1)}; CPU ms median / p95 (wall median / p95)`)
  console.log('| from | orders | load | by date added | orders read | title | source | published |')
  for (const [name, list] of Object.entries(samples)) {
    const cell = (k: string) => `${f(list.map((s) => s[k].cpu))} (${f(list.map((s) => s[k].wall))})`
    const [from, mode] = name.split(' ')
    console.log(`| ${from} | ${mode} | ${['load', 'added', 'ready', ...SORTS].map(cell).join(' | ')} |`)
  }
}

void main()
