// Runs in tests: the period prefill of round 14 (README "Figures"): the arithmetic of phrases already found —
// a period phrase never runs across a figure ("from £2.10 in 2019 and £2.60 in 2022 to £3.05 this year"), in
// the six languages.
import { describe, expect, it } from 'vitest'
import { article, period } from '../../../test/figures/period-cases'

describe('a period phrase never runs across a figure', () => {
  it.each([
    ['en', 'The fare has risen from £2.10 in 2019 and £2.60 in 2022 to £3.05 this year.', '£2.60', '2022'],
    ['en', 'Lenders sold 2,300 homes between April and June, +3.1% on the quarter before.', '2,300', 'Q2'],
    ['fr', 'Le nombre de lits est passé de 310 en 2018 à 280 aujourd’hui.', '310', '2018'],
    ['es', 'La plantilla ha pasado de 58 bomberos en 2014 a 44 en la actualidad.', '58', '2014'],
    [
      'es',
      'Las ventas crecieron entre enero y marzo, +2,4 % respecto al trimestre anterior.',
      '+2,4 %',
      'Q1',
    ],
    ['de', 'Der Preis stieg von 2,10 Euro im Jahr 2019 bis auf 3,05 Euro heute.', '2,10 Euro', '2019'],
    ['uk', 'Кількість лікарів зменшилася з 410 у 2020 році до 365 цього року.', '410', '2020'],
    ['ru', 'Число врачей сократилось с 410 в 2020 году до 365 в этом году.', '410', '2020'],
  ])('%s: %s', (lang, sentence, figure, want) => {
    const spans: Record<string, [string, string]> = {
      '2014': ['2014-01-01', '2014-12-31'],
      '2018': ['2018-01-01', '2018-12-31'],
      '2019': ['2019-01-01', '2019-12-31'],
      '2020': ['2020-01-01', '2020-12-31'],
      '2022': ['2022-01-01', '2022-12-31'],
      Q1: ['2026-01-01', '2026-03-31'],
      Q2: ['2026-04-01', '2026-06-30'],
    }
    expect(period(article('2026-12-04', sentence), figure, lang)).toEqual(spans[want])
  })
})

describe('two dates read as one span: a day range, two adjacent months or days joined by "and"', () => {
  it.each([
    [
      'en',
      'The survey of 1,200 households ran between 14 and 18 October.',
      '1,200',
      ['2026-10-14', '2026-10-18'],
    ],
    ['en', 'The festival of 3–9 August drew 52,000 visitors.', '52,000', ['2026-08-03', '2026-08-09']],
    [
      'en',
      'Exports reached 4.2 million tonnes in June and July.',
      '4.2 million tonnes',
      ['2026-06-01', '2026-07-31'],
    ],
    ['en', "Tuesday's and Wednesday's closures cost the port £3m.", '£3m', ['2026-12-01', '2026-12-02']],
    [
      'fr',
      'Entre le 14 et le 18 octobre, 1 200 foyers ont été interrogés.',
      '1 200',
      ['2026-10-14', '2026-10-18'],
    ],
    ['fr', 'Du 3 au 9 août, le festival a attiré 52 000 visiteurs.', '52 000', ['2026-08-03', '2026-08-09']],
    [
      'es',
      'Del 3 al 9 de agosto, el festival atrajo a 52.000 visitantes.',
      '52.000',
      ['2026-08-03', '2026-08-09'],
    ],
    [
      'es',
      'En junio y julio se exportaron 4,2 millones de toneladas.',
      '4,2 millones',
      ['2026-06-01', '2026-07-31'],
    ],
    [
      'de',
      'Zwischen dem 14. und 18. Oktober wurden 1.200 Haushalte befragt.',
      '1.200',
      ['2026-10-14', '2026-10-18'],
    ],
    ['de', 'Am Montag und Dienstag kamen 3.400 Besucher.', '3.400', ['2026-11-30', '2026-12-01']],
    ['uk', 'З 3 по 9 серпня фестиваль відвідали 52 тисячі людей.', '52 тисячі', ['2026-08-03', '2026-08-09']],
    ['uk', 'У понеділок і вівторок порт прийняв 14 суден.', '14', ['2026-11-30', '2026-12-01']],
    [
      'ru',
      'С 3 по 9 августа фестиваль посетили 52 тысячи человек.',
      '52 тысячи',
      ['2026-08-03', '2026-08-09'],
    ],
    ['ru', 'В июне и июле экспорт составил 4,2 млн тонн.', '4,2 млн тонн', ['2026-06-01', '2026-07-31']],
  ])('%s: %s', (lang, sentence, figure, want) => {
    expect(period(article('2026-12-04', sentence), figure, lang)).toEqual(want)
  })

  it.each([
    // "and" joins two day numbers into a range only after "between": two separate days are not a span
    ['en', 'Strikes on 5 and 8 October closed 40 schools.', '40'],
    // two months apart are two periods, not one
    ['es', 'En marzo y en junio cerraron 40 escuelas.', '40'],
  ])('%s: %s', (lang, sentence, figure) => {
    const got = period(article('2026-12-04', sentence), figure, lang)
    expect(got?.[0] === got?.[1] || got?.[0].slice(5, 7) === got?.[1].slice(5, 7)).toBe(true)
  })
})

describe('a weekday named alone moves by weeks, not years', () => {
  const since: [string, string] = ['2026-11-30', '2026-12-04']
  const ahead: [string, string] = ['2026-12-04', '2026-12-06']
  it.each([
    ['en', 'The line has taken 900 calls since Monday.', '900', since],
    ['en', 'Forecasters expect 30 mm of rain until Sunday.', '30 mm', ahead],
    ['fr', 'Météo-France prévoit 30 mm de pluie jusqu’à dimanche.', '30 mm', ahead],
    ['es', 'Se esperan 30 litros hasta el domingo.', '30 litros', ahead],
    ['de', 'Der Wetterdienst erwartet bis Sonntag 30 Liter Regen.', '30 Liter', ahead],
    ['uk', 'Синоптики прогнозують 30 мм опадів до неділі.', '30 мм', ahead],
    ['uk', 'З понеділка надійшло 900 дзвінків.', '900', since],
    ['ru', 'Синоптики ожидают 30 мм осадков до воскресенья.', '30 мм', ahead],
  ])('%s: %s', (lang, sentence, figure, want) => {
    // 4 December 2026 is a Friday
    expect(period(article('2026-12-04', sentence), figure, lang)).toEqual(want)
  })
})

describe('a start and a duration are one span', () => {
  it.each([
    [
      'en',
      'The bridge will close from 14 December for three days, diverting 12,000 vehicles.',
      '12,000',
      ['2026-12-14', '2026-12-16'],
    ],
    [
      'en',
      'The grant runs from 1 January 2027 for five years and is worth £2m.',
      '£2m',
      ['2027-01-01', '2031-12-31'],
    ],
    [
      'fr',
      'À partir du 2 mai et pour six mois, 40 trains seront supprimés.',
      '40',
      ['2027-05-02', '2027-11-01'],
    ],
    [
      'fr',
      'La taxe rapportera 300 millions d’euros sur trois ans à partir de janvier 2027.',
      '300 millions',
      ['2027-01-01', '2029-12-31'],
    ],
    [
      'es',
      'A partir del 1 de marzo y durante seis meses, se suprimirán 40 trenes.',
      '40',
      ['2027-03-01', '2027-08-31'],
    ],
    ['de', 'Ab dem 3. März für zwei Wochen fallen 40 Züge aus.', '40', ['2027-03-03', '2027-03-16']],
    ['uk', 'З 14 грудня на три дні буде скасовано 40 потягів.', '40', ['2026-12-14', '2026-12-16']],
    [
      'ru',
      'С 14 декабря 2026 года на три дня будут отменены 40 поездов.',
      '40',
      ['2026-12-14', '2026-12-16'],
    ],
  ])('%s: %s', (lang, sentence, figure, want) => {
    expect(period(article('2026-12-04', sentence), figure, lang)).toEqual(want)
  })
})

describe('the end of a quarter is its last day, "by" the end of it a span', () => {
  const end: [string, string] = ['2026-09-30', '2026-09-30']
  it.each([
    ['en', 'Arrears stood at 84,300 loans at the end of the third quarter.', '84,300', end],
    ['de', 'Ende des dritten Quartals zählte das Amt 71.340 Pendler.', '71.340', end],
    ['fr', 'À la fin du troisième trimestre, 71 340 frontaliers avaient un permis.', '71 340', end],
    ['es', 'Al final del tercer trimestre había 71.340 parados registrados.', '71.340', end],
    ['uk', 'На кінець третього кварталу на обліку було 71 340 осіб.', '71 340', end],
    ['ru', 'На конец третьего квартала на учёте было 71 340 человек.', '71 340', end],
    ['en', 'Sales reached £3m in the third quarter.', '£3m', ['2026-07-01', '2026-09-30']],
  ])('%s: %s', (lang, sentence, figure, want) => {
    expect(period(article('2026-12-04', sentence), figure, lang)).toEqual(want)
  })
})

describe('the middle of a year is 1 May to 31 August', () => {
  const mid: [string, string] = ['2025-05-01', '2025-08-31']
  it.each([
    ['en', 'In mid-2025 the plant employed 400 people.', '400', mid],
    ['en', 'Branches have closed since mid-2025, a dozen in all.', 'a dozen', ['2025-05-01', '2026-12-04']],
    ['fr', 'À la mi-2025, l’usine employait 400 personnes.', '400', mid],
    ['es', 'A mediados de 2025 la planta empleaba a 400 personas.', '400', mid],
    ['de', 'Mitte 2025 beschäftigte das Werk 400 Menschen.', '400', mid],
    ['uk', 'У середині 2025 року завод продали за 120 млн євро.', '120 млн євро', mid],
    ['ru', 'В середине 2025 года завод продали за 120 млн евро.', '120 млн евро', mid],
  ])('%s: %s', (lang, sentence, figure, want) => {
    expect(period(article('2026-12-04', sentence), figure, lang)).toEqual(want)
  })
})

describe('"the same period of" a year is the period the sentence named before, in that year', () => {
  const nine: [string, string] = ['2025-01-01', '2025-09-30']
  it.each([
    [
      'en',
      'Exports reached 3.1m tonnes in January–September, against 2.8m tonnes in the same period of 2025.',
      '2.8m tonnes',
      nine,
    ],
    [
      'en',
      'The service met it on 58% of calls in March–June, against 77% in the same months of 2025.',
      '77%',
      ['2025-03-01', '2025-06-30'],
    ],
    [
      'fr',
      'De janvier à septembre, 640 tonnes ont été vendues, contre 910 tonnes sur la même période de 2025.',
      '910 tonnes',
      nine,
    ],
    [
      'es',
      'Entre enero y septiembre se vendieron 3,1 millones, frente a 2,8 millones en los mismos meses de 2025.',
      '2,8 millones',
      nine,
    ],
    [
      'de',
      'Von Januar bis September wurden 3,1 Millionen verkauft, gegenüber 2,8 Millionen im gleichen Zeitraum 2025.',
      '2,8 Millionen',
      nine,
    ],
    [
      'uk',
      'За січень–вересень продано 3,1 млн тонн проти 2,8 млн тонн за той самий період 2025 року.',
      '2,8 млн тонн',
      nine,
    ],
    [
      'ru',
      'За январь–сентябрь продано 3,1 млн тонн против 2,8 млн тонн за тот же период 2025 года.',
      '2,8 млн тонн',
      nine,
    ],
  ])('%s: %s', (lang, sentence, figure, want) => {
    expect(period(article('2026-12-04', sentence), figure, lang)).toEqual(want)
  })
})
