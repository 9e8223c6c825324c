// Runs in tests: the period prefill of round 8 (README "Figures"): a change measured against a baseline keeps
// its own sentence's period (conventions v2, point 9), the day a statement was made or figures published is
// not their period, and a release's lead lends its reference period to the paragraphs after it.
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

describe('a change keeps its sentence period; the baseline takes the compared one (v2 §9)', () => {
  it.each([
    [
      'en',
      'Kestrel counted 15.3 million journeys in 2025, up 4% from a year earlier.',
      '4%',
      ['2025-01-01', '2025-12-31'],
    ],
    [
      'en',
      'Kestrel counted 15.3 million journeys in 2025, against 14.7 million a year earlier.',
      '14.7 million',
      ['2024-01-01', '2024-12-31'],
    ],
    [
      'fr',
      'Le port a traité 2,1 millions de tonnes en 2025, soit 11 % de plus qu’en 2024.',
      '11 %',
      ['2025-01-01', '2025-12-31'],
    ],
    [
      'fr',
      'Le déficit a atteint 2,9 milliards en 2024, contre 1,3 milliard un an plus tôt.',
      '1,3 milliard',
      ['2023-01-01', '2023-12-31'],
    ],
    [
      'es',
      'El puerto movió 3,8 millones de TEU en 2025, un 12 % más que en el mismo periodo del año pasado.',
      '12 %',
      ['2025-01-01', '2025-12-31'],
    ],
    [
      'de',
      'Der Flughafen zählte im Juli 1,4 Millionen Passagiere, 7,8 Prozent mehr als im Vorjahresmonat.',
      '7,8 Prozent',
      ['2026-07-01', '2026-07-31'],
    ],
    [
      'uk',
      'У січні–жовтні 2026 року порт обробив 11,6 млн тонн, що на 23% більше, ніж за аналогічний період минулого року.',
      '23%',
      ['2026-01-01', '2026-10-31'],
    ],
    [
      'ru',
      'В январе–октябре завод выпустил 21 300 автомобилей, на 34% меньше, чем годом ранее.',
      '34%',
      ['2026-01-01', '2026-10-31'],
    ],
  ])('%s: %s (%s)', (lang, sentence, figure, expected) => {
    expect(period(article('2026-11-20', sentence), figure, lang)).toEqual(expected)
  })
})

describe('the day a statement was made or figures published is not their period', () => {
  it.each([
    [
      'fr',
      'Le groupe a publié jeudi un chiffre d’affaires de 4,82 Md€ pour l’année 2024.',
      '4,82 Md€',
      ['2024-01-01', '2024-12-31'],
    ],
    [
      'fr',
      'Le feu qui ravage depuis samedi le massif de la Serre a parcouru 2 300 hectares, a indiqué mercredi à 7h30 la préfecture.',
      '2 300 hectares',
      ['2026-08-08', '2026-08-12'],
    ],
    [
      'de',
      'Nach Unwettern seit Montag ist die Zahl der Toten auf mindestens neun gestiegen, wie das Innenministerium am Mittwochmittag mitteilte.',
      'neun',
      ['2026-08-10', '2026-08-12'],
    ],
  ])('%s: %s (%s)', (lang, sentence, figure, expected) => {
    expect(period(article('2026-08-12', sentence), figure, lang)).toEqual(expected)
  })

  it('"am Sonntagabend mit 31:27" is when the game was played, not a statement', () => {
    const text = article(
      '2026-02-23',
      'Der Tabellenführer gewann am Sonntagabend mit 31:27 und baute seinen Vorsprung auf drei Punkte aus.',
    )
    expect(period(text, 'drei Punkte', 'de')).toEqual(['2026-02-22', '2026-02-22'])
  })
})

describe('a release lends its lead period to later paragraphs without one (v2 §3b)', () => {
  it.each([
    [
      'es',
      article(
        '2026-12-02',
        'El paro registrado bajó en noviembre en 21.430 personas, según el Ministerio de Trabajo.',
        'Por sectores, el paro cayó en 18.240 personas en los servicios.',
      ),
      '18.240',
      ['2026-11-01', '2026-11-30'],
    ],
    [
      'de',
      article(
        '2026-12-02',
        'Die Zahl der Arbeitslosen ist im November gesunken.',
        'Die Behörde zählte zudem 38.470 offene Stellen.',
      ),
      '38.470',
      ['2026-11-01', '2026-11-30'],
    ],
    [
      'ru',
      article(
        '2026-09-24',
        'Северогорск возглавил ежегодный рейтинг качества жизни. Рейтинг составлен по данным за 2025 год.',
        'Каменногорск поднялся на 11 позиций.',
      ),
      '11',
      ['2025-01-01', '2025-12-31'],
    ],
    [
      'fr',
      article(
        '2025-02-20',
        'Le groupe a publié jeudi un chiffre d’affaires de 4,82 Md€ pour l’année 2024.',
        'Sur l’ensemble de l’exercice, la marge s’établit à 14,1 %, contre 13,4 % en 2023.',
      ),
      '14,1 %',
      ['2024-01-01', '2024-12-31'],
    ],
  ])('%s', (lang, text, figure, expected) => {
    expect(period(text, figure, lang)).toEqual(expected)
  })

  it('a survey names when it was held, which is not its figures’ period', () => {
    const text = article(
      '2026-10-21',
      'Опитування, яке у вересні провів інститут, охопило 4 812 педагогів.',
      'Головна причина — зарплата: 68% опитаних назвали її недостатньою.',
    )
    expect(period(text, '68%', 'uk')).toBeUndefined()
  })
})

describe('today, this morning, tonight: the article’s date', () => {
  it.each([
    [
      'en',
      'About 38,000 homes are without electricity this morning.',
      'About 38,000',
      ['2025-11-20', '2025-11-20'],
    ],
    [
      'en',
      'About 31,000 homes are still without power as of 15:00.',
      'About 31,000',
      ['2025-11-20', '2025-11-20'],
    ],
    ['en', 'Gold eased 0.3% on the day to $2,611 an ounce.', '$2,611', ['2025-11-20', '2025-11-20']],
    ['es', 'En Santander ha votado hasta ahora el 30,4 % del censo.', '30,4 %', ['2025-11-20', '2025-11-20']],
    ['uk', 'Цієї ночі сили ППО знешкодили 30 ракет і 47 дронів.', '47', ['2025-11-19', '2025-11-20']],
  ])('%s: %s (%s)', (lang, sentence, figure, expected) => {
    expect(period(article('2025-11-20', sentence), figure, lang)).toEqual(expected)
  })
})

describe('a period named after a comparison word a few words back is the compared one', () => {
  it.each([
    [
      'de',
      'Der Ausschuss registrierte in den ersten neun Monaten 3.118 Kaufverträge, rund ein Fünftel mehr als im gleichen Zeitraum 2025.',
      'rund ein Fünftel',
      ['2026-01-01', '2026-09-30'],
    ],
    [
      'de',
      'Nach Angaben der Agentur waren im November 187.340 Menschen ohne Job gemeldet, 2.915 weniger als im Oktober.',
      '187.340',
      ['2026-11-01', '2026-11-30'],
    ],
    [
      'uk',
      'Від початку року зафіксовано 1 126 пожеж на площі 5,8 тис. га, що майже втричі більше, ніж за аналогічний період 2025-го.',
      '5,8 тис. га',
      ['2026-01-01', '2026-12-02'],
    ],
  ])('%s: %s (%s)', (lang, sentence, figure, expected) => {
    expect(period(article('2026-12-02', sentence), figure, lang)).toEqual(expected)
  })
})

describe('in a forecast a month without its year is the next one', () => {
  it.each([
    [
      'en',
      'Winter will be quieter: the airport expects about 1.6 million passengers between November and February.',
      'about 1.6 million',
      ['2026-11-01', '2027-02-28'],
    ],
    ['en', 'The wage bill would rise by 4% in April.', '4%', ['2027-04-01', '2027-04-30']],
    [
      'es',
      'Avisó de que convocarán paros de dos horas en diciembre si no se contratan al menos 150 trabajadores.',
      'al menos 150',
      ['2026-12-01', '2026-12-31'],
    ],
    [
      'en',
      'More than 61,400 people were waiting for planned treatment on 30 September.',
      'More than 61,400',
      ['2026-09-30', '2026-09-30'],
    ],
  ])('%s: %s (%s)', (lang, sentence, figure, expected) => {
    expect(period(article('2026-10-13', sentence), figure, lang)).toEqual(expected)
  })
})
