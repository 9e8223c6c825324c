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
// `--serve N` adds N served samples of each kind: a fresh `glossa serve` (the built CLI, copied from out/ first)
// on a hard-linked copy of the whole archive, asked for the `whole` default page (answered once the catalog is
// in), then at once for the first page by title, by source and by date published over HTTP: wall ms of each
// and serve's CPU (from /proc, 10 ms ticks) across the three.
import { spawnSync } from 'node:child_process'
import { request } from 'node:http'
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
import { cpuOf, startServe, stopServe } from './serve-start'
import { cpuTimed, summarize } from './stats'
import type { Timed } from './stats'

const here = resolve(fileURLToPath(import.meta.url), '..')
const results = join(here, 'results', 'open-orders')
const { values } = parseArgs({
  options: {
    reps: { type: 'string', default: '4' },
    archive: { type: 'string', default: join(here, 'results', 'archives', 'large-seed1', 'archive') },
    child: { type: 'string' },
    serve: { type: 'string', default: '0' },
  },
})
const log = (line: string) => process.stderr.write(`${line}\n`)
const SORTS: LibrarySort[] = ['title', 'source', 'published']
const root = join(results, 'archive')
const keyFile = join(results, 'catalog-trust.key')

type Sample = Record<string, Timed>

/** One fresh process: the catalog, then each sort's first page; or the rows cache, then the same. */
async function child(from: 'catalog' | 'rows'): Promise<Sample> {
  const out: Sample = {}
  let pages: LibraryPages
  if (from === 'catalog') {
    const trust = await CatalogTrust.open(root, keyFile)
    const store = new CatalogStore(root, [])
    ;[, out.load] = await cpuTimed(() => store.load(trust))
    pages = new LibraryPages(store)
  } else {
    const [read, t] = await cpuTimed(() => readRows(root, keyFile))
    out.load = t
    if (!read.rows) throw new Error(`no rows cache: ${read.why}`)
    pages = new LibraryPages(read.rows, { sets: false })
  }
  // The default order first, as the window asks for it: the catalog's date-added order is made here.
  ;[, out.added] = await cpuTimed(() => pages.page({}, 'added', 0, 100))
  ;[, out.ready] = await cpuTimed(() => pages.ready())
  for (const sort of SORTS) [, out[sort]] = await cpuTimed(() => pages.page({}, sort, 0, 100))
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

function call(url: URL, method: string, args: unknown): Promise<{ loading?: boolean }> {
  const token = /token=([^&]+)/.exec(url.hash)![1]
  return new Promise((done, fail) => {
    const req = request(
      new URL(`/api/${method}`, url),
      { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } },
      (res) => {
        let text = ''
        res.on('data', (c: Buffer) => (text += c.toString()))
        res.on('end', () => {
          const r = JSON.parse(text) as { ok: boolean; value: { loading?: boolean } }
          if (r.ok) done(r.value)
          else fail(new Error(text.slice(0, 300)))
        })
      },
    )
    req.on('error', fail)
    req.end(JSON.stringify(args))
  })
}

/** One served sample: the catalog in, then each sort's first page, wall ms each and serve's CPU across them. */
async function served(cli: string, dir: string, config: string): Promise<Record<string, number>> {
  const s = await startServe(cli, dir, config)
  try {
    const url = new URL(s.url)
    await call(url, 'articles.page', { sort: 'added', offset: 0, limit: 100, whole: true })
    const out: Record<string, number> = {}
    const cpu = cpuOf(s.child.pid)
    for (const sort of SORTS) {
      const t = performance.now()
      const page = await call(url, 'articles.page', { sort, offset: 0, limit: 100 })
      if (page.loading) throw new Error('answered before the catalog was in')
      out[sort] = performance.now() - t
    }
    out.cpu = cpuOf(s.child.pid) - cpu
    return out
  } finally {
    await stopServe(s)
  }
}

/** The served samples, orders file present or moved aside, alternating. */
async function serveRuns(n: number): Promise<void> {
  const app = join(results, 'app')
  const dir = join(results, 'served', 'archive')
  const config = join(results, 'served-config')
  const cli = join(app, 'out', 'cli', 'index.js')
  if (!existsSync(join(results, 'served-ready'))) {
    await rm(join(results, 'served'), { recursive: true, force: true })
    // The build copied once, so another build meanwhile does not change the app mid-run (remove it to take a new one).
    if (!existsSync(join(app, 'out')))
      await cp(join(here, '..', 'out'), join(app, 'out'), { recursive: true })
    await mkdir(join(results, 'served'), { recursive: true })
    // Hard links: serve writes only by renaming new files into place, so the cached archive is not changed.
    const cpl = spawnSync('cp', ['-al', values.archive, dir])
    if (cpl.status !== 0) throw new Error(`cp -al: ${cpl.stderr.toString()}`)
    // One open that checks every bucket and writes the head, the rows cache and, after the warm-up, the orders.
    const s = await startServe(cli, dir, config)
    try {
      await call(new URL(s.url), 'articles.page', { sort: 'added', offset: 0, limit: 100, whole: true })
      for (let i = 0; i < 120 && !existsSync(ordersFile(dir)); i++)
        await new Promise((r) => setTimeout(r, 1000))
    } finally {
      await stopServe(s)
    }
    if (!existsSync(ordersFile(dir))) throw new Error('serve wrote no orders')
    await mkdir(join(results, 'served-ready'))
  }
  const aside = `${ordersFile(dir)}.aside`
  const by: Record<string, Record<string, number>[]> = { saved: [], none: [] }
  const load0 = loadavg()[0].toFixed(1)
  for (let i = 0; i < n; i++)
    for (const mode of ['saved', 'none'] as const) {
      if (mode === 'none') await rename(ordersFile(dir), aside)
      try {
        by[mode].push(await served(cli, dir, config))
      } finally {
        if (mode === 'none') await rename(aside, ordersFile(dir))
      }
      log(`served ${i} ${mode}: ${JSON.stringify(by[mode].at(-1))}, load ${loadavg()[0].toFixed(1)}`)
    }
  console.log(
    `served, load ${load0} → ${loadavg()[0].toFixed(1)}; wall ms median / p95, serve CPU across the three`,
  )
  console.log('| orders | title | source | published | serve CPU |')
  const f = (xs: number[]) => `${summarize(xs).median.toFixed(0)} / ${summarize(xs).p95.toFixed(0)}`
  for (const [mode, list] of Object.entries(by))
    console.log(`| ${mode} | ${[...SORTS, 'cpu'].map((k) => f(list.map((x) => x[k]))).join(' | ')} |`)
}

async function main(): Promise<void> {
  if (values.child) {
    process.stdout.write(`${JSON.stringify(await child(values.child as 'catalog' | 'rows'))}\n`)
    // The catalog's writer would write the head and caches a while later: this sample is done.
    process.exit(0)
  }
  log(`preparing ${results} from ${values.archive}`)
  if (Number(values.serve) > 0) return serveRuns(Number(values.serve))
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
