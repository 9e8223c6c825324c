// Bench (Node): the team sync measures #17 names, called from bench/run.ts (`npm run bench`): the time for a fresh
// archive to pull a team archive of N articles (10,000 at the full size; fewer at the small one), and for 100 new
// annotations to reach the other side (A's sync sends them, B's takes them in), repeated: median and p95. Through
// a real CouchDB-protocol server (pouchdb-server, in memory, on 127.0.0.1), each sync the built sync job
// (out/cli/sync-worker.js, from `npm run build`) as the app runs it. bench/sync.ts measures more, by hand.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Archive } from '../src/main/archive/archive'
import { nodeProcess } from '../src/main/jobs/job-process'
import { runSync } from '../src/main/sync/run-sync'
import type { Annotation } from '../src/shared/types'
import { startCouch } from '../test/sync/couch-server'
import type { Row } from './report'
import { ms } from './report'
import { summarize } from './stats'
import type { Summary } from './stats'

export type SyncBench = {
  articles: number
  /** A sends its N articles; a fresh archive B takes them in (one run each). */
  pushMs?: number
  pullMs?: number
  /** 100 new annotations in A until they are in B's archive: A's sync plus B's, each run. */
  hundred?: Summary
  skipped?: string
}

const TEXT =
  'The harbour plan costs 40 million euros, the council said on Tuesday, and the port 12 million more.'

function notes(articleId: string, from: number, count: number): Annotation[] {
  const start = TEXT.indexOf('council')
  return Array.from({ length: count }, (_, k) => ({
    id: `a${String(from + k).padStart(6, '0')}`,
    articleId,
    kind: 'highlight' as const,
    color: 'yellow',
    note: `note ${from + k}: check the council's figure against the budget`,
    tags: ['budget/harbour'],
    target: {
      quote: {
        type: 'TextQuoteSelector' as const,
        exact: 'council',
        prefix: TEXT.slice(0, start),
        suffix: TEXT.slice(start + 7),
      },
      position: { type: 'TextPositionSelector' as const, start, end: start + 7 },
    },
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, from + k)).toISOString(),
    updatedAt: '2026-01-01T00:00:00.000Z',
    creator: 'ann',
  }))
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const t = performance.now()
  await work()
  return performance.now() - t
}

export async function measureSync(options: {
  articles: number
  /** How many times 100 annotations are sent and taken in. */
  runs: number
  /** The built sync job. */
  worker: string
  log: (line: string) => void
}): Promise<SyncBench> {
  const { articles, runs, worker, log } = options
  if (!existsSync(worker))
    return { articles, skipped: `no ${worker}: run \`npm run build\` first for the sync measures` }
  const couch = await startCouch()
  const dirs = [
    await mkdtemp(join(tmpdir(), 'glossa-bench-sync-a-')),
    await mkdtemp(join(tmpdir(), 'glossa-bench-sync-b-')),
  ]
  try {
    const url = await couch.team('bench', { ann: 'pw-ann', rob: 'pw-rob' })
    const [a, b] = (await Promise.all(dirs.map((dir) => Archive.open(dir)))) as [Archive, Archive]
    const sync = (archive: Archive, user: 'ann' | 'rob') =>
      runSync(archive, { url, username: user, password: `pw-${user}` }, () => nodeProcess(worker))
    log(`  sync: writing ${articles} articles in A`)
    for (let i = 0; i < articles; i++)
      await a.createArticle({
        title: `Council report ${i}`,
        text: `${TEXT} Item ${i}: the harbour board met ${i % 28} times and spent ${i * 7} thousand euros.\n\n${TEXT.repeat(8)}`,
        tags: [`harbour/${i % 50}`],
      })
    await a.flush()
    const before = b.list().length
    log('  sync: A sends them, a fresh archive B pulls them')
    const pushMs = await timed(() => sync(a, 'ann'))
    const pullMs = await timed(() => sync(b, 'rob'))
    // B starts with the sample articles every archive has (the same as A's: not stored twice).
    if (b.list().length < articles)
      throw new Error(`B has ${b.list().length} articles (before ${before}), not ${articles}`)
    const article = await a.createArticle({ title: 'Harbour plan', text: TEXT, tags: [] })
    await sync(a, 'ann')
    await sync(b, 'rob')
    const samples: number[] = []
    for (let run = 0; run < runs; run++) {
      await a.changeAnnotations(article.id, (list) => list.push(...notes(article.id, run * 100, 100)))
      await a.flush()
      samples.push(await timed(async () => (await sync(a, 'ann'), await sync(b, 'rob'))))
      const there = (await b.readAnnotations(article.id)).length
      if (there !== (run + 1) * 100) throw new Error(`B has ${there} annotations, not ${(run + 1) * 100}`)
    }
    log(`  sync: 100 annotations A → B, ${runs} runs`)
    return { articles, pushMs, pullMs, hundred: summarize(samples) }
  } finally {
    await couch.stop()
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
  }
}

export function syncRows(r: SyncBench): Row[] {
  if (r.skipped) return [{ measure: 'Team sync', note: r.skipped }]
  return [
    {
      measure: `Sync: a fresh archive pulls ${r.articles.toLocaleString('en')} articles`,
      n: 1,
      median: ms(r.pullMs!),
      note: `one run; A sent them in ${ms(r.pushMs!)}`,
    },
    {
      measure: '100 new annotations reach the other side (A sends, B takes in)',
      n: r.hundred!.n,
      median: ms(r.hundred!.median),
      p95: ms(r.hundred!.p95),
      note: 'wall time of both syncs',
    },
  ]
}
