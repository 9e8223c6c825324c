// Runs in tests: the period prefill of round 15 (README "Figures"): named spans — the holidays computed against
// the article's date (Easter by its algorithm, Western and Orthodox), a holiday span the article defined named
// again by its common name in a later paragraph, and "these N days" naming again the span of N days before.
import { describe, expect, it } from 'vitest'
import { article, period } from '../../../test/figures/period-cases'
import { orthodoxEaster, westernEaster } from './period-named'
import { toISO } from './dates'

describe('Easter is computed, not listed', () => {
  it.each([
    [2019, '2019-04-21', '2019-04-28'],
    [2024, '2024-03-31', '2024-05-05'],
    [2025, '2025-04-20', '2025-04-20'],
    [2026, '2026-04-05', '2026-04-12'],
    [2027, '2027-03-28', '2027-05-02'],
    [2038, '2038-04-25', '2038-04-25'],
  ])('%i: Western %s, Orthodox %s', (year, western, orthodox) => {
    expect(toISO(westernEaster(year))).toBe(western)
    expect(toISO(orthodoxEaster(year))).toBe(orthodox)
  })
})

describe('a holiday is its span in the year the words mean', () => {
  it.each([
    // the Easter bank holiday is Good Friday to Easter Monday (session 9); a coming one in a forecast
    [
      'en',
      '2026-04-02',
      'Drivers will make 19 million trips over the Easter weekend.',
      '19 million',
      ['2026-04-03', '2026-04-06'],
    ],
    ['en', '2026-04-02', 'Breakdowns reached 11,800 last Easter.', '11,800', ['2025-04-18', '2025-04-21']],
    [
      'de',
      '2026-04-08',
      'Über die Osterfeiertage zählte der ADAC 1.240 Kilometer Stau.',
      '1.240 Kilometer',
      ['2026-04-03', '2026-04-06'],
    ],
    [
      'de',
      '2026-04-08',
      'Der ADAC zählte 1.510 Kilometer Stau über Ostern 2025.',
      '1.510 Kilometer',
      ['2025-04-18', '2025-04-21'],
    ],
    // Semana Santa runs from Palm Sunday to Easter Sunday
    [
      'es',
      '2025-10-03',
      'En la Semana Santa de 2025, los hoteles ocuparon el 78 % de sus plazas.',
      '78 %',
      ['2025-04-13', '2025-04-20'],
    ],
    // the Orthodox Easter Sunday
    [
      'ru',
      '2026-05-02',
      'На Пасху храмы посетили 120 тысяч человек.',
      '120 тысяч',
      ['2026-04-12', '2026-04-12'],
    ],
    [
      'uk',
      '2025-05-02',
      'На Великдень храми відвідали 90 тисяч людей.',
      '90 тисяч',
      ['2025-04-20', '2025-04-20'],
    ],
    // New Year's night: 31 December to 1 January, the latest begun
    ['uk', '2026-01-08', 'Найбільше ДТП — 96 — сталося у новорічну ніч.', '96', ['2025-12-31', '2026-01-01']],
    [
      'fr',
      '2026-01-05',
      'Les pompiers sont intervenus 4 200 fois pendant la nuit de la Saint-Sylvestre.',
      '4 200',
      ['2025-12-31', '2026-01-01'],
    ],
  ])('%s (%s): %s', (lang, date, sentence, figure, want) => {
    expect(period(article(date, sentence), figure, lang)).toEqual(want)
  })
})

describe('a holiday span the article defined, named again in a later paragraph', () => {
  it.each([
    [
      'uk',
      article(
        '2026-01-08',
        'За новорічні свята, з 20 грудня по 7 січня, перевізник продав 2,3 млн квитків.',
        'Прикордонники повідомили, що за свята кордон перетнули 612 тисяч людей.',
      ),
      '612 тисяч',
      ['2025-12-20', '2026-01-07'],
    ],
    [
      'en',
      article(
        '2026-04-02',
        'Drivers will make 19 million trips over the Easter bank holiday, the AA said.',
        'Heathrow said it would handle 1.4 million passengers over the bank holiday.',
      ),
      '1.4 million',
      ['2026-04-03', '2026-04-06'],
    ],
    [
      'de',
      article(
        '2026-04-08',
        'Über die Osterfeiertage zählte der ADAC 1.240 Kilometer Stau.',
        'Die Polizei registrierte über die Feiertage 214 Unfälle.',
      ),
      '214',
      ['2026-04-03', '2026-04-06'],
    ],
    [
      'ru',
      article(
        '2026-01-12',
        'С 31 декабря по 11 января, в новогодние праздники, метро перевезло 38 млн пассажиров.',
        'По данным ГИБДД, в праздники произошло 412 аварий.',
      ),
      '412',
      ['2025-12-31', '2026-01-11'],
    ],
  ])('%s', (lang, text, figure, want) => {
    expect(period(text, figure, lang)).toEqual(want)
  })

  it('a common name with no holiday defined before has no period of it', () => {
    const text = article('2026-03-10', 'Les commerçants espèrent vendre 40 000 paniers pendant les fêtes.')
    expect(period(text, '40 000', 'fr')).toBeUndefined()
  })
})

describe('"these N days" names again the span of N days named before', () => {
  it.each([
    [
      'en',
      article(
        '2026-04-02',
        'The AA expects 19 million trips from Good Friday to Easter Monday.',
        'Its patrols expect around 12,500 breakdowns across the four days.',
      ),
      'around 12,500',
      ['2026-04-03', '2026-04-06'],
    ],
    [
      'uk',
      article(
        '2025-11-24',
        'Благодійна збірка тривала з 21 по 23 листопада.',
        'За ці три дні волонтери зібрали 9 200 тонн продуктів.',
      ),
      '9 200 тонн',
      ['2025-11-21', '2025-11-23'],
    ],
    [
      'es',
      article(
        '2025-11-24',
        'La campaña se celebró del 21 al 23 de noviembre.',
        'Durante estos tres días, 11 800 voluntarios atendieron las cajas.',
      ),
      '11 800',
      ['2025-11-21', '2025-11-23'],
    ],
  ])('%s', (lang, text, figure, want) => {
    expect(period(text, figure, lang)).toEqual(want)
  })

  it("no span of that length before: the paragraph's period carries as before", () => {
    const text = article(
      '2025-12-03',
      'Die Sammlung lief im November. In diesen drei Tagen kamen 900 Helfer.',
    )
    expect(period(text, '900', 'de')).toEqual(['2025-11-01', '2025-11-30'])
  })
})

describe('"a decade earlier" is a comparison ten years back', () => {
  it.each([
    [
      'en',
      'In 2024 the prison spent £54,600 per inmate, up from £47,200 a decade earlier.',
      '£47,200',
      ['2014-01-01', '2014-12-31'],
    ],
    [
      'de',
      'Im Jahr 2024 kamen 4.850 Zuschauer, gegenüber 1.900 zehn Jahre zuvor.',
      '1.900',
      ['2014-01-01', '2014-12-31'],
    ],
    [
      'fr',
      'En 2024, le club a compté 4 850 abonnés, contre 1 900 une décennie plus tôt.',
      '1 900',
      ['2014-01-01', '2014-12-31'],
    ],
    [
      'ru',
      'В 2024 году город потратил 21,6 млрд рублей, против 9,4 млрд десятилетием ранее.',
      '9,4 млрд',
      ['2014-01-01', '2014-12-31'],
    ],
  ])('%s: %s', (lang, sentence, figure, want) => {
    expect(period(article('2025-06-10', sentence), figure, lang)).toEqual(want)
  })
})

describe('a weekday in a forecast is the coming one, whichever reader read it', () => {
  it.each([
    [
      'es',
      'La AEMET prevé lluvias de hasta 60 litros entre el jueves y el sábado.',
      'hasta 60 litros',
      ['2026-02-12', '2026-02-14'],
    ],
    ['es', 'El miércoles había 14 buques a la espera de atraque.', '14', ['2026-02-11', '2026-02-11']],
    [
      'en',
      'Forecasters expect up to 60mm of rain between Thursday and Saturday.',
      'up to 60mm',
      ['2026-02-12', '2026-02-14'],
    ],
  ])('%s: %s', (lang, sentence, figure, want) => {
    expect(period(article('2026-02-11', sentence), figure, lang)).toEqual(want)
  })
})

describe('"the previous quarter" is a comparison one quarter back; a signed change keeps its own period', () => {
  it.each([
    [
      'en',
      'Revenue was 1.12 billion in the third quarter, against 1.19 billion in the previous quarter.',
      '1.19 billion',
      ['2025-04-01', '2025-06-30'],
    ],
    [
      'uk',
      'Виручка в третьому кварталі становила 1,12 млрд грн проти 1,19 млрд грн у попередньому кварталі.',
      '1,19 млрд грн',
      ['2025-04-01', '2025-06-30'],
    ],
    [
      'ru',
      'Выручка в третьем квартале составила 1,12 млрд рублей против 1,19 млрд рублей в предыдущем квартале.',
      '1,19 млрд рублей',
      ['2025-04-01', '2025-06-30'],
    ],
    [
      'fr',
      'Le chiffre d’affaires a atteint 1,12 milliard au troisième trimestre, contre 1,19 milliard au trimestre précédent.',
      '1,19 milliard',
      ['2025-04-01', '2025-06-30'],
    ],
    [
      'en',
      'Lenders took 1,870 homes in the third quarter, +4.2% on the quarter before.',
      '+4.2%',
      ['2025-07-01', '2025-09-30'],
    ],
  ])('%s: %s', (lang, sentence, figure, want) => {
    expect(period(article('2025-11-27', sentence), figure, lang)).toEqual(want)
  })

  it('de: im Vorquartal, named before the figure', () => {
    const text = article(
      '2026-01-20',
      'Analysten erwarten im ersten Quartal 1,92 Milliarden Euro; im Vorquartal waren es 1,71 Milliarden Euro.',
    )
    expect(period(text, '1,71 Milliarden Euro', 'de')).toEqual(['2025-10-01', '2025-12-31'])
  })
})

describe('ru: "следующего года" with no count is the next calendar year', () => {
  it.each([
    ['К концу следующего года доля новой техники вырастет до 40%.', '40%', ['2025-10-21', '2026-12-31']],
    ['В следующем месяце город закупит 120 машин.', '120', ['2025-11-01', '2025-11-30']],
    ['В ближайшие два года город закупит 300 машин.', '300', ['2025-10-21', '2027-10-21']],
  ])('%s', (sentence, figure, want) => {
    expect(period(article('2025-10-21', sentence), figure, 'ru')).toEqual(want)
  })
})

describe('"this winter" in a forecast, once the last one is long over, is the coming one', () => {
  it.each([
    ['ru', 'Этой зимой на улицы будут выходить до 2 300 машин.', 'до 2 300', ['2025-12-01', '2026-02-28']],
    [
      'es',
      'El Gobierno prevé que la luz cueste unos 68 euros este invierno.',
      'unos 68 euros',
      ['2025-12-01', '2026-02-28'],
    ],
    [
      'uk',
      'Цієї зими місто планує витратити 40 млн грн на прибирання снігу.',
      '40 млн грн',
      ['2025-12-01', '2026-02-28'],
    ],
  ])('%s: %s', (lang, sentence, figure, want) => {
    expect(period(article('2025-10-21', sentence), figure, lang)).toEqual(want)
  })

  it('a summer just ended stays the one past, even beside a plan', () => {
    const text = article(
      '2026-10-13',
      'The airline flew 14 aircraft this summer and will add two more next year.',
    )
    expect(period(text, '14', 'en')).toEqual(['2026-06-01', '2026-08-31'])
  })
})

describe('a count of hours or days after a day named runs from that day', () => {
  it.each([
    [
      'en',
      'In the 48 hours after the session on 3 February, 412 prisoners were moved.',
      '412',
      ['2026-02-03', '2026-02-05'],
    ],
    [
      'uk',
      'За 48 годин після старту продажу 5 лютого було продано понад 180 тисяч квитків.',
      'понад 180 тисяч',
      ['2026-02-05', '2026-02-07'],
    ],
    [
      'fr',
      'Dans les trois jours après le 2 février, 9 400 dossiers ont été déposés.',
      '9 400',
      ['2026-02-02', '2026-02-05'],
    ],
    [
      'de',
      'In den 48 Stunden nach dem 3. Februar wurden 412 Häftlinge verlegt.',
      '412',
      ['2026-02-03', '2026-02-05'],
    ],
  ])('%s: %s', (lang, sentence, figure, want) => {
    expect(period(article('2026-03-18', sentence), figure, lang)).toEqual(want)
  })
})

describe('a day range with its weekdays written is one span', () => {
  it.each([
    [
      'fr',
      'La collecte a réuni 9 200 tonnes, du vendredi 21 au dimanche 23 novembre.',
      '9 200 tonnes',
      ['2025-11-21', '2025-11-23'],
    ],
    [
      'es',
      'La feria recibió 40.000 visitantes del viernes 21 al domingo 23 de noviembre.',
      '40.000',
      ['2025-11-21', '2025-11-23'],
    ],
    [
      'en',
      'The fair drew 40,000 visitors from Friday 21 to Sunday 23 November.',
      '40,000',
      ['2025-11-21', '2025-11-23'],
    ],
  ])('%s: %s', (lang, sentence, figure, want) => {
    expect(period(article('2025-11-24', sentence), figure, lang)).toEqual(want)
  })
})

describe('"between 2019 and 2024" is one span of years in every language', () => {
  it.each([
    ['ru', 'Между 2019 и 2024 годами город потратил на технику 21,6 млрд рублей.', '21,6 млрд рублей'],
    ['uk', 'Між 2019 і 2024 роками місто витратило на техніку 21,6 млрд грн.', '21,6 млрд грн'],
    [
      'de',
      'Zwischen 2019 und 2024 gab die Stadt 21,6 Millionen Euro für Fahrzeuge aus.',
      '21,6 Millionen Euro',
    ],
    [
      'es',
      'Entre 2019 y 2024 la ciudad gastó 21,6 millones de euros en vehículos.',
      '21,6 millones de euros',
    ],
  ])('%s: %s', (lang, sentence, figure) => {
    expect(period(article('2025-10-21', sentence), figure, lang)).toEqual(['2019-01-01', '2024-12-31'])
  })
})
