// Bench (Node): finding conflicting figures (src/shared/figures/conflicts.ts) at 1,000 to 100,000 tagged figures:
// `npx jiti bench/figures-conflicts.ts`. Seeded figures on 40 metrics, each over a period of up to two months
// somewhere in ten years, three to an article, from 200 sources: the Figures view's conflict list runs this on
// every figure in the archive. findConflicts makes every conflict; conflictsOf counts them all and makes the
// first 100 (what a list can show). Times are one run each (the largest takes seconds), with the load.
import { loadavg } from 'node:os'
import { createRng } from '../test/prng'
import { conflictsOf, findConflicts } from '../src/shared/figures/conflicts'
import type { FigureRecord } from '../src/shared/figures/conflicts'

const r = createRng(5)
const DAY = 86_400_000
const metrics = Array.from({ length: 40 }, (_, i) => `metric/${i}`)

function records(n: number): FigureRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const start = Date.UTC(2015, 0, 1) + r.int(0, 3650) * DAY
    const end = start + r.int(0, 60) * DAY
    const articleId = `a${Math.floor(i / 3)}`
    return {
      article: { id: articleId, title: `Article ${i}`, source: `Source ${r.int(1, 200)}` },
      annotation: {
        id: `f${i}`,
        articleId,
        kind: 'figure',
        color: 'yellow',
        note: '',
        tags: [],
        createdAt: '',
        updatedAt: '',
        target: { quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' } },
        figure: {
          value: r.int(1, 1000),
          metric: r.pick(metrics),
          periodStart: new Date(start).toISOString().slice(0, 10),
          periodEnd: new Date(end).toISOString().slice(0, 10),
        },
      },
    } as unknown as FigureRecord
  })
}

const ms = (work: () => unknown) => {
  const t = performance.now()
  work()
  return Math.round(performance.now() - t)
}
console.log(`load ${loadavg()[0].toFixed(1)}`)
console.log('| figures | conflicts | findConflicts (all made), ms | conflictsOf (100 made), ms |')
console.log('| --- | --- | --- | --- |')
for (const n of [1_000, 10_000, 30_000, 100_000]) {
  const list = records(n)
  const total = conflictsOf(list, 100).total
  const all = n <= 30_000 ? ms(() => findConflicts(list)) : NaN
  console.log(
    `| ${n.toLocaleString('en')} | ${total.toLocaleString('en')} | ${all} | ${ms(() => conflictsOf(list, 100))} |`,
  )
}
console.log(`load ${loadavg()[0].toFixed(1)}`)
