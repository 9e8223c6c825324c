import { describe, expect, it } from 'vitest'
import type { Figure } from '../types'
import type { FigureEntry } from './conflicts'
import { filterFigures as filterRecords, sortFigures as sortRecords } from './table'

function record(id: string, figure: Partial<Figure>, publishedAt?: string): FigureEntry {
  return {
    annotation: {
      id,
      articleId: 'art-1',
      note: '',
      tags: [],
      quote: '1',
      prefix: '',
      suffix: '',
      figure: { value: 1, ...figure },
    },
    article: { id: 'art-1', title: 'A', publishedAt },
  }
}

const records = [
  record('none-dated', {}, '2023-01-01'),
  record('jan', { periodStart: '2024-01-01', periodEnd: '2024-01-07' }),
  record('none', {}),
  record('dec', { periodStart: '2023-12-20', periodEnd: '2023-12-31' }),
  record('jan-day', { periodStart: '2024-01-01', periodEnd: '2024-01-01' }),
]
const ids = (list: FigureEntry[]) => list.map((r) => r.annotation.id)

describe('sortRecords by period', () => {
  it('puts figures with no period last, oldest first', () => {
    expect(ids(sortRecords(records, 'period', 1))).toEqual(['dec', 'jan-day', 'jan', 'none-dated', 'none'])
  })

  it('puts figures with no period last when sorted newest first too', () => {
    expect(ids(sortRecords(records, 'period', -1))).toEqual(['jan', 'jan-day', 'dec', 'none-dated', 'none'])
  })
})

describe('filterRecords by period', () => {
  it('keeps figures whose period overlaps the dates given', () => {
    expect(ids(filterRecords(records, { from: '2024-01-05' }))).toEqual(['jan'])
    expect(ids(filterRecords(records, { to: '2023-12-31' }))).toEqual(['dec'])
  })

  it('filters nothing while a date is half typed', () => {
    expect(filterRecords(records, { from: '10 Ja' })).toHaveLength(records.length)
  })
})

describe('filterRecords by who tagged', () => {
  it('keeps the figures one team member tagged', () => {
    const byAnn = { ...record('ann1', {}), annotation: { ...record('ann1', {}).annotation, creator: 'ann' } }
    const byRob = { ...record('rob1', {}), annotation: { ...record('rob1', {}).annotation, creator: 'rob' } }
    const list = [byAnn, byRob, record('nobody', {})]
    expect(ids(filterRecords(list, { creator: 'ann' }))).toEqual(['ann1'])
    expect(ids(filterRecords(list, {}))).toEqual(['ann1', 'rob1', 'nobody'])
  })
})

describe('sortRecords by a text column', () => {
  it('orders as localeCompare does (case and accents as the locale has them), ties in their first order', () => {
    const names = ['Émile', 'emile', 'Zoë', 'ada', 'Ada', 'Óscar', 'oscar', 'Émile']
    const list = names.map((n, i) => record(`r${i}`, { attributedTo: n }))
    const expected = [...list].sort((a, b) =>
      a.annotation.figure.attributedTo!.localeCompare(b.annotation.figure.attributedTo!),
    )
    expect(ids(sortRecords(list, 'speaker', 1))).toEqual(ids(expected))
    expect(ids(sortRecords(list, 'speaker', -1))).toEqual(
      ids(
        [...list].sort(
          (a, b) =>
            b.annotation.figure.attributedTo!.localeCompare(a.annotation.figure.attributedTo!) ||
            Number(a.annotation.id.slice(1)) - Number(b.annotation.id.slice(1)),
        ),
      ),
    )
  })
})
