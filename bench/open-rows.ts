// Bench (Node): what opening the library costs before its rows can be answered, at 1,000 / 10,000 / 100,000
// articles (#19, seventh session). `npx jiti bench/open-rows.ts [--sizes 10000,100000] [--reps 5]` after
// `npm run build` and `npx jiti bench/open-head.ts` (whose archives and keys it reads: bench/results/open-head);
// `--serve 1` adds the served samples below (each a fresh process: minutes at 100,000 on a loaded machine).
//
// In this process, alternating, CPU and wall ms of: the buckets' fingerprint; the library's head read
// (library-head.ts); the rows cache read (catalog-rows.ts) and a first page sorted by title and one filtered by
// a tag from it, as the service answers them while the archive opens (filters by a scan); the whole catalog loaded (CatalogStore.load with trust) and the same pages from it.
// Then a fresh `glossa serve` per sample (the built CLI), asked over HTTP at once for the default page, a page
// sorted by title and one filtered by a tag: when each is answered (ms from the spawn), whether from the head or
// the rows cache (`loading`) or the whole catalog, and serve's CPU by the title page; "rows" and "no rows" (the
// cache moved aside) alternate so the load is shared.
import { existsSync } from 'node:fs'
import { cp, rename, rm } from 'node:fs/promises'
import { request } from 'node:http'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { CatalogStore } from '../src/main/archive/catalog-store'
import { CatalogTrust } from '../src/main/archive/catalog-trust'
import { readRows, rowsFile } from '../src/main/archive/catalog-rows'
import { catalogFingerprint, readHead } from '../src/main/archive/library-head'
import { LibraryPages } from '../src/main/archive/library-pages'
import { cpuOf, startServe, stopServe } from './serve-start'
import { cpuTimed, summarize } from './stats'
import type { Timed } from './stats'

const here = resolve(fileURLToPath(import.meta.url), '..')
const results = join(here, 'results', 'open-head')
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    reps: { type: 'string', default: '5' },
    serve: { type: 'string', default: '0' },
  },
})
const log = (line: string) => process.stderr.write(`${line}\n`)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const load = () => loadavg()[0].toFixed(1)

const f1 = (xs: number[]) => {
  const s = summarize(xs)
  return `${s.median.toFixed(s.median < 10 ? 1 : 0)} / ${s.p95.toFixed(s.p95 < 10 ? 1 : 0)}`
}

function call(url: URL, token: string, method: string, args: unknown): Promise<{ loading?: boolean }> {
  return new Promise((done, fail) => {
    const body = JSON.stringify(args)
    const req = request(
      new URL(`/api/${method}`, url),
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      },
      (res) => {
        let text = ''
        res.on('data', (c: Buffer) => (text += c.toString()))
        res.on('end', () => {
          const r = JSON.parse(text) as { ok: boolean; value: { loading?: boolean } }
          if (!r.ok) fail(new Error(text.slice(0, 300)))
          else done(r.value)
        })
      },
    )
    req.on('error', fail)
    req.end(body)
  })
}

type ServeSample = { url: number; first: number; title: number; tag: number; whole: number; cpu: number }

async function serveSample(cli: string, dir: string, config: string, tag: string): Promise<ServeSample> {
  const t0 = performance.now()
  const served = await startServe(cli, dir, config)
  const { child, url: address } = served
  try {
    const url = performance.now() - t0
    const u = new URL(address)
    const token = u.hash.slice('#token='.length)
    let cpu = NaN
    const at = (p: Promise<unknown>, onDone?: () => void) =>
      p.then(() => {
        onDone?.()
        return performance.now() - t0
      })
    const [first, title, tagged] = await Promise.all([
      at(call(u, token, 'articles.page', { offset: 0, limit: 100 })),
      at(
        call(u, token, 'articles.page', { sort: 'title', offset: 0, limit: 100 }),
        () => (cpu = cpuOf(child.pid)),
      ),
      at(call(u, token, 'articles.page', { filter: { tag }, offset: 0, limit: 100 })),
    ])
    const whole = await at(
      call(u, token, 'articles.page', { sort: 'title', offset: 0, limit: 100, whole: true }),
    )
    return { url, first, title, tag: tagged, whole, cpu }
  } finally {
    await stopServe(served)
  }
}

async function main(): Promise<void> {
  const sizes = values.sizes.split(',').map(Number)
  const reps = Number(values.reps)
  const inProcess: string[] = []
  const served: string[] = []
  let i0 = 0
  for (const n of sizes) {
    const dir = join(results, `archive-${n}`)
    const keyFile = join(results, `config-${n}`, 'glossa', 'catalog-trust.key')
    if (!existsSync(keyFile)) throw new Error(`Run npx jiti bench/open-head.ts first (no ${keyFile}).`)
    // The rows cache written as the app writes it: the catalog loaded with trust, then flushed.
    if (!(await readRows(dir, keyFile)).rows) {
      const store = new CatalogStore(dir, [])
      await store.load(await CatalogTrust.open(dir, keyFile))
      await store.flush()
    }
    const { head } = await readHead(dir, keyFile)
    const tag = head?.items.find((i) => i.tags.length)?.tags[0] ?? 'port'
    const s: Record<string, Timed[]> = {}
    const add = (k: string, t: Timed) => (s[k] ??= []).push(t)
    const before = load()
    for (let i = 0; i < reps + 1; i++) {
      global.gc?.()
      const [, fp] = await cpuTimed(() => catalogFingerprint(dir))
      const [, hd] = await cpuTimed(() => readHead(dir, keyFile))
      const [read, rw] = await cpuTimed(() => readRows(dir, keyFile))
      if (!read.rows) throw new Error(`rows cache not used: ${read.why}`)
      const pages = new LibraryPages(read.rows, { sets: false })
      const [, rt] = await cpuTimed(() => pages.page({}, 'title', 0, 100))
      const [, rf] = await cpuTimed(() => pages.page({ tag }, 'added', 0, 100))
      global.gc?.()
      const [store, ld] = await cpuTimed(async () => {
        const st = new CatalogStore(dir, [])
        await st.load(await CatalogTrust.open(dir, keyFile))
        return st
      })
      const whole = new LibraryPages(store)
      const [, wt] = await cpuTimed(() => whole.page({}, 'title', 0, 100))
      const [, wf] = await cpuTimed(() => whole.page({ tag }, 'added', 0, 100))
      // The head and rows this store would write 2 and 10 s later (unchanged): written now, untimed, so they
      // do not run inside the next sample's measures.
      await store.flush()
      if (i === 0) continue
      add('fingerprint', fp)
      add('head', hd)
      add('rows', rw)
      add('rows title', rt)
      add('rows tag', rf)
      add('catalog', ld)
      add('catalog title', wt)
      add('catalog tag', wf)
      log(`${n}: rows ${rw.cpu.toFixed(0)} ms CPU, catalog ${ld.cpu.toFixed(0)} ms CPU, load ${load()}`)
    }
    const row = (label: string, k: string) =>
      inProcess.push(
        `| ${n.toLocaleString('en')} | ${label} | ${f1(s[k].map((t) => t.cpu))} | ${f1(s[k].map((t) => t.wall))} | ${before} → ${load()} |`,
      )
    row('buckets’ fingerprint (stat of every bucket)', 'fingerprint')
    row('library head read (fingerprint included)', 'head')
    row('rows cache read (fingerprint included)', 'rows')
    row('… first page by title, from the rows', 'rows title')
    row(`… first page, tag ${tag}, from the rows`, 'rows tag')
    row('whole catalog loaded (trusted)', 'catalog')
    row('… first page by title, from the catalog', 'catalog title')
    row(`… first page, tag ${tag}, from the catalog`, 'catalog tag')
    if (values.serve !== '1') continue
    const app = join(results, 'app-rows')
    if (i0++ === 0) {
      await rm(app, { recursive: true, force: true })
      await cp(join(here, '..', 'out'), join(app, 'out'), { recursive: true })
    }
    const cli = join(app, 'out', 'cli', 'index.js')
    const config = join(results, `config-${n}`)
    const by = { rows: [] as ServeSample[], none: [] as ServeSample[] }
    const aside = `${rowsFile(dir)}.aside`
    const loadBefore = load()
    for (let i = 0; i < reps + 1; i++) {
      for (const mode of ['rows', 'none'] as const) {
        if (mode === 'none') await rename(rowsFile(dir), aside)
        try {
          const sample = await serveSample(cli, dir, config, tag)
          if (i > 0) by[mode].push(sample)
          log(
            `${n} ${mode}: title page at ${sample.title.toFixed(0)} ms, whole at ${sample.whole.toFixed(0)}`,
          )
        } finally {
          if (mode === 'none') await rename(aside, rowsFile(dir))
        }
        await sleep(200)
      }
    }
    for (const mode of ['rows', 'none'] as const) {
      const x = by[mode]
      served.push(
        `| ${n.toLocaleString('en')} | ${mode === 'rows' ? 'rows cache' : 'no cache'} | ${f1(x.map((v) => v.url))} | ${f1(x.map((v) => v.first))} | ${f1(x.map((v) => v.title))} | ${f1(x.map((v) => v.tag))} | ${f1(x.map((v) => v.cpu))} | ${f1(x.map((v) => v.whole))} | ${loadBefore} → ${load()} |`,
      )
    }
  }
  console.log(
    [
      '| articles | measure | CPU ms median / p95 | wall ms median / p95 | load |',
      '| --- | --- | --- | --- | --- |',
      ...inProcess,
      '',
      '| articles | | URL printed | default page answered | title page answered | tag page answered | serve CPU by the title page | whole catalog (title, `whole`) | load |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...served,
    ].join('\n'),
  )
}

await main()
