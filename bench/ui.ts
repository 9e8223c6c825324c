// Bench (Node + Chromium): `npm run bench:ui [-- --size small] [--json]`. Drives the built renderer in Debian's
// Chromium over browser mode (`glossa serve`) on the synthetic archive and times, inside the page: the first
// library rows on screen after navigation, and an article's 500 highlights in CSS.highlights after opening it.
import { chromium } from '@playwright/test'
import type { Browser, Page } from '@playwright/test'
import { existsSync } from 'node:fs'
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startServe } from '../e2e/serve-process'
import { chromiumLaunch } from '../playwright.config'
import { HIGHLIGHT_COLORS } from '../src/shared/schemas'
import { generateArchive, readManifest } from './generate'
import type { Row, TargetCheck } from './report'
import { ms, renderRows, renderTargets, summaryRow } from './report'
import { SIZES, benchPaths, projectRoot, resultsDir } from './sizes'
import type { SizeName } from './sizes'
import { summarize } from './stats'
import type { ApiTiming, PageState } from './ui-page'
import {
  AFTER_FRAME,
  BENCH_STATE,
  FIRST_ROW_PAINT,
  LIBRARY_SETTLED,
  READER_CODE_IN,
  apiTiming,
  highlightsPainted,
  openArticle,
  openOnFirstRows,
} from './ui-page'

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'full' },
    seed: { type: 'string', default: '1' },
    reps: { type: 'string', default: '20' },
    json: { type: 'boolean', default: false },
    dir: { type: 'string' },
  },
})
const log = (line: string) => process.stderr.write(`${line}\n`)
const WARMUP = 3
const BUILT = join(projectRoot, 'out')
// The run serves a private copy of the built app, so a rebuild of out/ during the run cannot change what is
// measured; node_modules still resolve from the project root above it.
const SNAPSHOT = join(resultsDir, 'app', 'out')
const CLI = join(SNAPSHOT, 'cli', 'index.js')

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A page in a browser context of its own, nothing loaded yet. */
async function blankPage(browser: Browser): Promise<Page> {
  // The app's CSP (script-src 'self') forbids the string predicates Playwright evaluates; bypassing it changes
  // nothing the page does, only lets the bench's probes run.
  const context = await browser.newContext({ viewport: { width: 1320, height: 860 }, bypassCSP: true })
  return context.newPage()
}

/** A new page with the library loaded, and the paint time of its first row (ms from navigation start). */
async function freshPage(browser: Browser, url: string): Promise<{ page: Page; rowsAt: number }> {
  const page = await blankPage(browser)
  // Waiting on the network, not in the page: no bench script runs there until the list has arrived and had time
  // to be drawn; then the first row's paint is read back from the browser's own timing.
  const listed = page.waitForResponse((r) => r.url().includes('/api/articles.page'), { timeout: 60_000 })
  await page.goto(url, { waitUntil: 'commit' })
  await listed
  for (let waited = 0; waited < 60_000; waited += 250) {
    await sleep(250)
    const rowsAt = (await page.evaluate(FIRST_ROW_PAINT)) as number | null
    if (rowsAt !== null) return { page, rowsAt }
  }
  throw new Error('The library showed no row within a minute.')
}

type LibrarySample = { rowsAt: number; listStart: number; listEnd: number; listBytes: number }
/** Times from opening the article; `readerIn`: when the reader's code had arrived, from the first row's paint. */
type ArticleSample = { painted: number; dataIn: number; readerIn: number }

async function libraryRun(browser: Browser, url: string): Promise<LibrarySample> {
  const { page, rowsAt } = await freshPage(browser, url)
  const list = (await page.evaluate(apiTiming('articles.page'))) as ApiTiming
  await page.context().close()
  return {
    rowsAt,
    listStart: list?.start ?? NaN,
    listEnd: list?.end ?? NaN,
    listBytes: list?.bytes ?? 0,
  }
}

/**
 * Opens the long read and times it until its highlights are drawn. `settled`: from a library that has finished
 * loading (the target's case); otherwise the moment the first rows are drawn, with the reader's code still on
 * its way (a worst case: no click comes that fast).
 */
async function articleRun(
  browser: Browser,
  url: string,
  id: string,
  count: number,
  settled: boolean,
): Promise<ArticleSample> {
  let page: Page
  let readerIn = NaN
  if (settled) {
    const fresh = await freshPage(browser, url)
    page = fresh.page
    await page.waitForFunction(LIBRARY_SETTLED, null, { timeout: 30_000 })
    readerIn = ((await page.evaluate(READER_CODE_IN)) as number) - fresh.rowsAt
    await page.evaluate(AFTER_FRAME)
    await page.evaluate(openArticle(id))
  } else {
    page = await blankPage(browser)
    await page.addInitScript({ content: openOnFirstRows(id) })
    // No probe polls the page until the article's annotations have arrived (the script installed above, which
    // opens it, is the only one in the page before then).
    const opened = page.waitForResponse((r) => r.url().includes('/api/annotations.list'), { timeout: 60_000 })
    await page.goto(url, { waitUntil: 'commit' })
    await opened
  }
  await page.waitForFunction(highlightsPainted(HIGHLIGHT_COLORS, count), null, {
    polling: 'raf',
    timeout: 30_000,
  })
  const state = (await page.evaluate(BENCH_STATE)) as PageState
  const timings = await Promise.all(
    ['articles.get', 'annotations.list'].map((m) => page.evaluate(apiTiming(m))),
  )
  await page.context().close()
  const t0 = state.t0 ?? NaN
  const dataIn = Math.max(...timings.map((t) => (t as ApiTiming)?.end ?? NaN))
  return { painted: (state.paintedAt ?? NaN) - t0, dataIn: dataIn - t0, readerIn }
}

/** Copies out/ aside, retrying while a concurrent build leaves it without the script its page loads. */
async function snapshotApp(): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    await rm(SNAPSHOT, { recursive: true, force: true })
    if (existsSync(join(BUILT, 'cli', 'index.js'))) {
      await cp(BUILT, SNAPSHOT, { recursive: true })
      const page = await readFile(join(SNAPSHOT, 'renderer', 'index.html'), 'utf8').catch(() => '')
      const script = /src="\.?\/(assets\/[^"]+\.js)"/.exec(page)?.[1]
      if (script && existsSync(join(SNAPSHOT, 'renderer', script))) return
    }
    await new Promise((resolve) => setTimeout(resolve, 3000))
  }
  throw new Error('out/ has no complete build of the app: run `npm run build` first.')
}

async function main(): Promise<void> {
  if (values.size !== 'full' && values.size !== 'small') throw new Error('--size is full or small.')
  await snapshotApp()
  const size = SIZES[values.size as SizeName]
  const seed = Number(values.seed)
  const reps = Number(values.reps)
  const paths = benchPaths(size.name, seed, values.dir)
  let manifest = await readManifest(paths)
  if (!manifest) {
    log(`Generating a ${size.name} archive in ${paths.root}`)
    manifest = await generateArchive(paths, size, seed, log)
  }
  const server = await startServe(CLI, paths.archive, 60_000)
  const browser = await chromium.launch(chromiumLaunch)
  try {
    log(`Library first render: ${reps} page loads (+${WARMUP} warm-up)`)
    const library: LibrarySample[] = []
    for (let i = 0; i < WARMUP + reps; i++) {
      const sample = await libraryRun(browser, server.url)
      if (i >= WARMUP) library.push(sample)
    }
    const articleRuns = async (settled: boolean): Promise<ArticleSample[]> => {
      const how = settled ? 'from a settled library' : 'as soon as the first rows are drawn'
      log(`Article with ${size.longReadHighlights} highlights, ${how}: ${reps} opens (+${WARMUP} warm-up)`)
      const samples: ArticleSample[] = []
      for (let i = 0; i < WARMUP + reps; i++) {
        const sample = await articleRun(
          browser,
          server.url,
          manifest.longReadId,
          size.longReadHighlights,
          settled,
        )
        if (i >= WARMUP) samples.push(sample)
      }
      return samples
    }
    const article = await articleRuns(true)
    const articleEarly = await articleRuns(false)
    await report({
      size: size.name,
      articles: manifest.articles,
      highlights: size.longReadHighlights,
      library,
      article,
      articleEarly,
    })
  } finally {
    await browser.close()
    server.child.kill('SIGTERM')
  }
}

async function report(raw: {
  size: string
  articles: number
  highlights: number
  library: LibrarySample[]
  article: ArticleSample[]
  articleEarly: ArticleSample[]
}): Promise<void> {
  const figures = {
    library: {
      firstRows: summarize(raw.library.map((s) => s.rowsAt)),
      listRequest: summarize(raw.library.map((s) => s.listStart)),
      listResponse: summarize(raw.library.map((s) => s.listEnd)),
      renderAfterList: summarize(raw.library.map((s) => s.rowsAt - s.listEnd)),
      listKB: Math.round(raw.library[0].listBytes / 1024),
    },
    article: {
      painted: summarize(raw.article.map((s) => s.painted)),
      dataIn: summarize(raw.article.map((s) => s.dataIn)),
      paintAfterData: summarize(raw.article.map((s) => s.painted - s.dataIn)),
      readerIn: summarize(raw.article.map((s) => s.readerIn)),
    },
    articleEarly: {
      painted: summarize(raw.articleEarly.map((s) => s.painted)),
      dataIn: summarize(raw.articleEarly.map((s) => s.dataIn)),
    },
  }
  const rows: Row[] = [
    summaryRow(
      `library of ${raw.articles}: first rows on screen`,
      figures.library.firstRows,
      'painted (Element Timing), from navigation start',
    ),
    summaryRow('   … first page (articles.page) requested', figures.library.listRequest),
    summaryRow('   … first page answered', figures.library.listResponse, `${figures.library.listKB} KB JSON`),
    summaryRow('   … rows on screen after the list arrived', figures.library.renderAfterList),
    summaryRow(
      `article with ${raw.highlights} highlights: painted`,
      figures.article.painted,
      'from opening it, library settled',
    ),
    summaryRow('   … article + annotations answered', figures.article.dataIn),
    summaryRow('   … painted after the data arrived', figures.article.paintAfterData),
    summaryRow(
      "   … before opening: the reader's code in",
      figures.article.readerIn,
      'after the first rows were painted',
    ),
    summaryRow(
      '   … opened as the first rows are drawn',
      figures.articleEarly.painted,
      "worst case: the reader's code still loading",
    ),
    summaryRow('      … article + annotations answered', figures.articleEarly.dataIn),
  ]
  const targets: TargetCheck[] = [
    {
      target: `article with ${raw.highlights} highlights painted < 150 ms (median, settled library)`,
      value: ms(figures.article.painted.median),
      pass: figures.article.painted.median < 150,
    },
    {
      target: `library of ${raw.articles} rendered < 300 ms (median, from navigation)`,
      value: ms(figures.library.firstRows.median),
      pass: figures.library.firstRows.median < 300,
    },
  ]
  const result = { size: raw.size, date: new Date().toISOString(), figures, targets }
  await mkdir(resultsDir, { recursive: true })
  await writeFile(join(resultsDir, `bench-ui-${raw.size}.json`), JSON.stringify(result, null, 2))
  if (values.json) return void process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
  console.log(`\nGlossa renderer bench — ${raw.size}, Chromium ${chromiumLaunch.executablePath}\n`)
  console.log(renderRows(rows))
  console.log(`\n${renderTargets(targets)}`)
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err))
  process.exitCode = 1
})
