// Bench (Node + Chromium): opening the archive until the first library rows are drawn, from a fresh process —
// `npx jiti bench/open-head.ts [--sizes 1000,10000,100000] [--reps 5]` after `npm run build`. Each sample starts
// `glossa serve` (the built CLI) on a catalog of 1,000 / 10,000 / 100,000 articles, opens its URL in Chromium
// (already running, as a browser beside Glossa is) and stops when the first row is painted (Element Timing, read
// as ui.ts reads it), on one clock: from the spawn of the process to the paint. "head": with the library's head
// on disk (src/main/archive/library-head.ts); "no head": the same archive with the head removed first, so the
// first rows wait for the whole catalog as before — the two alternate, so the load is shared. Also timed: the URL
// printed (the server listening), the first page answered, and the whole catalog in (the `whole` page answered,
// or the first page without a head). The catalogs are open-trust.ts's (run it once first), copied here.
import { chromium } from '@playwright/test'
import type { Browser } from '@playwright/test'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdir, rm } from 'node:fs/promises'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { chromiumLaunch } from '../playwright.config'
import { cpuOf, startServe, stopServe } from './serve-start'
import { summarize } from './stats'
import { FIRST_ROW_PAINT } from './ui-page'

const here = resolve(fileURLToPath(import.meta.url), '..')
const results = join(here, 'results', 'open-head')
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    reps: { type: 'string', default: '5' },
  },
})
const log = (line: string) => process.stderr.write(`${line}\n`)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const epoch = () => performance.timeOrigin + performance.now()

type Sample = { url: number; firstPage: number; rows: number; whole: number; cpuAtFirstPage: number }

/** One cold start: spawn, URL, page, first row painted; every time in ms from the spawn. */
async function sample(browser: Browser, cli: string, dir: string, config: string): Promise<Sample> {
  const t0 = epoch()
  const served = await startServe(cli, dir, config)
  const { child, url } = served
  try {
    const tUrl = epoch()
    const context = await browser.newContext({ viewport: { width: 1320, height: 860 }, bypassCSP: true })
    const page = await context.newPage()
    let firstPage = NaN
    let whole = NaN
    let cpuAtFirstPage = NaN
    page.on('response', (res) => {
      if (!res.url().includes('/api/articles.page')) return
      const args = res.request().postDataJSON() as { whole?: boolean }
      const at = epoch() - t0
      if (Number.isNaN(firstPage)) {
        firstPage = at
        cpuAtFirstPage = cpuOf(child.pid)
      }
      void res.json().then((body: { value?: { loading?: boolean } }) => {
        if (Number.isNaN(whole) && (args.whole || !body.value?.loading)) whole = at
      })
    })
    await page.goto(url, { waitUntil: 'commit' })
    let rows = NaN
    for (let waited = 0; waited < 120_000 && Number.isNaN(rows); waited += 100) {
      await sleep(100)
      if (Number.isNaN(firstPage)) continue
      const at = (await page.evaluate(FIRST_ROW_PAINT)) as number | null
      if (at === null) continue
      const origin = (await page.evaluate('performance.timeOrigin')) as number
      rows = origin + at - t0
    }
    for (let waited = 0; waited < 120_000 && Number.isNaN(whole); waited += 100) await sleep(100)
    await context.close()
    return { url: tUrl - t0, firstPage, rows, whole, cpuAtFirstPage }
  } finally {
    // The search index and the day's snapshot start once the archive is open: not waited for.
    await stopServe(served)
  }
}

/** Serves the archive until the library's head is on disk (the first open also records the buckets' trust). */
async function serveUntilHead(cli: string, dir: string, config: string): Promise<void> {
  const head = join(dir, 'catalog', '.head.json')
  const child = spawn(process.execPath, [cli, 'serve', '--archive', dir, '--connector-port', '0'], {
    stdio: 'ignore',
    env: { ...process.env, XDG_CONFIG_HOME: config },
  })
  try {
    for (let waited = 0; !existsSync(head); waited += 250) {
      if (waited > 300_000) throw new Error(`no head written in ${dir}`)
      await sleep(250)
    }
  } finally {
    child.kill('SIGKILL')
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)))
  }
}

async function main(): Promise<void> {
  const built = join(here, '..', 'out')
  const app = join(results, 'app')
  await rm(app, { recursive: true, force: true })
  await cp(built, join(app, 'out'), { recursive: true })
  const cli = join(app, 'out', 'cli', 'index.js')
  const sizes = values.sizes.split(',').map(Number)
  const reps = Number(values.reps)
  const browser = await chromium.launch(chromiumLaunch)
  const table: string[] = []
  log(`load ${loadavg()[0].toFixed(1)}`)
  try {
    for (const n of sizes) {
      const source = join(here, 'results', 'open-trust', `catalog-${n}`)
      if (!existsSync(join(source, 'done'))) throw new Error(`Run npx jiti bench/open-trust.ts first.`)
      const dir = join(results, `archive-${n}`)
      const config = join(results, `config-${n}`)
      if (!existsSync(join(dir, 'done'))) {
        await rm(dir, { recursive: true, force: true })
        await cp(source, dir, { recursive: true })
        await mkdir(config, { recursive: true })
      }
      const head = join(dir, 'catalog', '.head.json')
      // The first open checks and records every bucket under this machine's key, and writes the head.
      if (!existsSync(head)) await serveUntilHead(cli, dir, config)
      const by = { head: [] as Sample[], none: [] as Sample[] }
      const loadBefore = loadavg()[0]
      for (let i = 0; i < reps + 1; i++) {
        for (const mode of ['head', 'none'] as const) {
          if (mode === 'none') await rm(head, { force: true })
          else if (!existsSync(head)) throw new Error(`no head written for ${n} articles`)
          const s = await sample(browser, cli, dir, config)
          if (i > 0) by[mode].push(s)
          // The head is written again 2 s after the catalog has loaded: served until it is, unmeasured.
          if (mode === 'none') await serveUntilHead(cli, dir, config)
        }
      }
      const m = (xs: number[]) => summarize(xs)
      const f = (x: { median: number; p95: number }) => `${x.median.toFixed(0)} / ${x.p95.toFixed(0)}`
      for (const mode of ['head', 'none'] as const) {
        const s = by[mode]
        table.push(
          `| ${n.toLocaleString('en')} | ${mode === 'head' ? 'head' : 'no head'} | ${f(m(s.map((x) => x.url)))} | ${f(m(s.map((x) => x.firstPage)))} | ${f(m(s.map((x) => x.cpuAtFirstPage)))} | ${f(m(s.map((x) => x.rows)))} | ${f(m(s.map((x) => x.whole)))} | ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)} |`,
        )
      }
      const ratio = m(by.none.map((x) => x.rows)).median / m(by.head.map((x) => x.rows)).median
      log(`${n}: no head ÷ head, first rows: ${ratio.toFixed(2)}×`)
    }
  } finally {
    await browser.close()
  }
  console.log(
    [
      `| articles | | URL printed | first page answered | serve's CPU by then | first row painted | whole catalog in | load |`,
      `| --- | --- | --- | --- | --- | --- | --- | --- |`,
      ...table,
    ].join('\n'),
  )
}

await main()
