// Runs in tests: the clause model of the period prefill (period-scope.ts, README "Figures", round 9): a figure
// takes a period phrase of its own clause first, one of the sentence's main line before it next, and never one
// of a relative clause about something else or of a later coordinate clause.
import { describe, expect, it } from 'vitest'
import { clausesOf } from './period-scope'
import { article, period } from '../../../test/figures/period-cases'

describe('clauses', () => {
  it('cuts at a comma before a relative or coordinating word, at ";" and ": ", around long quotes', () => {
    const text =
      'Das Stadion soll 16.500 Zuschauern Platz bieten, mehr als das alte, das 1957 eröffnet wurde; gut.'
    const clauses = clausesOf(text, 0, text.length, 'de').map((c) => [
      text.slice(c.start, c.end).trim(),
      c.sub,
    ])
    expect(clauses).toEqual([
      ['Das Stadion soll 16.500 Zuschauern Platz bieten, mehr als das alte,', false],
      ['das 1957 eröffnet wurde;', true],
      ['gut.', false],
    ])
  })
  it('keeps a short quoted name and brackets inside their clause', () => {
    const text = 'Сапери місії «Чисте поле» (понад 40 осіб) перевіряли ділянку з березня до липня 2023 року.'
    expect(clausesOf(text, 0, text.length, 'uk')).toHaveLength(1)
  })
})

describe('a phrase reaches a figure from its clause or the main line before it', () => {
  it.each([
    // a relative clause about another noun lends nothing
    [
      'de',
      "Das Stadion soll 16'500 Zuschauern Platz bieten, 4'200 mehr als das alte Grienmatt, das 1957 eröffnet wurde.",
      "16'500",
      undefined,
    ],
    [
      'en',
      'The new stadium will seat 16,500 people, more than the old ground, which opened in 1957.',
      '16,500',
      undefined,
    ],
    [
      'fr',
      'Le nouveau stade accueillera 16 500 spectateurs, plus que l’ancien, qui avait ouvert en 1957.',
      '16 500',
      undefined,
    ],
    // a later coordinate clause lends nothing back
    [
      'uk',
      '«Нам бракує ще 27,4 мільйона гривень, і кожна гривня зараз на вагу золота», — додала вона.',
      '27,4 мільйона',
      undefined,
    ],
    [
      'ru',
      '«Нам не хватает еще 27,4 млн рублей, и каждый рубль сейчас на вес золота», — добавила она.',
      '27,4 млн',
      undefined,
    ],
    // the phrase of the figure's own clause wins over a nearer one of another clause
    [
      'uk',
      'Торік до стаціонарів потрапили близько 214 тисяч людей, а за дев’ять місяців 2026 року — 168 тисяч.',
      '214 тисяч',
      ['2025-01-01', '2025-12-31'],
    ],
    [
      'es',
      'Según sus registros, solo 41 camiones cruzaron en noviembre, y hoy siguen esperando 260.',
      '41',
      ['2026-11-01', '2026-11-30'],
    ],
    // a fronted phrase governs the coordinate clauses after it
    [
      'en',
      'In 2025, the company sold 5 million cars, and its rival sold 3 million.',
      '3 million',
      ['2025-01-01', '2025-12-31'],
    ],
    [
      'ru',
      'В 2025 году компания продала 5 млн машин, а ее конкурент продал 3 млн.',
      '3 млн',
      ['2025-01-01', '2025-12-31'],
    ],
    // a relative clause right after the figure's words describes what it counts
    [
      'de',
      'Die Talbrücke ist eine von rund 1.100 Autobahnbrücken, die bis 2032 saniert werden müssen.',
      'rund 1.100',
      ['2026-12-01', '2032-12-31'],
    ],
    // a comparison's baseline after a comma keeps its period to itself (conventions v2, §9)
    [
      'en',
      'It has received 9 breach reports so far this year, against 4 in the whole of 2025, the authority said.',
      '4',
      ['2025-01-01', '2025-12-31'],
    ],
    ['es', 'Las escalas duran ya 41 horas, frente a 29 horas en 2024.', '41 horas', undefined],
    ['ru', 'Доля контрафакта снизилась до 6,4%, против 9,1% в 2024 году.', '6,4%', undefined],
    // "davon", "of which", "з них": the part stands where the whole does
    [
      'de',
      "Betroffen sind Kocher, die zwischen März 2025 und August 2026 verkauft wurden, davon etwa 38'400 in der Schweiz.",
      "etwa 38'400",
      ['2025-03-01', '2026-08-31'],
    ],
    [
      'uk',
      'Відкликали плити, які продавали з березня 2025 до серпня 2026 року, з них 38 тисяч в Україні.',
      '38 тисяч',
      ['2025-03-01', '2026-08-31'],
    ],
  ] as const)('%s: %s', (lang, sentence, figure, want) => {
    expect(period(article('2026-12-01', sentence), figure, lang)).toEqual(want)
  })
})

describe('"since" and a period under way (round 9)', () => {
  it.each([
    // a since-phrase read whole runs to the article's date
    [
      'es',
      'Allí se han encontrado 57 grullas muertas desde mediados de octubre.',
      '57',
      ['2026-10-11', '2026-12-01'],
    ],
    ['ru', 'С 1 октября от осложнений гриппа умерли девять человек.', 'девять', ['2026-10-01', '2026-12-01']],
    // "since the start of … in September", "с выхода в прокат 19 ноября"
    [
      'ru',
      'С начала прививочной кампании в сентябре привиты 1,04 млн жителей.',
      '1,04 млн',
      ['2026-09-01', '2026-12-01'],
    ],
    [
      'en',
      'Since the start of the vaccination campaign in September, 1.04 million people have been vaccinated.',
      '1.04 million',
      ['2026-09-01', '2026-12-01'],
    ],
    // a period under way, in a sentence that does not look ahead, ends on the article's date
    [
      'en',
      'Two other rockets failed on their way to orbit in 2026, he added.',
      'Two',
      ['2026-01-01', '2026-12-01'],
    ],
    ['fr', 'Le service a relevé 23 jours de gel en 2026.', '23 jours', ['2026-01-01', '2026-12-01']],
    // … but a plan, a budget or what may come runs whole
    ['en', 'The city plans to spend £20m in 2026.', '£20m', ['2026-01-01', '2026-12-31']],
    [
      'uk',
      'Ціни на кукурудзу у 2026 році можуть знизитися ще на 10–15%.',
      '10–15%',
      ['2026-01-01', '2026-12-31'],
    ],
    [
      'uk',
      'У держбюджеті на 2026 рік на неї передбачено лише 17,5 млрд грн.',
      '17,5 млрд грн',
      ['2026-01-01', '2026-12-31'],
    ],
  ] as const)('%s: %s', (lang, sentence, figure, want) => {
    expect(period(article('2026-12-01', sentence), figure, lang)).toEqual(want)
  })
})

describe('period forms read alike in every language (period-forms.ts)', () => {
  it.each([
    ['ru', 'В третьем квартале продажи составили 57 млн рублей.', '57 млн', ['2026-07-01', '2026-09-30']],
    [
      'ru',
      'В первом полугодии 2025 года продажи составили 57 млн рублей.',
      '57 млн',
      ['2025-01-01', '2025-06-30'],
    ],
    ['en', 'In the first half of 2025, sales were £57m.', '£57m', ['2025-01-01', '2025-06-30']],
    ['en', 'The ministry will spend €2.3bn in the fourth quarter.', '€2.3bn', ['2026-10-01', '2026-12-31']],
    // the first half of a match is no period
    ['en', 'He scored twice in the first half and 3 times in all.', '3 times', undefined],
    ['en', 'Between 2017 and 2021 the budget averaged £7.8m a year.', '£7.8m', ['2017-01-01', '2021-12-31']],
    ['uk', 'У 2019–2021 роках підприємство уклало 27 договорів.', '27', ['2019-01-01', '2021-12-31']],
    [
      'ru',
      'За 2023–2025 годы компания экспортировала 612 тыс. тонн зерна.',
      '612 тыс. тонн',
      ['2023-01-01', '2025-12-31'],
    ],
    ['en', 'Sales were £57m year to date.', '£57m', ['2026-01-01', '2026-12-01']],
    ['en', 'In the 2025 fiscal year, sales were £57m.', '£57m', ['2025-01-01', '2025-12-31']],
    [
      'uk',
      'У 2025 фінансовому році продажі становили 57 млн гривень.',
      '57 млн',
      ['2025-01-01', '2025-12-31'],
    ],
    // the weekend: the last one, or the coming one in a forecast
    ['en', 'The systems were shut for 40 hours last weekend.', '40 hours', ['2026-11-28', '2026-11-29']],
    [
      'de',
      'Die Polizei meldet für das vergangene Wochenende 46 Einsätze.',
      '46',
      ['2026-11-28', '2026-11-29'],
    ],
    ['uk', 'Черга зерновозів у вихідні сягала 140 машин.', '140', ['2026-11-28', '2026-11-29']],
    [
      'fr',
      'Météo-France prévoit des orages pendant le week-end, avec 10 à 20 mm.',
      '10 à 20 mm',
      ['2026-12-05', '2026-12-06'],
    ],
  ] as const)('%s: %s', (lang, sentence, figure, want) => {
    expect(period(article('2026-12-01', sentence), figure, lang)).toEqual(want)
  })
})

describe('the day something was said is not its figures’ period', () => {
  it.each([
    [
      'de',
      'Die Verbindlichkeiten bezifferte Wendrich am Mittwoch auf etwa 386 Millionen Euro.',
      'etwa 386',
      undefined,
    ],
    [
      'es',
      'El consejero ofreció el miércoles 85 millones para el sector cerealista.',
      '85 millones',
      undefined,
    ],
    [
      'uk',
      'Результати дослідження, у якому взяли участь 1 840 пацієнтів, компанія оприлюднила у вівторок.',
      '1 840',
      undefined,
    ],
    ['en', 'The ministry announced on Monday a fund of £85m for farmers.', '£85m', undefined],
    // … but a day inside what was said is the figure's
    [
      'ru',
      'Шарова сообщила, что в воскресенье на участках работают почти 4 тыс. наблюдателей.',
      'почти 4 тыс.',
      ['2026-11-29', '2026-11-29'],
    ],
  ] as const)('%s: %s', (lang, sentence, figure, want) => {
    expect(period(article('2026-12-01', sentence), figure, lang)).toEqual(want)
  })
})
