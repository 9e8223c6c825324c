// Runs in tests: the period prefill of round 12 (README "Figures", the paragraph model's phrase roles): a wire
// dateline, a live blog's update header and a clock time are not the period of a sentence's figures when the
// sentence dates them otherwise; a dateline lends nothing to the sentences after it; a clock time alone is a
// moment of the day its paragraph is about, else of the article's own day.
import { describe, expect, it } from 'vitest'
import { article, period } from '../../../test/figures/period-cases'

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

describe('back references: the same day, since then (period-state.ts)', () => {
  it.each([
    [
      'uk',
      'Мінфін провів аукціон 1 грудня.',
      'Того ж дня Мінфін розмістив облігації на 126 млн доларів.',
      '126 млн',
    ],
    [
      'en',
      'The auction was held on 1 December.',
      'The same day the ministry sold bonds worth $126m.',
      '$126m',
    ],
    [
      'fr',
      'L’adjudication a eu lieu le 1er décembre.',
      'Le même jour, le Trésor a placé 126 millions.',
      '126 millions',
    ],
  ])('%s: the same day is the day named before, across paragraphs', (lang, first, second, figure) => {
    expect(period(article('2026-12-03', first, second), figure, lang)).toEqual(['2026-12-01', '2026-12-01'])
  })
  it.each([
    ['es', 'El ataque se produjo el martes.', 'Desde entonces se han aplazado 3.200 consultas.', '3.200'],
    ['de', 'Der Angriff erfolgte am Dienstag.', 'Seitdem wurden 3.200 Termine verschoben.', '3.200'],
    ['ru', 'Атака произошла во вторник.', 'С тех пор отменены 3200 приёмов.', '3200'],
  ])('%s: since then runs from the day named to the article date', (lang, first, second, figure) => {
    expect(period(article('2026-12-05', `${first} ${second}`), figure, lang)).toEqual([
      '2026-12-01',
      '2026-12-05',
    ])
  })
})

describe('a span ahead of the article date (period-ahead.ts)', () => {
  const FIVE: [string, string] = ['2026-12-02', '2031-12-02']
  it.each([
    ['en', 'Sodium cells will be 30% cheaper within five years.', '30%', FIVE],
    ['fr', 'Les coûts baisseront de 30 % au cours des cinq prochaines années.', '30 %', FIVE],
    ['es', 'Los costes bajarán un 30 % dentro de cinco años.', '30 %', FIVE],
    ['de', 'Die Kosten sollen in den nächsten fünf Jahren um 30 Prozent sinken.', '30 Prozent', FIVE],
    ['uk', 'Витрати зростуть на 30 % протягом наступних п’яти років.', '30 %', FIVE],
    ['ru', 'Расходы вырастут на 30 % в течение следующих пяти лет.', '30 %', FIVE],
    ['en', 'The union would announce new dates within 14 days.', '14 days', undefined],
    ['en', 'Traffic grew by 47% within three years of opening.', '47%', undefined],
  ])('%s: %s', (lang, sentence, figure, want) => {
    expect(period(article('2026-12-02', sentence), figure, lang)).toEqual(want)
  })
})

describe('since an event in a year; the weekend looked ahead to', () => {
  it.each([
    ['en', 'The deal brings its funding to $131m since it was founded in 2021.', '$131m'],
    ['fr', 'La société a investi 2,3 milliards d’euros depuis sa privatisation en 2021.', '2,3 milliards'],
  ])('%s: since the event runs from its year to the article date', (lang, sentence, figure) => {
    expect(period(article('2026-12-02', sentence), figure, lang)).toEqual(['2021-01-01', '2026-12-02'])
  })
  it('de: on a Saturday, a forecast for the weekend is Saturday and Sunday', () => {
    const text = article(
      '2026-12-05',
      'Die Bergbahnen rechnen für das Wochenende mit einem Ausfall von 350.000 Franken.',
    )
    expect(period(text, '350.000 Franken', 'de')).toEqual(['2026-12-05', '2026-12-06'])
  })
})

describe('a period phrase opening a parallel segment dates that segment only (period-roles.ts)', () => {
  it.each([
    ['ru', 'В 2025 году произошло девять катастроф, в 2024-м — 13.', 'девять', ['2025-01-01', '2025-12-31']],
    ['ru', 'В 2025 году произошло девять катастроф, в 2024-м — 13.', '13', ['2024-01-01', '2024-12-31']],
    ['uk', 'У листопаді зафіксували 57 збоїв, у жовтні — 41.', '57', ['2026-11-01', '2026-11-30']],
    [
      'de',
      'Im vergangenen Winter starben 19 Menschen, im Winter davor 27.',
      '19',
      ['2025-12-01', '2026-02-28'],
    ],
    ['en', 'In 2025 there were nine crashes, in 2024 13.', 'nine', ['2025-01-01', '2025-12-31']],
  ])('%s: %s (%s)', (lang, sentence, figure, want) => {
    expect(period(article('2026-12-05', sentence), figure, lang)).toEqual(want)
  })
  it('es: "explicó que en 2025" is not a comparison with 2025', () => {
    const text = article('2026-12-04', 'La consejera explicó que en 2025 se presentaron 21.400 solicitudes.')
    expect(period(text, '21.400', 'es')).toEqual(['2025-01-01', '2025-12-31'])
  })
})

describe('so far, a future in -remos, a part of a month without its year, a survey published on a day', () => {
  it('de: "2026 … bislang" ends on the article date even when the sentence looks ahead elsewhere', () => {
    const text = article(
      '2026-12-04',
      '2026 sind bislang nur sieben Firmen an die Börse gegangen, und für 2027 erwartet die Börse wieder ein Dutzend.',
    )
    expect(period(text, 'sieben', 'de')).toEqual(['2026-01-01', '2026-12-04'])
  })
  it('es: "este año estaremos por encima de 9.500" is a forecast for the whole year', () => {
    const text = article('2026-12-04', 'Este año estaremos por encima de 9.500 beneficiarios.')
    expect(period(text, '9.500', 'es')).toEqual(['2026-01-01', '2026-12-31'])
  })
  it('uk: "наприкінці березня" in the past is the last March begun', () => {
    const text = article(
      '2026-12-01',
      'Попередній максимум — 19,1 млрд грн — було зафіксовано наприкінці березня.',
    )
    expect(period(text, '19,1 млрд грн', 'uk')).toEqual(['2026-03-21', '2026-03-31'])
  })
  it('fr: "une enquête publiée mardi" is not the period of what it found', () => {
    const text = article(
      '2026-12-03',
      'Près de 40 % des pharmacies étaient en rupture la semaine dernière, selon une enquête publiée mardi.',
    )
    expect(period(text, '40 %', 'fr')).toEqual(['2026-11-23', '2026-11-29'])
  })
})

describe('ru: "до 30 июня 2031 года" reads its year', () => {
  it('a contract until a day of a stated year runs from the article date to that day', () => {
    const text = article(
      '2026-12-03',
      'Байрамов подпишет контракт на четыре с половиной года — до 30 июня 2031 года.',
    )
    expect(period(text, 'четыре с половиной года', 'ru')).toEqual(['2026-12-03', '2031-06-30'])
  })
})
