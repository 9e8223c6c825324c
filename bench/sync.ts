// Bench (Node), run by hand: `npm run bench:sync [-- --runs 3] [--json] [--articles N]` (that is `jiti bench/sync.ts`, after
// `npm run build`: it runs the built sync job, out/cli/sync-worker.js, as the app does). Team sync through a real
// CouchDB-protocol server (pouchdb-server, in memory, on 127.0.0.1): two fresh archives A and B, each sync a job
// process. Measured, wall time, the median of --runs:
//   one way   — 1,000 new annotations in A: A's sync sends them, B's sync takes them in;
//   both ways — 1,000 new in each: A sends, B sends and takes A's, A takes B's (three syncs);
//   100 later — 100 more in A once all that is synced: A sends, B takes in.
// The ratios say how the work grows: both-ways over one-way (2.0 if it only doubles), and 1,000 over 100 (10 if
// a sync costs only its documents; less when each sync's fixed costs — the job process, reading the archive,
// the replication's round trips — weigh). The load average and core count are printed beside the times.
// `--articles N` measures instead, once, a fresh archive pulling an archive of N articles (A sends, B takes in).
import { mkdtemp, rm } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { Archive } from '../src/main/archive/archive'
import { nodeProcess } from '../src/main/jobs/job-process'
import { runSync } from '../src/main/sync/run-sync'
import type { Annotation } from '../src/shared/types'
import { startCouch } from '../test/sync/couch-server'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
    /** Instead: a fresh archive pulls an archive of this many articles (one run). */
    articles: { type: 'string' },
  },
})
const RUNS = Math.max(1, Number(values.runs))
const WORKER = resolve('out/cli/sync-worker.js')
const TEXT =
  'The harbour plan costs 40 million euros, the council said on Tuesday, and the port 12 million more.'

function notes(articleId: string, side: string, from: number, count: number): Annotation[] {
  const start = TEXT.indexOf('council')
  return Array.from({ length: count }, (_, k) => {
    const i = from + k
    return {
      id: `${side}${String(i).padStart(6, '0')}`,
      articleId,
      kind: 'highlight',
      color: 'yellow',
      note: `${side} note ${i}: check the council's figure against the budget`,
      tags: ['budget/harbour'],
      target: {
        quote: {
          type: 'TextQuoteSelector',
          exact: 'council',
          prefix: TEXT.slice(0, start),
          suffix: TEXT.slice(start + 7),
        },
        position: { type: 'TextPositionSelector', start, end: start + 7 },
      },
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, i)).toISOString(),
      updatedAt: '2026-01-01T00:00:00.000Z',
      creator: side === 'a' ? 'ann' : 'rob',
    }
  })
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!

async function timed(work: () => Promise<unknown>): Promise<number> {
  const t = performance.now()
  await work()
  return performance.now() - t
}

async function once(couch: Awaited<ReturnType<typeof startCouch>>, run: number) {
  const url = await couch.team(`bench${run}`, { ann: 'pw-ann', rob: 'pw-rob' })
  const dirs = [
    await mkdtemp(join(tmpdir(), 'glossa-bench-a-')),
    await mkdtemp(join(tmpdir(), 'glossa-bench-b-')),
  ]
  try {
    const [a, b] = await Promise.all(dirs.map((dir) => Archive.open(dir)))
    const sync = (archive: Archive, user: 'ann' | 'rob') =>
      runSync(archive, { url, username: user, password: `pw-${user}` }, () => nodeProcess(WORKER))
    const article = await a!.createArticle({ title: 'Harbour plan', text: TEXT, tags: [] })
    await sync(a!, 'ann')
    await sync(b!, 'rob')

    await a!.changeAnnotations(article.id, (list) => list.push(...notes(article.id, 'a', 0, 1000)))
    await a!.flush()
    const oneWay = { send: await timed(() => sync(a!, 'ann')), take: await timed(() => sync(b!, 'rob')) }

    await a!.changeAnnotations(article.id, (list) => list.push(...notes(article.id, 'a', 1000, 1000)))
    await b!.changeAnnotations(article.id, (list) => list.push(...notes(article.id, 'b', 0, 1000)))
    await Promise.all([a!.flush(), b!.flush()])
    const bothWays = [
      await timed(() => sync(a!, 'ann')),
      await timed(() => sync(b!, 'rob')),
      await timed(() => sync(a!, 'ann')),
    ]
    const total = (await a!.readAnnotations(article.id)).length
    if (total !== 3000 || (await b!.readAnnotations(article.id)).length !== 3000)
      throw new Error(`the archives did not converge (${total} annotations in A)`)

    await a!.changeAnnotations(article.id, (list) => list.push(...notes(article.id, 'a', 5000, 100)))
    await a!.flush()
    const hundred = { send: await timed(() => sync(a!, 'ann')), take: await timed(() => sync(b!, 'rob')) }
    return { oneWay, bothWays, hundred }
  } finally {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
  }
}

/** A fresh archive B pulls A's N articles (each a few paragraphs of its own): A's push, then B's pull. */
async function pullArchive(n: number) {
  const loadBefore = loadavg()
  const couch = await startCouch()
  const dirs = [
    await mkdtemp(join(tmpdir(), 'glossa-bench-a-')),
    await mkdtemp(join(tmpdir(), 'glossa-bench-b-')),
  ]
  try {
    const url = await couch.team('pull', { ann: 'pw-ann', rob: 'pw-rob' })
    const [a, b] = await Promise.all(dirs.map((dir) => Archive.open(dir)))
    for (let i = 0; i < n; i++)
      await a!.createArticle({
        title: `Council report ${i}`,
        text: `${TEXT} Item ${i}: the harbour board met ${i % 28} times and spent ${i * 7} thousand euros.\n\n${TEXT.repeat(8)}`,
        tags: [`harbour/${i % 50}`],
      })
    await a!.flush()
    const sync = (archive: Archive, user: 'ann' | 'rob') =>
      runSync(archive, { url, username: user, password: `pw-${user}` }, () => nodeProcess(WORKER))
    const push = await timed(() => sync(a!, 'ann'))
    const pull = await timed(() => sync(b!, 'rob'))
    if (b!.list().length !== n) throw new Error(`B has ${b!.list().length} articles, not ${n}`)
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
    console.log(
      `${n} articles: A sends them in ${s(push)}, a fresh archive pulls them in ${s(pull)} ` +
        `(${cpus().length} cores, load ${loadBefore.map((l) => l.toFixed(2)).join(' ')} → ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')})`,
    )
  } finally {
    await couch.stop()
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
  }
}

async function main() {
  if (values.articles) return pullArchive(Number(values.articles))
  const loadBefore = loadavg()
  const couch = await startCouch()
  const results = []
  try {
    for (let run = 0; run < RUNS; run++) results.push(await once(couch, run))
  } finally {
    await couch.stop()
  }
  const oneWay = median(results.map((r) => r.oneWay.send + r.oneWay.take))
  const bothWays = median(results.map((r) => r.bothWays.reduce((x, y) => x + y, 0)))
  const hundred = median(results.map((r) => r.hundred.send + r.hundred.take))
  const summary = {
    runs: RUNS,
    cores: cpus().length,
    load: { before: loadBefore.map((l) => +l.toFixed(2)), after: loadavg().map((l) => +l.toFixed(2)) },
    ms: {
      oneWay1000: {
        send: median(results.map((r) => r.oneWay.send)),
        take: median(results.map((r) => r.oneWay.take)),
        total: oneWay,
      },
      bothWays1000: { syncs: results.map((r) => r.bothWays.map(Math.round)), total: bothWays },
      later100: {
        send: median(results.map((r) => r.hundred.send)),
        take: median(results.map((r) => r.hundred.take)),
        total: hundred,
      },
    },
    ratios: {
      bothWaysOverOneWay: +(bothWays / oneWay).toFixed(2),
      thousandOverHundred: +(oneWay / hundred).toFixed(2),
    },
  }
  if (values.json) return console.log(JSON.stringify(summary, null, 2))
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
  console.log(
    `sync bench: ${RUNS} run(s), ${summary.cores} cores, load ${summary.load.before.join(' ')} → ${summary.load.after.join(' ')}`,
  )
  console.log(
    `1,000 annotations one way:  send ${s(summary.ms.oneWay1000.send)}, take in ${s(summary.ms.oneWay1000.take)}, total ${s(oneWay)}`,
  )
  console.log(
    `1,000 each, both ways:      three syncs ${s(bothWays)} (both ways / one way ${summary.ratios.bothWaysOverOneWay})`,
  )
  console.log(
    `100 more, one way:          send ${s(summary.ms.later100.send)}, take in ${s(summary.ms.later100.take)}, total ${s(hundred)} (1,000 / 100 ${summary.ratios.thousandOverHundred})`,
  )
}

await main()
