// Runs in tests: the period prefill of round 11 (README "Figures", conventions v2): rates take their clause's
// or sentence's period and carry within the paragraph (§8); a list item takes its own words or its lead line,
// never a sibling item nor the release's reference period (§18).
import { describe, expect, it } from 'vitest'
import { prefillFigure } from './index'
import { article } from '../../../test/figures/period-cases'

function period(text: string, figure: string, lang: string, occurrence = 1): [string, string] | undefined {
  let start = -1
  for (let k = 0; k < occurrence; k++) start = text.indexOf(figure, start + 1)
  if (start < 0) throw new Error(`"${figure}" is not in the text`)
  const articleDate = /^date (\S+)/.exec(text)?.[1]
  const p = prefillFigure({ text, start, end: start + figure.length, lang, articleDate }).period
  return p ? [p.start, p.end] : undefined
}

const MARCH: [string, string] = ['2026-03-01', '2026-03-31']

describe('a rate takes its clause or sentence period and carries in its paragraph (§8)', () => {
  it.each([
    ['en', 'In March exports averaged 3 million barrels a day.', '3 million', MARCH],
    ['en', 'Exports fell in March. They averaged 3 million barrels a day.', '3 million', MARCH],
    ['en', 'The plant makes 500 tonnes a day.', '500 tonnes', undefined],
    ['fr', 'En mars, les exportations ont atteint 3 millions de barils par jour.', '3 millions', MARCH],
    ['fr', 'L’usine produit 500 tonnes par jour.', '500 tonnes', undefined],
    ['es', 'En marzo se exportaron 3 millones de barriles al día.', '3 millones', MARCH],
    ['es', 'La planta produce 500 toneladas diarias.', '500 toneladas', undefined],
    ['de', 'Im März exportierte das Land 3 Millionen Barrel pro Tag.', '3 Millionen', MARCH],
    ['de', 'Das Werk produziert täglich 500 Tonnen.', '500 Tonnen', undefined],
    ['uk', 'У березні експорт становив 3 млн барелів на добу.', '3 млн', MARCH],
    ['uk', 'Завод виробляє 500 тонн на добу.', '500 тонн', undefined],
    ['ru', 'В марте экспорт составил 3 млн баррелей в сутки.', '3 млн', MARCH],
    ['ru', 'Завод производит 500 тонн в сутки.', '500 тонн', undefined],
  ])('%s: %s', (lang, sentence, figure, want) => {
    expect(period(article('2026-06-10', sentence), figure, lang)).toEqual(want)
  })
})

describe('a list item takes its own words or its lead line, not a sibling item (§18)', () => {
  it('ru: an item after an item that names a year', () => {
    const text = article(
      '2026-12-06',
      'Паром сел на мель.',
      'Паром «Северный ветер»:\n- построен в 1998 году на верфи в Турку\n- длина 96 м, вместимость до 400 пассажиров',
    )
    expect(period(text, '96 м', 'ru')).toBeUndefined()
  })
  it('es: a lead line without a period, in a release whose lead names one', () => {
    const text = article(
      '2026-07-20',
      'El festival cerró su edición de 2026 con un récord, según el informe de la organización.',
      'En cifras:\n• Asistentes: 186.000 (171.600 en 2025)\n• Abono de cuatro días: 189 euros',
    )
    expect(period(text, '189 euros', 'es')).toBeUndefined()
  })
  it('uk: a lead line with a period lends it to every item', () => {
    const text = article(
      '2026-12-01',
      'Порт звітує.',
      'Ключові цифри за 2025 рік:\n- 742 судна\n- 11,6 млн тонн вантажів',
    )
    expect(period(text, '11,6 млн тонн', 'uk')).toEqual(['2025-01-01', '2025-12-31'])
  })
})

describe('a month without its year that has not begun is the last one, unless the sentence looks ahead', () => {
  it.each([
    ['fr', 'En mars, les exportations ont atteint 3 millions de barils.', '3 millions', MARCH],
    ['de', 'Im März exportierte das Land 3 Millionen Barrel.', '3 Millionen', MARCH],
    ['uk', 'У березні експорт становив 3 млн барелів.', '3 млн', MARCH],
    ['uk', 'Найбільша закупівля, у березні, становила 1,6 тонни.', '1,6 тонни', MARCH],
    ['fr', 'Le centre doit monter à 180 places, puis à 250 en mars.', '250', ['2027-03-01', '2027-03-31']],
    ['uk', 'На березень уже законтрактовано 54 судна.', '54', ['2027-03-01', '2027-03-31']],
  ])('%s: %s', (lang, sentence, figure, want) => {
    expect(period(article('2026-12-01', sentence), figure, lang)).toEqual(want)
  })
})

describe('a comparison named before the figure in its clause moves the sentence period (§4, §9)', () => {
  it.each([
    [
      'ru',
      'Гостиницы в октябре были заполнены на 81%, тогда как годом ранее — на 64%.',
      '64%',
      ['2025-10-01', '2025-10-31'],
    ],
    [
      'ru',
      'В третьем квартале продажи составили 76,5 млрд рублей, на 9% больше, чем годом ранее (70,2 млрд).',
      '70,2 млрд',
      ['2025-07-01', '2025-09-30'],
    ],
    [
      'de',
      'Im Oktober lag die Quote bei 5,8 Prozent. Ein Jahr zuvor hatte sie 5,5 Prozent betragen.',
      '5,5 Prozent',
      ['2025-10-01', '2025-10-31'],
    ],
    [
      'en',
      'Hotels were 81% full in October; a year earlier the figure was 64%.',
      '64%',
      ['2025-10-01', '2025-10-31'],
    ],
    // a change keeps its sentence's period; "last year" before a figure is a period of its own
    [
      'fr',
      'Le loyer a atteint 742 euros en octobre, contre 695 euros un an plus tôt (+6,8 %).',
      '6,8 %',
      ['2026-10-01', '2026-10-31'],
    ],
    [
      'uk',
      'Цієї осені репетитора наймають 38% родин. Торік таких родин було 29%.',
      '29%',
      ['2025-01-01', '2025-12-31'],
    ],
  ])('%s: %s', (lang, sentence, figure, want) => {
    expect(period(article('2026-11-20', sentence), figure, lang)).toEqual(want)
  })
})

describe('the whole year with its year unwritten ("für das Gesamtjahr", "за весь рік")', () => {
  const YEAR: [string, string] = ['2026-01-01', '2026-12-31']
  it.each([
    ['en', 'For the full year the company expects sales of 4 million units.', '4 million', YEAR],
    ['fr', 'Sur l’ensemble de l’année, la région prévoit 130 000 arrivées.', '130 000', YEAR],
    ['es', 'Para el conjunto del año, el Gobierno prevé 3 millones de turistas.', '3 millones', YEAR],
    ['de', 'Für das Gesamtjahr erwartet der Verband 640.000 neue Elektroautos.', '640.000', YEAR],
    ['uk', 'За весь рік асоціація очікує 40 млн тонн.', '40 млн тонн', YEAR],
    ['ru', 'По итогам года ассоциация ожидает 40 млн тонн.', '40 млн тонн', YEAR],
    // "the whole of next year" is next year, read by the language's own words
    [
      'fr',
      'Elle prévoit 3 000 ventes sur l’ensemble de l’année prochaine.',
      '3 000',
      ['2027-01-01', '2027-12-31'],
    ],
  ])('%s: %s', (lang, sentence, figure, want) => {
    expect(period(article('2026-11-20', sentence), figure, lang)).toEqual(want)
  })
})

describe('a stock at the end of a period is read on its last day (§6)', () => {
  it.each([
    [
      'uk',
      'За цінами на кінець листопада золото коштує 4,9 млрд доларів.',
      '4,9 млрд',
      ['2026-11-30', '2026-11-30'],
    ],
    ['uk', 'Запаси на кінець 2025 року — 37,8 тонни.', '37,8 тонни', ['2025-12-31', '2025-12-31']],
    [
      'ru',
      'Долг составлял 71 млрд рублей против 52 млрд на конец 2024 года.',
      '52 млрд',
      ['2024-12-31', '2024-12-31'],
    ],
    ['de', 'Ende 2025 galten 212 Brücken als sanierungsbedürftig.', '212', ['2025-12-31', '2025-12-31']],
    ['de', 'Es gab rund 164.000 Ladepunkte (Stand Ende Oktober).', '164.000', ['2026-10-31', '2026-10-31']],
    // what is to happen by then is not a stock read at that date
    [
      'fr',
      'Le groupe rachètera 300 millions d’euros d’actions d’ici à fin 2027.',
      '300 millions',
      ['2026-11-20', '2027-12-31'],
    ],
  ])('%s: %s', (lang, sentence, figure, want) => {
    expect(period(article('2026-11-20', sentence), figure, lang)).toEqual(want)
  })
})
