// Bench (Node): the Figures view paged from main (figures.page over the figures index, src/main/figures/) at
// 1,000, 10,000 and 100,000 tagged figures: `npx jiti bench/figures-pages.ts [--sizes 1000,10000,100000]`.
// Archives are written with the real archive code (createArticle, changeAnnotations), five figures to an article
// on 40 metrics under 8 parents, 200 sources, periods over ten years, and cached in bench/results/figures/.
// Measured through the service (dispatch, as both transports call it), each "cold" case on a fresh Archive and
// service over the folder (the OS file cache warm): the first page with no saved index (built from every
// annotations file), the first page from the saved index's head, a filter by a metric right after (from the
// saved index's pages since the eighth session; before, the whole index read),
// then its background check; and warm: the first page
// again, after one save, filtered by a metric, sorted by value and by article, a page further down, facets,
// conflicts and the chart's series. Wall time with CPU time beside it; the load is printed before and after.
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { describe as describeTarget } from '../src/shared/anchoring'
import { dispatch } from '../src/shared/dispatch'
import type { Annotation } from '../src/shared/types'
import { Archive } from '../src/main/archive/archive'
import { newId } from '../src/main/archive/ids'
import { FigureIndex, setFigureIndexKey } from '../src/main/figures/figure-index'
import { FIGURES_INDEX_FILE } from '../src/main/figures/index-file'
import { createService } from '../src/main/service'
import { createRandom } from './random'
import { summarize } from './stats'

const ROOT = join(__dirname, 'results', 'figures')
const KEY = join(ROOT, 'trust.key')
const PER_ARTICLE = 5
const GENERATOR = 1
const PARENTS = ['strikes', 'drones', 'grid', 'grain', 'budget', 'casualties', 'shelters', 'exports']
const METRICS = PARENTS.flatMap((p) =>
  ['launched', 'repelled', 'share', 'tonnes', 'total'].map((c) => `${p}/${c}`),
)
const DAY = 86_400_000

const arg = (name: string) => {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : undefined
}
const SIZES = (arg('--sizes') ?? '1000,10000,100000').split(',').map(Number)
const REPEAT = Number(arg('--repeat') ?? 15)

async function generate(dir: string, figures: number): Promise<void> {
  const marker = join(dir, 'bench-figures.json')
  const made = await readFile(marker, 'utf8').then(
    (t) => JSON.parse(t) as { generator: number; figures: number },
    () => null,
  )
  if (made?.generator === GENERATOR && made.figures === figures) return
  const started = performance.now()
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  const archive = await Archive.open(dir)
  const r = createRandom(figures)
  const articles = Math.ceil(figures / PER_ARTICLE)
  let next = 0
  const one = async (i: number) => {
    const values = Array.from({ length: PER_ARTICLE }, () => r.int(1, 5000))
    const text =
      `Report ${i}. ` +
      values.map((v, k) => `Officials in district ${k} counted ${v} over the period under review.`).join(' ')
    const meta = await archive.createArticle({
      title: `Report ${i}: ${PARENTS[i % PARENTS.length]} figures from the region`,
      text,
      source: `Source ${r.int(1, 200)}`,
      publishedAt: new Date(Date.UTC(2015, 0, 1) + r.int(0, 3650) * DAY).toISOString().slice(0, 10),
      tags: [],
    })
    const stamp = new Date().toISOString()
    const list: Annotation[] = values.map((value, k) => {
      const start = text.indexOf(` ${value} over`, text.indexOf(`district ${k}`)) + 1
      const from = Date.UTC(2015, 0, 1) + r.int(0, 3650) * DAY
      return {
        id: newId(),
        articleId: meta.id,
        kind: 'figure',
        color: 'yellow',
        note: '',
        tags: r.chance(0.2) ? ['checked'] : [],
        target: describeTarget(text, start, start + String(value).length),
        figure: {
          value,
          metric: METRICS[r.int(0, METRICS.length - 1)],
          periodStart: new Date(from).toISOString().slice(0, 10),
          periodEnd: new Date(from + r.int(0, 60) * DAY).toISOString().slice(0, 10),
          attributedTo: `Speaker ${r.int(1, 100)}`,
        },
        createdAt: stamp,
        updatedAt: stamp,
      }
    })
    await archive.changeAnnotations(meta.id, (l) => void l.push(...list))
  }
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < articles) {
        const i = next++
        await one(i)
        if ((i + 1) % 2000 === 0) console.log(`  ${i + 1}/${articles} articles`)
      }
    }),
  )
  await archive.flush()
  await writeFile(marker, JSON.stringify({ generator: GENERATOR, figures }))
  console.log(`  generated ${figures} figures in ${((performance.now() - started) / 1000).toFixed(0)} s`)
}

async function service(dir: string) {
  const archive = await Archive.open(dir)
  setFigureIndexKey(archive, KEY)
  const handlers = createService({ archive, version: 'bench' })
  const call = async (method: string, args: unknown) => {
    const result = await dispatch(handlers, method, args)
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
    return result.value as Record<string, unknown> & { status?: { state: string } }
  }
  return { archive, call }
}

/** Wall and CPU milliseconds of `work`. */
async function measure<T>(work: () => Promise<T>): Promise<{ ms: number; cpu: number; value: T }> {
  const cpu = process.cpuUsage()
  const t = performance.now()
  const value = await work()
  const used = process.cpuUsage(cpu)
  return { ms: performance.now() - t, cpu: (used.user + used.system) / 1000, value }
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2))
const rows: string[][] = []
function report(size: number, what: string, samples: { ms: number; cpu: number }[]): void {
  const wall = summarize(samples.map((s) => s.ms))
  const cpu = summarize(samples.map((s) => s.cpu))
  rows.push([size.toLocaleString('en'), what, `${fmt(wall.median)} / ${fmt(wall.p95)}`, fmt(cpu.median)])
  console.log(
    `${size} ${what}: median ${fmt(wall.median)} ms, p95 ${fmt(wall.p95)} ms, cpu ${fmt(cpu.median)} ms`,
  )
}

const FIRST = { offset: 0, limit: 300 }

async function bench(size: number): Promise<void> {
  const dir = join(ROOT, `figures-${size}`)
  await generate(dir, size)
  const indexFile = join(dir, FIGURES_INDEX_FILE)

  // Cold, no saved index: the index is built from every annotations file (first answer waits up to 1 s).
  const built: { ms: number; cpu: number }[] = []
  const firstAnswer: { ms: number; cpu: number }[] = []
  for (let i = 0; i < 2; i++) {
    await rm(indexFile, { force: true })
    const s = await service(dir)
    firstAnswer.push(await measure(() => s.call('figures.page', FIRST)))
    built.push(
      await measure(async () => {
        for (;;) {
          const st = (await s.call('figures.status', {})) as { state: string }
          if (st.state === 'ready') return
          await new Promise((r) => setTimeout(r, 20))
        }
      }),
    )
    built[i].ms += firstAnswer[i].ms
    built[i].cpu += firstAnswer[i].cpu
  }
  report(size, 'no saved index: first answer (partial while building)', firstAnswer)
  report(size, 'no saved index: index built, complete', built)
  {
    const archive = await Archive.open(dir)
    const index = FigureIndex.open(archive, { keyFile: KEY })
    await index.ready
    await index.save()
  }
  const bytes = (await stat(indexFile)).size

  // Cold from the saved index: the first page, then the background check against the files.
  const cold: { ms: number; cpu: number }[] = []
  const checked: { ms: number; cpu: number }[] = []
  const coldFilter: { ms: number; cpu: number }[] = []
  let pageBytes = 0
  for (let i = 0; i < 5; i++) {
    const s = await service(dir)
    const first = await measure(() => s.call('figures.page', FIRST))
    if (first.value.status?.state === 'building') throw new Error('the saved index was not used')
    cold.push(first)
    pageBytes = JSON.stringify(first.value).length
    // Filtered by a metric right after: from the saved pages (line 3 and the metric's page), not the body.
    coldFilter.push(await measure(() => s.call('figures.page', { ...FIRST, filter: { metric: 'grid' } })))
    checked.push(
      await measure(async () => {
        for (;;) {
          const st = (await s.call('figures.status', {})) as { state: string }
          if (st.state === 'ready') return
          await new Promise((r) => setTimeout(r, 20))
        }
      }),
    )
  }
  report(size, 'saved index: first page (300 rows), cold (from its head)', cold)
  report(size, 'saved index: then filter by a metric (its saved page)', coldFilter)
  report(size, 'saved index: background check until complete', checked)

  // Warm.
  const s = await service(dir)
  await s.call('figures.page', FIRST)
  for (;;) {
    const st = (await s.call('figures.status', {})) as { state: string }
    if (st.state === 'ready') break
    await new Promise((r) => setTimeout(r, 20))
  }
  const runs = async (what: string, work: (i: number) => Promise<unknown>) => {
    const samples: { ms: number; cpu: number }[] = []
    await work(-1)
    for (let i = 0; i < REPEAT; i++) samples.push(await measure(() => work(i)))
    report(size, what, samples)
  }
  await runs('warm: first page again', () => s.call('figures.page', FIRST))
  await runs('warm: page 100 rows at the middle', () =>
    s.call('figures.page', { offset: Math.floor(size / 2), limit: 100 }),
  )
  // A different metric each time: nothing kept from an earlier answer.
  await runs('filter by a metric (a parent: 5 metrics), first page', (i) =>
    s.call('figures.page', { ...FIRST, filter: { metric: PARENTS[(i + 8) % PARENTS.length], min: i + 2 } }),
  )
  await runs('filter by text ("speaker 4"), first page', (i) =>
    s.call('figures.page', { ...FIRST, filter: { text: `speaker 4${i % 10}` } }),
  )
  // One save first: the index moves on, so each sort starts from nothing.
  const ids = s.archive.list().map((a) => a.id)
  const version = async () => ((await s.call('figures.status', {})) as { version: number }).version
  const touch = async (i: number) => {
    const before = await version()
    const id = ids[((i + 1) * 7) % ids.length]
    const list = await s.archive.listAnnotations(id)
    await s.archive.changeAnnotations(id, (l) => {
      const f = l.find((n) => n.id === list[0].id)!
      f.note = `seen ${i}`
    })
    // The index reads the article again after the change is announced: wait until it has.
    while ((await version()) === before) await new Promise((r) => setTimeout(r, 2))
  }
  const afterSave = async (i: number, work: () => Promise<unknown>) => {
    await touch(i)
    return measure(work)
  }
  for (const [what, sort] of [
    ['after a save: first page, by period (default)', undefined],
    ['after a save: sort by value', { key: 'value', dir: -1 }],
    ['after a save: sort by article title', { key: 'article', dir: 1 }],
  ] as const) {
    const samples: { ms: number; cpu: number }[] = []
    for (let i = 0; i < Math.min(REPEAT, 8); i++)
      samples.push(await afterSave(i, () => s.call('figures.page', { ...FIRST, ...(sort ? { sort } : {}) })))
    report(size, what, samples)
  }
  await runs('facets (filter lists with counts), after a save', async (i) => {
    if (i >= 0) await touch(i)
    return s.call('figures.facets', {})
  })
  await runs('conflicts of one metric, first 100', (i) =>
    s.call('figures.conflicts', { metric: METRICS[(i + 40) % METRICS.length] }),
  )
  await runs('series of one metric (chart)', (i) =>
    s.call('figures.series', { metric: METRICS[(i + 40) % METRICS.length] }),
  )
  console.log(
    `${size}: index file ${(bytes / 1024 / 1024).toFixed(1)} MB, first page ${(pageBytes / 1024).toFixed(0)} KB of JSON, heap ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB`,
  )
  await s.archive.flush()
}

async function main() {
  await mkdir(ROOT, { recursive: true })
  console.log(
    `load before ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  )
  for (const size of SIZES) await bench(size)
  console.log(
    `load after ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  )
  console.log('\n| figures | measure | wall ms, median / p95 | CPU ms, median |')
  console.log('| ---: | --- | ---: | ---: |')
  for (const r of rows) console.log(`| ${r.join(' | ')} |`)
}

void main()
