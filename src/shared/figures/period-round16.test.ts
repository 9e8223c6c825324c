// Runs in tests: the period prefill of round 16 (README "Figures"): an article's frame, the reference period its
// title or lead states for a release, report or results piece, read front to back as state (period-frame.ts). A
// later paragraph with no time of its own takes it; a forecast, a demand, a price decision, a paragraph that
// names a time of its own, a day ("on Tuesday") or an old year as the lead's period do not.
import { describe, expect, it } from 'vitest'
import { article, period as firstPeriod } from '../../../test/figures/period-cases'

/** The period of the figure's last occurrence: the paragraph under test comes after the lead. */
const period = (text: string, figure: string, lang: string) => firstPeriod(text, figure, lang, { last: true })

describe('the lead sets the frame a later paragraph with no time of its own takes', () => {
  it.each([
    [
      'en',
      article(
        '2026-12-02',
        'The statistics office said 61,200 people were out of work in November, down 1.2%.',
        'Long-term claimants made up 18,400 of them.',
      ),
      '18,400',
      ['2026-11-01', '2026-11-30'],
    ],
    [
      'fr',
      article(
        '2025-02-20',
        'Le groupe a publié jeudi un chiffre d’affaires de 4,82 Md€ pour l’année 2024.',
        'Les ventes en Asie ont bondi de 18 %, à près de 1,1 milliard d’euros.',
      ),
      '18 %',
      ['2024-01-01', '2024-12-31'],
    ],
    [
      'es',
      article(
        '2026-10-20',
        'Entre junio y septiembre llegaron 4,8 millones de turistas, según el informe del instituto de estadística.',
        'La ocupación hotelera media fue del 86,2 %.',
      ),
      '86,2 %',
      ['2026-06-01', '2026-09-30'],
    ],
    [
      'de',
      article(
        '2026-12-02',
        'Die Zahl der Arbeitslosen ist im November gesunken. Nach Angaben der Arbeitsagentur waren 187.340 Menschen arbeitslos.',
        'Die Behörde zählte zudem 38.470 offene Stellen.',
      ),
      '38.470',
      ['2026-11-01', '2026-11-30'],
    ],
    [
      'uk',
      article(
        '2026-11-19',
        'Порт у січні–жовтні 2026 року обробив 11,6 млн тонн вантажів, свідчить звіт адміністрації.',
        'Зерно становило понад дві третини обсягу.',
      ),
      'понад дві третини',
      ['2026-01-01', '2026-10-31'],
    ],
    [
      'ru',
      article(
        '2026-02-18',
        'За неделю с 9 по 15 февраля в области зарегистрировано 14 236 случаев гриппа, следует из отчёта Роспотребнадзора.',
        'На карантин закрыты 112 классов.',
      ),
      '112',
      ['2026-02-09', '2026-02-15'],
    ],
  ])('%s', (lang, text, figure, expected) => {
    expect(period(text, figure, lang)).toEqual(expected)
  })
})

describe('the frame named again by its unit ("during the year", "за месяц") is the frame', () => {
  it.each([
    [
      'en',
      article(
        '2026-03-10',
        'The service attended 9,800 incidents in 2025, according to its annual report.',
        'Engines were sent out 1,200 times. Seven people died in fires during the year.',
      ),
      'Seven',
      ['2025-01-01', '2025-12-31'],
    ],
    [
      'ru',
      article(
        '2026-12-02',
        'Средняя температура ноября составила +5,1 °C, говорится в отчёте гидрометцентра.',
        'В Белоостровске было ветрено. Осадков за месяц выпало 31 мм.',
      ),
      '31 мм',
      ['2026-11-01', '2026-11-30'],
    ],
  ])('%s', (lang, text, figure, expected) => {
    expect(period(text, figure, lang)).toEqual(expected)
  })
})

describe('what the frame does not reach', () => {
  it.each([
    // a paragraph that names a time of its own ("by Friday")
    [
      'ru',
      article(
        '2025-08-03',
        'Потребительские цены за неделю с 22 по 28 июля выросли на 0,12%, сообщил Росстат.',
        'Аграрии к пятнице обмолотили 1,1 млн гектаров. Средняя урожайность составляет 52 центнера с гектара.',
      ),
      '52 центнера',
    ],
    // a demand
    [
      'de',
      article(
        '2026-03-10',
        'Die Feuerwehr ist im Jahr 2025 zu 95.812 Einsätzen ausgerückt, heißt es im Jahresbericht.',
        'Die Gewerkschaft fordert einen Zuschlag von 300 Euro im Monat.',
      ),
      '300 Euro',
    ],
    // a price decision
    [
      'uk',
      article(
        '2026-09-01',
        'Цього року на бюджетні місця зарахували 78,4 тис. вступників, свідчать дані звіту міністерства.',
        'Ректорка каже, що її заклад підняв ціну лише на 4%.',
      ),
      '4%',
    ],
    // a forecast
    [
      'fr',
      article(
        '2025-02-20',
        'Le groupe a publié un chiffre d’affaires de 4,82 Md€ pour l’année 2024.',
        'Le groupe investira environ 650 M€ dans une usine.',
      ),
      'environ 650 M€',
    ],
    // the lead's period is a day, not a reference period
    [
      'es',
      article(
        '2026-12-02',
        'El informe presentado este martes cifra en 3.400 los desalojados.',
        'La comarca tiene 41 municipios.',
      ),
      '41',
    ],
    // an old year in the lead is the story's past, not the period it reports
    [
      'en',
      article(
        '2026-12-02',
        'When she sold her first lanterns in 2011, she had £4,000 in savings, her company report says.',
        'The unit sells for £3,950.',
      ),
      '£3,950',
    ],
  ])('%s', (lang, text, figure) => {
    expect(period(text, figure, lang)).toBeUndefined()
  })
})

describe('a year that ends on a stated day, and the bare split years of an article that states one', () => {
  it.each([
    [
      'en',
      article('2026-10-14', 'The service attended 14,212 incidents in the year to 31 March 2026.'),
      '14,212',
      ['2025-04-01', '2026-03-31'],
    ],
    [
      'en',
      article(
        '2026-10-14',
        'The service attended 14,212 incidents in the year to 31 March 2026.',
        'Its budget for 2026/27 is £61.5 million.',
      ),
      '£61.5 million',
      ['2026-04-01', '2027-03-31'],
    ],
    [
      'fr',
      article(
        '2025-10-02',
        'Le groupe a réalisé 2,1 milliards d’euros de ventes sur l’exercice clos le 30 juin 2025.',
      ),
      '2,1 milliards d’euros',
      ['2024-07-01', '2025-06-30'],
    ],
    [
      'es',
      article(
        '2026-12-04',
        'Telvia facturó 2.150 millones de euros en el ejercicio fiscal 2025/26, cerrado el 31 de marzo.',
      ),
      '2.150 millones de euros',
      ['2025-04-01', '2026-03-31'],
    ],
    [
      'de',
      article(
        '2026-12-04',
        'Der Konzern setzte im Geschäftsjahr bis zum 30. September 2025 rund 4 Milliarden Euro um.',
      ),
      'rund 4 Milliarden Euro',
      ['2024-10-01', '2025-09-30'],
    ],
    [
      'uk',
      article(
        '2026-12-04',
        'За рік, що завершився 31 березня 2026 року, компанія заробила 3,2 млрд гривень.',
      ),
      '3,2 млрд гривень',
      ['2025-04-01', '2026-03-31'],
    ],
    [
      'ru',
      article('2026-12-04', 'За финансовый год, закончившийся 30 июня, выручка составила 4 млрд рублей.'),
      '4 млрд рублей',
      ['2025-07-01', '2026-06-30'],
    ],
  ])('%s', (lang, text, figure, expected) => {
    expect(period(text, figure, lang)).toEqual(expected)
  })
})

describe('a summary whose title names the period its lead reports sets the frame, with no release words', () => {
  it.each([
    [
      'ru',
      [
        'date 2026-12-02 Ноябрь в Приозерье оказался на 3,4 градуса теплее нормы',
        '',
        'Средняя температура ноября в крае составила +5,1 °C.',
        '',
        'Снежный покров так и не образовался, а солнце светило 48 часов.',
      ].join('\n'),
      '48 часов',
      ['2026-11-01', '2026-11-30'],
    ],
    [
      'de',
      [
        'date 2026-12-01 Herbst 2026 war 1,9 Grad zu warm',
        '',
        'Der meteorologische Herbst 2026 war der drittwärmste seit Beginn der Messungen.',
        '',
        'Im Nordosten blieben einige Landkreise unter 90 Litern.',
      ].join('\n'),
      'unter 90 Litern',
      ['2026-09-01', '2026-11-30'],
    ],
    [
      'uk',
      [
        'date 2026-01-14 Пожежі в краї: підсумки 2025 року',
        '',
        'Торік рятувальники краю виїжджали на пожежі 7 906 разів.',
        '',
        'Управління отримало 12 нових автоцистерн.',
      ].join('\n'),
      '12',
      ['2025-01-01', '2025-12-31'],
    ],
    [
      'fr',
      [
        'date 2026-10-02 Septembre 2026, le plus chaud jamais mesuré',
        '',
        'Avec une température moyenne de 19,8 °C, septembre 2026 a été le mois le plus chaud.',
        '',
        'Les stations ont compté 23 jours de chaleur anormale.',
      ].join('\n'),
      '23 jours',
      ['2026-09-01', '2026-09-30'],
    ],
  ])('%s', (lang, text, figure, expected) => {
    expect(period(text, figure, lang)).toEqual(expected)
  })
})

describe('the frame does not reach what happens as a rule, a proposal or a view', () => {
  it.each([
    [
      'es',
      article(
        '2026-12-03',
        'El 86,4 % de los trenes llegó puntual en noviembre, según el informe de la operadora.',
        '«Hay trenes que llegan con 40 minutos de retraso a diario», denunció la portavoz.',
      ),
      '40 minutos',
    ],
    [
      'ru',
      article(
        '2026-11-18',
        'Продажи лотерей за январь–сентябрь выросли на 17%, следует из отчёта Минфина.',
        'Минфин предлагает поднять отчисления операторов до 12%.',
      ),
      'до 12%',
    ],
    [
      'uk',
      article(
        '2026-12-07',
        'Нацбанк у січні–листопаді збільшив золоті резерви на 9,4 тонни, свідчить звіт регулятора.',
        'Економістка вважає, що частку золота варто підняти до 20%.',
      ),
      'до 20%',
    ],
  ])('%s', (lang, text, figure) => {
    expect(period(text, figure, lang)).toBeUndefined()
  })
})

describe('"in the same period" with no year after it is the last span named before, across paragraphs', () => {
  it.each([
    [
      'en',
      article('2026-11-20', 'Wheat fell 3% in the week to Friday.', 'Maize lost 2.1% in the same period.'),
      '2.1%',
      ['2026-11-14', '2026-11-20'],
    ],
    [
      'de',
      article(
        '2026-11-20',
        'Weizen verbilligte sich von Januar bis Oktober um 3 Prozent.',
        'Mais gab im gleichen Zeitraum um 2,1 Prozent nach.',
      ),
      '2,1 Prozent',
      ['2026-01-01', '2026-10-31'],
    ],
    [
      'ru',
      article(
        '2026-11-20',
        'С января по октябрь пшеница подешевела на 3%.',
        'Ячмень за тот же период подешевел на 1,2%.',
      ),
      '1,2%',
      ['2026-01-01', '2026-10-31'],
    ],
  ])('%s', (lang, text, figure, expected) => {
    expect(period(text, figure, lang)).toEqual(expected)
  })
})

describe("a release's lead span is its frame whatever its bounds, unless it runs to the article's date", () => {
  it.each([
    [
      'en',
      article(
        '2026-03-05',
        'Inspectors checked 412 building sites between 12 January and 27 February, the labour inspectorate said in its report.',
        'They found 61 sites without scaffold guards.',
      ),
      '61',
      ['2026-01-12', '2026-02-27'],
    ],
    [
      'de',
      article(
        '2026-01-15',
        'Vom 17. November bis zum 28. Dezember setzte die Warenhauskette 214 Mio. Euro um, wie aus ihrem Quartalsbericht hervorgeht.',
        'Der Onlineanteil lag bei 38,2 Prozent.',
      ),
      '38,2 Prozent',
      ['2025-11-17', '2025-12-28'],
    ],
    [
      'ru',
      article(
        '2026-03-05',
        'С 12 января по 27 февраля инспекторы проверили 412 строек, говорится в отчёте инспекции.',
        'Нарушения нашли на 290 объектах.',
      ),
      '290',
      ['2026-01-12', '2026-02-27'],
    ],
  ])('%s', (lang, text, figure, expected) => {
    expect(period(text, figure, lang)).toEqual(expected)
  })

  it('a running total since a day in the lead is no frame for what later paragraphs count', () => {
    const text = article(
      '2026-03-12',
      'Since 1 February the floods have displaced 12,400 people, the agency said in its situation report.',
      'Some 412 people are in shelters.',
    )
    expect(period(text, '412', 'en')).toBeUndefined()
  })
})
