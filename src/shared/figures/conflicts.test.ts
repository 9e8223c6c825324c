import { describe, expect, it } from 'vitest'
import type { Figure } from '../types'
import { createRng } from '../../../test/prng'
import { conflictsOf, findConflicts, seriesFor } from './conflicts'
import type { FigureRecord } from './conflicts'

let n = 0
function record(articleId: string, figure: Figure, source = `Source ${articleId}`): FigureRecord {
  n++
  const target = {
    quote: { type: 'TextQuoteSelector' as const, exact: String(figure.value), prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector' as const, start: 0, end: 3 },
  }
  return {
    article: { id: articleId, title: `Article ${articleId}`, source },
    annotation: {
      id: `ann${n}`,
      articleId,
      kind: 'figure',
      color: 'yellow',
      note: '',
      tags: [],
      target,
      figure,
      createdAt: '',
      updatedAt: '',
    },
  }
}

const week = { periodStart: '2024-01-01', periodEnd: '2024-01-07' }

describe('findConflicts', () => {
  it.each([
    [
      'different values, overlapping periods, different articles',
      [
        { value: 520, ...week },
        { value: 480, periodStart: '2024-01-05', periodEnd: '2024-01-10' },
      ],
      1,
    ],
    [
      'same value agrees',
      [
        { value: 520, ...week },
        { value: 520, ...week },
      ],
      0,
    ],
    [
      'a range containing the other value agrees',
      [
        { value: 400, max: 500, ...week },
        { value: 450, ...week },
      ],
      0,
    ],
    [
      'periods that do not overlap are a series, not a conflict',
      [
        { value: 520, ...week },
        { value: 480, periodStart: '2024-01-08', periodEnd: '2024-01-14' },
      ],
      0,
    ],
    ['a figure without a period cannot be compared', [{ value: 520, ...week }, { value: 480 }], 0],
    [
      'a share and a count never conflict',
      [
        { value: 70, unit: '%', ...week },
        { value: 480, ...week },
      ],
      0,
    ],
    [
      'different currencies never conflict',
      [
        { value: 5, unit: 'USD', ...week },
        { value: 4, unit: 'EUR', ...week },
      ],
      0,
    ],
  ])('%s', (_name, figures, expected) => {
    const records = (figures as Figure[]).map((f, i) =>
      record(`art${i}`, { metric: 'drones/launched', ...f }),
    )
    expect(findConflicts(records)).toHaveLength(expected)
  })

  it('compares only within one metric', () => {
    const records = [
      record('a1', { value: 520, metric: 'drones/launched', ...week }),
      record('a2', { value: 480, metric: 'drones/downed', ...week }),
    ]
    expect(findConflicts(records)).toEqual([])
  })

  it('two speakers in one article can conflict; one speaker repeating within an article does not', () => {
    const a = record('same', { value: 520, metric: 'm', attributedTo: 'Air force', ...week })
    const b = record('same', { value: 480, metric: 'm', attributedTo: 'Ministry', ...week })
    const c = record('same', { value: 500, metric: 'm', attributedTo: 'Air force', ...week })
    const found = findConflicts([a, b, c])
    expect(found.map((x) => [x.a.annotation.id, x.b.annotation.id])).toEqual([
      [a.annotation.id, b.annotation.id],
      [b.annotation.id, c.annotation.id],
    ])
    expect(found[0].reason).toBe('520 (Air force) vs 480 (Ministry) over overlapping periods')
  })
})

describe('seriesFor', () => {
  it('draws each figure across its period, in date order, with its speaker and source', () => {
    const records = [
      record('b', { value: 480, metric: 'm', periodStart: '2024-02-01', periodEnd: '2024-02-29' }, 'Wire B'),
      record('a', { value: 520, metric: 'm', ...week, attributedTo: 'Air force' }, 'Wire A'),
      record('c', { value: 1, metric: 'other', ...week }),
    ]
    expect(seriesFor(records, 'm').map((p) => [p.start, p.end, p.value, p.speaker, p.source])).toEqual([
      ['2024-01-01', '2024-01-07', 520, 'Air force', 'Wire A'],
      ['2024-02-01', '2024-02-29', 480, 'Wire B', 'Wire B'],
    ])
  })

  it('marks one-day periods, ranges, open ends, and figures dated only by their article', () => {
    const dated = record('d', { value: 9, metric: 'm', qualifier: 'up to' })
    dated.article.publishedAt = '2024-03-05T10:00:00Z'
    const records = [
      record('a', { value: 50, metric: 'm', qualifier: 'more than', periodStart: '2024-01-02' }),
      record('b', { value: 10, max: 20, metric: 'm', ...week }),
      record('c', { value: 3, metric: 'm' }),
      dated,
    ]
    expect(seriesFor(records, 'm').map((p) => [p.start, p.end, p.dated, p.value, p.max, p.openEnd])).toEqual([
      ['2024-01-01', '2024-01-07', 'period', 10, 20, undefined],
      ['2024-01-02', '2024-01-02', 'period', 50, undefined, 'above'],
      ['2024-03-05', '2024-03-05', 'article', 9, undefined, 'below'],
    ])
  })
})

describe('findConflicts at scale', () => {
  /** The pairwise comparison findConflicts made before the sweep: the reference for what it must find. */
  function reference(records: FigureRecord[]): [string, string, string][] {
    const DAY = 86_400_000
    const period = (f: Figure): [number, number] | null => {
      if (!f.periodStart) return null
      const start = Date.parse(f.periodStart.slice(0, 10))
      const end = Date.parse((f.periodEnd ?? f.periodStart).slice(0, 10))
      if (Number.isNaN(start) || Number.isNaN(end)) return null
      return [Math.floor(start / DAY), Math.floor(Math.max(start, end) / DAY)]
    }
    const kind = (u?: string) => (u === '%' ? 'share' : u && /^[A-Z]{3}$/.test(u) ? `money:${u}` : 'count')
    const who = (r: FigureRecord) => (r.annotation.figure.attributedTo ?? '').trim().toLowerCase()
    const byMetric = new Map<string, FigureRecord[]>()
    for (const r of records)
      if (r.annotation.figure.metric)
        byMetric.set(r.annotation.figure.metric, [...(byMetric.get(r.annotation.figure.metric) ?? []), r])
    const out: [string, string, string][] = []
    for (const [metric, list] of byMetric)
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++) {
          const [fa, fb] = [list[i].annotation.figure, list[j].annotation.figure]
          const [pa, pb] = [period(fa), period(fb)]
          if (!pa || !pb || pa[0] > pb[1] || pb[0] > pa[1]) continue
          if (kind(fa.unit) !== kind(fb.unit)) continue
          if (list[i].article.id === list[j].article.id && who(list[i]) === who(list[j])) continue
          if (Math.max(fa.value, fb.value) <= Math.min(fa.max ?? fa.value, fb.max ?? fb.value)) continue
          out.push([metric, list[i].annotation.id, list[j].annotation.id])
        }
    return out
  }

  it('finds exactly the pairs, in the order, that comparing every pair finds', () => {
    const r = createRng(13)
    const day = () => `2024-0${r.int(1, 3)}-${String(r.int(1, 28)).padStart(2, '0')}`
    for (let round = 0; round < 20; round++) {
      const records = Array.from({ length: 120 }, () => {
        const start = day()
        const end = r.chance(0.5) ? day() : undefined
        return record(`art${r.int(1, 6)}`, {
          value: r.int(1, 6) * 10,
          ...(r.chance(0.2) ? { max: r.int(6, 9) * 10 } : {}),
          ...(r.chance(0.8) ? { metric: r.pick(['drones/launched', 'grid/outages', 'prices']) } : {}),
          ...(r.chance(0.3) ? { unit: r.pick(['%', 'EUR', 'tonnes']) } : {}),
          ...(r.chance(0.9) ? { periodStart: start, ...(end ? { periodEnd: end } : {}) } : {}),
          ...(r.chance(0.5) ? { attributedTo: r.pick(['Kim', 'kim ', 'Ola']) } : {}),
        })
      })
      const found = findConflicts(records).map((c) => [c.metric, c.a.annotation.id, c.b.annotation.id])
      expect(found).toEqual(reference(records))
      // The first few made into conflicts, all of them counted.
      const limit = r.int(0, found.length)
      const some = conflictsOf(records, limit)
      expect(some.total).toBe(found.length)
      expect(some.shown.map((c) => [c.metric, c.a.annotation.id, c.b.annotation.id])).toEqual(
        found.slice(0, limit),
      )
    }
  })
})
