// Runs in tests: the period prefill of round 12 (README "Figures", the paragraph model's phrase roles): a wire
// dateline, a live blog's update header and a clock time are not the period of a sentence's figures when the
// sentence dates them otherwise; a dateline lends nothing to the sentences after it; a clock time alone is a
// moment of the day its paragraph is about, else of the article's own day.
import { describe, expect, it } from 'vitest'
import { prefillFigure } from './index'

function period(text: string, figure: string, lang: string): [string, string] | undefined {
  const start = text.indexOf(figure)
  if (start < 0) throw new Error(`"${figure}" is not in the text`)
  const articleDate = /^date (\S+)/.exec(text)?.[1]
  const p = prefillFigure({ text, start, end: start + figure.length, lang, articleDate }).period
  return p ? [p.start, p.end] : undefined
}

const article = (date: string, ...paragraphs: string[]) => [`date ${date} Title`, ...paragraphs].join('\n\n')
const LAST_WEEK: [string, string] = ['2026-11-23', '2026-11-29']
const SATURDAY: [string, string] = ['2026-12-05', '2026-12-05']

describe('a dateline is not the period of figures dated otherwise, and lends none', () => {
  it.each([
    [
      'fr',
      'PARIS, 1er décembre (Glossa) — Près de 40 % des pharmacies étaient en rupture la semaine dernière.',
      '40 %',
    ],
    ['en', 'LONDON, 1 December (Glossa) — About 40% of pharmacies ran out last week.', '40%'],
    ['uk', 'КИЇВ, 1 грудня (Glossa) — Близько 40 % аптек минулого тижня не мали препарату.', '40 %'],
  ])('%s: the week named wins over the dateline', (lang, sentence, figure) => {
    expect(period(article('2026-12-01', sentence), figure, lang)).toEqual(LAST_WEEK)
  })
  it('uk: the sentence after a dateline takes no period from it', () => {
    const text = article(
      '2026-12-06',
      'УЖГОРОД, 6 грудня (Glossa) — Зсув ґрунту зруйнував вісім будинків. Із зони ризику евакуювали 140 людей.',
    )
    expect(period(text, '140', 'uk')).toBeUndefined()
  })
})

describe('a clock time is a moment of a day, not a day of its own', () => {
  it.each([
    ['ru', 'В субботу около 9:40 паром сел на мель в 3 км от острова.', '3 км'],
    ['en', 'On Saturday at 9:40 the ferry ran aground 3 km from the island.', '3 km'],
    ['de', 'Am Samstag gegen 9.40 Uhr lief die Fähre 3 Kilometer vor der Insel auf Grund.', '3 Kilometer'],
  ])('%s: the day named with the time', (lang, sentence, figure) => {
    expect(period(article('2026-12-06', sentence), figure, lang)).toEqual(SATURDAY)
  })
  it('de: a time alone takes the day its paragraph names', () => {
    const text = article(
      '2026-12-07',
      'Am Samstag kam es zu einer Verfolgungsjagd. Gegen 2.15 Uhr raste der Fahrer mit bis zu 140 km/h durch den Ort.',
    )
    expect(period(text, '140 km/h', 'de')).toEqual(SATURDAY)
  })
  it('en: a time alone in a paragraph that names no day is the article’s day', () => {
    const text = article('2026-12-07', 'About 31,000 homes are still without power as of 15:00.')
    expect(period(text, '31,000', 'en')).toEqual(['2026-12-07', '2026-12-07'])
  })
  it('fr: an update header’s date is not the period of its figures', () => {
    const text = article(
      '2026-12-03',
      'Mise à jour, 3 décembre, 17 h 20 : la fédération a annoncé qu’elle signerait, ce qui porte à 61 % la part des voix.',
    )
    expect(period(text, '61 %', 'fr')).toBeUndefined()
  })
})
