// Tests (Node): the Figures view's kept orders follow each save by moving the changed article's rows
// (figure-query.ts, figure-changes.ts), on a real archive on disk: after every kind of change — a value, metric
// or period edited, a figure added or removed, an article's last figure removed, an article deleted, a title
// changed — every kept order (filtered or not, each sort key, both ways, with many ties) is exactly what
// sorting the whole index again gives, and none was sorted again.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { filterFigures, sortFigures } from '../../shared/figures/table'
import type { FigureFilter, FigureSort } from '../../shared/figures/table'
import type { Annotation } from '../../shared/types'
import { serviceHarness } from '../../../test/service-harness'
import { sampleTarget } from '../../../test/temp-archive'
import { FigureIndex } from './figure-index'
import { FigureQueries } from './figure-query'

const TEXT = 'Officials counted 500 strikes in January.\n\nThe grid held at 70% of capacity.'
const METRICS = ['strikes', 'strikes/drones', 'grid', 'grid/share']

/** A small generator with a seed: the same steps at every run. */
function random(seed: number) {
  let s = seed
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648
    return s % n
  }
}

const ORDERS: [FigureFilter, FigureSort][] = [
  [{}, { key: 'period', dir: 1 }],
  [{}, { key: 'value', dir: -1 }],
  [{ metric: 'strikes' }, { key: 'period', dir: 1 }],
  [
    { metric: 'grid', min: 2 },
    { key: 'speaker', dir: 1 },
  ],
  [{}, { key: 'article', dir: -1 }],
  [{ text: 'utility' }, { key: 'metric', dir: 1 }],
]

describe('kept figure orders after a save', () => {
  it('are moved in step with every change, never sorted again, and equal a fresh sort', async () => {
    const h = await serviceHarness()
    const next = random(7)
    const figure = () => {
      const day = next(4)
      return {
        value: 1 + next(3),
        metric: METRICS[next(METRICS.length)],
        attributedTo: ['Utility', 'Ministry', 'Air force'][next(3)],
        // A quarter without a period: those sort last both ways.
        ...(day ? { periodStart: `2024-01-0${day}`, periodEnd: `2024-01-0${day + next(2)}` } : {}),
      }
    }
    const ids: string[] = []
    for (let i = 0; i < 10; i++) {
      const a = await h.call('articles.create', { title: `Report ${i % 3}`, text: `${TEXT} ${i}` })
      ids.push(a.id)
      for (let k = 0; k < 3; k++)
        await h.call('annotations.create', {
          articleId: a.id,
          target: sampleTarget(TEXT, '500'),
          figure: figure(),
        })
    }
    const index = FigureIndex.open(h.archive, { keyFile: join(h.dir, '..', `key-${Date.now()}`) })
    await index.ready
    const queries = new FigureQueries(index)
    const key = (list: { annotation: { id: string } }[]) => list.map((e) => e.annotation.id)
    const expectFresh = () => {
      for (const [filter, sort] of ORDERS)
        expect(key(queries.ordered(filter, sort))).toEqual(
          key(sortFigures(filterFigures(index.all(), filter), sort.key, sort.dir)),
        )
    }
    expectFresh()
    const sorted = queries.sorts
    expect(sorted).toBe(ORDERS.length)

    const edit = async (id: string, change: (list: Annotation[]) => void) => {
      const before = index.version
      await h.archive.changeAnnotations(id, change)
      while (index.version === before) await new Promise((r) => setTimeout(r, 2))
    }
    const waitFor = async (work: () => Promise<unknown>) => {
      const before = index.version
      await work()
      while (index.version === before) await new Promise((r) => setTimeout(r, 2))
    }
    // Articles still holding their three figures (or more): the edits pick among them.
    const full = [...ids]
    const any = () => full[next(full.length)]
    const steps: [string, () => Promise<void>][] = [
      ['a value', () => edit(any(), (l) => void (l[0].figure!.value = 1 + next(3)))],
      ['a metric', () => edit(any(), (l) => void (l[1].figure!.metric = METRICS[next(4)]))],
      ['a period', () => edit(any(), (l) => void (l[2].figure = { ...l[2].figure!, ...figure() }))],
      ['a figure removed', () => edit(full.pop()!, (l) => void l.splice(0, 1))],
      [
        'a figure added',
        () =>
          edit(ids[0], (l) => {
            const stamp = new Date().toISOString()
            l.push({
              ...l[0],
              id: `added-${next(1e6)}`,
              figure: figure(),
              createdAt: stamp,
              updatedAt: stamp,
            })
          }),
      ],
      ['an article’s last figures removed', () => edit(full.pop()!, (l) => void l.splice(0, l.length))],
      ['an article deleted', () => waitFor(() => h.call('articles.delete', { ids: [full.pop()!] }))],
      [
        'a title changed',
        () => waitFor(() => h.call('articles.update', { id: any(), title: `Report ${next(3)}` })),
      ],
    ]
    for (let round = 0; round < 3; round++)
      for (const [what, step] of steps) {
        await step()
        expect(queries.sorts, what).toBe(sorted)
        expectFresh()
      }
    // Two saves between two questions: both are taken in.
    await steps[0][1]()
    await steps[1][1]()
    expectFresh()
    expect(queries.sorts).toBe(sorted)
  })
})
