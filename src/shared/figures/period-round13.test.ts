// Runs in tests: the period prefill of round 13 (README "Figures"): what a date phrase attaches to — a participle
// of an event on another noun ("founded in 1998", "publiée le 3 décembre", "основанная в 2009 году") and the day
// of a decision whose content follows ("ухвалив постанову в понеділок, за якою …") date those, not the figures
// after them, in the six languages.
import { describe, expect, it } from 'vitest'
import { article, period } from '../../../test/figures/period-cases'

describe('a participle of an event on another noun dates that noun, not the figures after it', () => {
  it.each([
    ['en', 'The company, founded in 1998, employs 300 people.', '300'],
    ['en', 'A report published on Tuesday puts the shortfall at £40m.', '£40m'],
    ['fr', 'Selon une étude publiée le 3 décembre, 40 % des élèves lisent chaque jour.', '40 %'],
    ['fr', 'La piscine, fermée jusqu’au 14 décembre, accueille 300 nageurs par jour.', '300'],
    ['es', 'Según un informe publicado el martes, el 40 % de los alumnos lee a diario.', '40 %'],
    [
      'de',
      'Laut der am Donnerstag veröffentlichten Studie lesen 40 Prozent der Schüler täglich.',
      '40 Prozent',
    ],
    ['de', 'Die Genossenschaft, gegründet 1998, zählt 300 Mitglieder.', '300'],
    ['uk', 'Мережа, заснована у 2009 році, має 340 магазинів.', '340'],
    ['ru', 'Сеть, основанная в 2009 году, управляет 1 340 магазинами.', '1 340'],
  ])('%s: %s', (lang, sentence, figure) => {
    expect(period(article('2026-12-04', sentence), figure, lang)).toBeUndefined()
  })

  it.each([
    // a figure before the participle is what the described noun counts
    [
      'es',
      'Los contratos indefinidos fueron el 44,2 % del total firmado en noviembre.',
      '44,2 %',
      ['2026-11-01', '2026-11-30'],
    ],
    // an auxiliary before it makes it the clause's verb
    ['fr', 'Le rapport a été publié en 2025 et compte 300 pages.', '300', ['2025-01-01', '2025-12-31']],
    // a participle of what is counted is not an event on another noun
    ['en', 'The strongest gust recorded this morning was 79mph.', '79mph', ['2026-12-04', '2026-12-04']],
  ])('%s: %s keeps its date', (lang, sentence, figure, want) => {
    expect(period(article('2026-12-04', sentence), figure, lang)).toEqual(want)
  })
})

describe('the day of a decision does not date what was decided', () => {
  it.each([
    ['uk', 'Уряд ухвалив постанову в понеділок, за якою тариф становитиме 4 грн.', '4 грн'],
    ['de', 'Der Rat beschloss am Dienstag, die Gebühr auf 6 Euro zu erhöhen.', '6 Euro'],
    ['es', 'El Gobierno prometió el martes que el bono costará 20 euros.', '20 euros'],
    ['en', 'The council decided on Tuesday to raise the fee to £6.', '£6'],
  ])('%s: %s', (lang, sentence, figure) => {
    expect(period(article('2026-12-04', sentence), figure, lang)).toBeUndefined()
  })

  it('the act’s own figures keep its day (votes cast)', () => {
    const text = article(
      '2025-11-20',
      'Les députés ont adopté mercredi soir, par 289 voix contre 251, l’article.',
    )
    expect(period(text, '289', 'fr')).toEqual(['2025-11-19', '2025-11-19'])
  })
})

describe('a split year with its field noun is that field’s year (§22), and a bare field noun points back to it', () => {
  it.each([
    [
      'es',
      'En la campaña 2025/26 la producción fue de 1,2 millones de toneladas.',
      '1,2 millones',
      ['2025-10-01', '2026-09-30'],
    ],
    [
      'es',
      'La producción alcanzará 1,4 millones de toneladas en la campaña 2026/27.',
      '1,4 millones',
      ['2026-10-01', '2027-09-30'],
    ],
    ['uk', 'У 2025/26 навчальному році до шкіл пішли 3 760 учнів.', '3 760', ['2025-09-01', '2026-08-31']],
    ['en', 'The 2025-26 school year has 180 days.', '180', ['2025-09-01', '2026-08-31']],
    [
      'de',
      'In der Wintersaison 2025/26 kamen 1,1 Millionen Gäste.',
      '1,1 Millionen',
      ['2025-12-01', '2026-02-28'],
    ],
    ['en', 'In the 2025/26 season the club spent £40m.', '£40m', ['2025-07-01', '2026-06-30']],
    [
      'uk',
      'У 2024/25 маркетинговому році аграрії відвантажили 12,6 млн тонн.',
      '12,6 млн тонн',
      ['2024-07-01', '2025-06-30'],
    ],
    // a season under way in a sentence that does not look ahead ends on the article's date
    ['ru', 'В сезоне 2026/27 клуб потратил 40 млн рублей.', '40 млн рублей', ['2026-07-01', '2026-12-04']],
  ])('%s: %s', (lang, sentence, figure, want) => {
    expect(period(article('2026-12-04', sentence), figure, lang)).toEqual(want)
  })

  it('a season that began on a named day starts there; "по итогам сезона" is that season, whole in a forecast', () => {
    const text = article(
      '2026-12-04',
      'Сезон 2026/27 стартовал 1 ноября.',
      'По итогам сезона компания ожидает 40 млн рублей выручки.',
    )
    expect(period(text, '40 млн рублей', 'ru')).toEqual(['2026-11-01', '2027-10-31'])
  })

  it('"last season" is not the season named', () => {
    const text = article(
      '2026-12-04',
      'La temporada 2026/27 empezó en julio.',
      'La temporada pasada el club ganó 12 partidos.',
    )
    expect(period(text, '12', 'es')).toBeUndefined()
  })
})

describe('phrase kinds: the week to a day, the night to a day, since a season began, by the end of', () => {
  it.each([
    ['en', 'Sales rose 4% in the week to Thursday.', '4%', ['2026-11-27', '2026-12-03']],
    [
      'en',
      'Lice counts were three times the limit in the week to March 9.',
      'three',
      ['2026-03-03', '2026-03-09'],
    ],
    ['de', 'In der Woche bis Sonntag kamen 4.000 Besucher.', '4.000', ['2026-11-23', '2026-11-29']],
    [
      'ru',
      'В ночь на 20 ноября беспилотники атаковали 12 объектов.',
      '12 объектов',
      ['2026-11-19', '2026-11-20'],
    ],
    ['uk', 'У ніч на 29 листопада згоріли два зерносховища.', 'два', ['2026-11-28', '2026-11-29']],
    ['ru', 'С начала осени выпало 300 мм осадков.', '300 мм', ['2026-09-01', '2026-12-04']],
    [
      'fr',
      'Depuis le début de l’automne, 300 mm de pluie sont tombés.',
      '300 mm',
      ['2026-09-01', '2026-12-04'],
    ],
    // what happened by the end named runs from that year's start
    ['de', 'Bis Ende September wurden nur 1.260 Wohnungen genehmigt.', '1.260', ['2026-01-01', '2026-09-30']],
    // a total that will reach a level this year is the year's; more to come runs from the article's date
    [
      'uk',
      'До кінця року адміністрація розраховує вийти на 14 млн тонн.',
      '14 млн тонн',
      ['2026-01-01', '2026-12-31'],
    ],
    [
      'ru',
      'До конца года сумма может превысить 2 млрд рублей.',
      '2 млрд рублей',
      ['2026-01-01', '2026-12-31'],
    ],
    ['uk', 'До кінця грудня збудують ще 40 будинків.', '40', ['2026-12-04', '2026-12-31']],
    // a month without its year, by which: the coming one when nearer
    ['en', 'We see copper at $12,500 by the end of March.', '$12,500', ['2026-12-04', '2027-03-31']],
  ])('%s: %s', (lang, sentence, figure, want) => {
    expect(period(article('2026-12-04', sentence), figure, lang)).toEqual(want)
  })
})

describe('a table row takes its lead’s period, a bracketed number the brackets’ period', () => {
  const rows = (lead: string, ...lines: string[]) => article('2026-12-04', lead, ...lines)
  it('a row after a paragraph that states the period takes it; its bracket a year earlier', () => {
    const text = rows(
      'В ноябре спасатели потушили 2 100 пожаров. По районам:',
      'Центральный: 870 (640)',
      'Северный: 420 (380)',
    )
    expect(period(text, '870', 'ru')).toEqual(['2026-11-01', '2026-11-30'])
    expect(period(text, '640', 'ru')).toEqual(['2025-11-01', '2025-11-30'])
  })
  it('the brackets’ period the article states (a year named)', () => {
    const text = rows(
      'Im November zählte die Agentur 1,2 Millionen Arbeitslose (in Klammern: 2024).',
      'Nord: 612.400 (561.800)',
    )
    expect(period(text, '561.800', 'de')).toEqual(['2024-11-01', '2024-11-30'])
  })
})

describe('inside a quote, a first-person future makes "this year" the whole year', () => {
  it.each([
    ['es', '«Este año recogeré unos 40.000 kilos de aceituna», dice.', '40.000 kilos'],
    ['fr', '« Cette année, je récolterai 40 tonnes », dit-il.', '40 tonnes'],
  ])('%s: %s', (lang, sentence, figure) => {
    expect(period(article('2026-10-04', sentence), figure, lang)).toEqual(['2026-01-01', '2026-12-31'])
  })
})

describe('a date that is part of a name, a span ahead in a future sentence', () => {
  it.each([
    ['es', 'En la calle 14 de Abril viven 300 familias.', '300'],
    ['es', 'Del Hospital 12 de Octubre salieron 40 ambulancias.', '40'],
    ['uk', 'На вулиці 8 Березня мешкають 300 родин.', '300'],
    ['uk', 'Проєкт має окупитися за чотири роки.', 'чотири роки'],
    ['ru', 'Проект должен окупиться за четыре года.', 'четыре года'],
  ])('%s: %s', (lang, sentence, figure) => {
    expect(period(article('2026-12-04', sentence), figure, lang)).toBeUndefined()
  })
  it('a span of the past keeps its reading', () => {
    expect(period(article('2026-12-04', 'За чотири роки ціни зросли на 40%.'), '40%', 'uk')).toEqual([
      '2022-12-04',
      '2026-12-04',
    ])
  })
})

describe('a harvest of the current year is the whole year', () => {
  it.each([
    ['ru', 'Урожай в 2026 году составил 4 млн тонн.', '4 млн тонн'],
    ['uk', 'Урожай у 2026 році склав 4 млн тонн.', '4 млн тонн'],
  ])('%s: %s', (lang, sentence, figure) => {
    expect(period(article('2026-12-04', sentence), figure, lang)).toEqual(['2026-01-01', '2026-12-31'])
  })
  it('a harvest so far runs to the article’s date', () => {
    const text = article('2026-10-04', 'Аграрії вже зібрали врожай на 4 млн тонн у 2026 році.')
    expect(period(text, '4 млн тонн', 'uk')).toEqual(['2026-01-01', '2026-10-04'])
  })
})
