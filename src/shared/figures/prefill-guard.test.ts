// The prefill never offers a period that ends before it starts (issue #13): set 13's title line, read with the
// article file's "date YYYY-MM-DD" first line, gave "12-02 Ноябрь" as 12 November – 2 November.
import { describe, expect, it } from 'vitest'
import { lexiconFor } from './index'
import { suggestPeriod } from './period'
import { prefillFigure } from './prefill'

describe('a misread span that ends before it starts', () => {
  const text = 'date 2026-12-02 Ноябрь в Приозерье оказался на 3,4 градуса теплее нормы'
  const start = text.indexOf('3,4')
  const end = start + '3,4 градуса'.length

  it('is what the period reader gives here (the case this guards)', () => {
    const read = suggestPeriod({ text, start, end, articleDate: '2026-12-02', lex: lexiconFor('ru') })
    expect(read && read.start > read.end).toBe(true)
  })

  it('is never prefilled', () => {
    expect(prefillFigure({ text, start, end, lang: 'ru', articleDate: '2026-12-02' }).period).toBeUndefined()
  })
})
