// Runs everywhere: Ukrainian periods relative to the article's date: торік, цього місяця, минулого тижня,
// вночі, за минулу добу, у вівторок, за останні три місяці, від початку повномасштабного вторгнення.
import type { Day } from '../dates'
import { addDays, addMonths, weekdayIndex } from '../dates'
import type { FoundPeriod } from '../period-phrases'
import type { Range } from './uk-period-ranges'
import { L, R, clip, month, re, year } from './uk-period-ranges'
import { parseUkNumberWords } from './uk-numbers'

const UNIT_DAYS: readonly [RegExp, (ref: Day, n: number) => Day][] = [
  [/^(?:доб|день|дні|днів)/i, (ref, n) => addDays(ref, -n)],
  [/^тиж/i, (ref, n) => addDays(ref, -7 * n)],
  [/^місяц/i, (ref, n) => addMonths(ref, -n)],
  [/^(?:рок|рік)/i, (ref, n) => addMonths(ref, -12 * n)],
]
const WEEKDAYS = ['понеділ', 'вівтор', 'серед', 'четвер', "п'ятниц", 'субот', 'неділ']

/** Periods in `text` counted from the article's date `ref`. */
export function relativePeriods(text: string, ref: Day): FoundPeriod[] {
  const found: FoundPeriod[] = []
  const add = (m: RegExpMatchArray, r: Range): void => {
    found.push({ ...r, index: m.index ?? 0, text: m[0] })
  }
  const fixed: readonly [string, () => Range][] = [
    ['торік|минулого\\s+року|у\\s+минулому\\s+році|торішн\\p{L}*', () => year(ref.year - 1)],
    ['цього\\s+року|цьогоріч|поточного\\s+року|у\\s+цьому\\s+році', () => clip(year(ref.year), ref)],
    [
      '(?:з|від|із)\\s+початку\\s+(?:цього\\s+|поточного\\s+)?року',
      () => ({ from: year(ref.year).from, to: ref }),
    ],
    [
      'наступного\\s+року|у\\s+наступному\\s+році|наступний\\s+рік|наступному\\s+році',
      () => year(ref.year + 1),
    ],
    ['до\\s+кінця\\s+(?:цього\\s+|поточного\\s+)?року', () => ({ from: ref, to: year(ref.year).to })],
    ['до\\s+кінця\\s+наступного\\s+року', () => ({ from: ref, to: year(ref.year + 1).to })],
    ['цього\\s+місяця|поточного\\s+місяця|у\\s+цьому\\s+місяці', () => clip(month(ref.year, ref.month), ref)],
    [
      'минулого\\s+місяця|у\\s+минулому\\s+місяці',
      () => {
        const p = addMonths({ ...ref, day: 1 }, -1)
        return month(p.year, p.month)
      },
    ],
    [
      'наступного\\s+місяця',
      () => {
        const p = addMonths({ ...ref, day: 1 }, 1)
        return month(p.year, p.month)
      },
    ],
    ['минулого\\s+тижня|на\\s+минулому\\s+тижні', () => week(ref, -7)],
    ['цього\\s+тижня|на\\s+цьому\\s+тижні', () => week(ref, 0)],
    ['наступного\\s+тижня|на\\s+наступному\\s+тижні', () => week(ref, 7)],
    // overnight: вночі, за ніч, у ніч на суботу, цієї ночі, нічна атака; the past day: за минулу добу
    [
      '(?:у|в)\\s+ніч\\s+(?:на|проти)\\s+\\p{L}+|(?:за|цієї|минулої|цю|тієї)\\s+(?:ніч|ноч)\\p{L}*|вночі|уночі|ніч|ніччю|нічн\\p{L}*\\s+(?:атак|удар|обстріл|масован)\\p{L}*|за\\s+(?:минулу\\s+|останню\\s+)?добу',
      () => ({ from: addDays(ref, -1), to: ref }),
    ],
    // a time of the day before or after: "вчора ввечері", "сьогодні вранці"; a clock time is the article's day
    [
      'вчора(?:\\s+(?:вранці|зранку|вдень|ввечері|увечері))?',
      () => ({ from: addDays(ref, -1), to: addDays(ref, -1) }),
    ],
    ['завтра', () => ({ from: addDays(ref, 1), to: addDays(ref, 1) })],
    ['(?:сьогодні\\s+)?(?:вранці|зранку|вдень|ввечері|увечері)|сьогодні', () => ({ from: ref, to: ref })],
    ['(?:станом\\s+на|о|об)\\s+\\d{1,2}[:.]\\d{2}', () => ({ from: ref, to: ref })],
    ['тепер|нині|наразі|зараз|на\\s+сьогодні', () => ({ from: ref, to: ref })],
    // the full-scale invasion began on 24 February 2022
    [
      '(?:з|від|із)\\s+(?:початку|моменту)\\s+(?:повномасштабного\\s+вторгнення|повномасштабної\\s+війни|великої\\s+війни)',
      () => ({ from: { year: 2022, month: 2, day: 24 }, to: ref }),
    ],
  ]
  for (const [source, range] of fixed)
    for (const m of text.matchAll(re(`${L}(?:${source})${R}`))) add(m, range())
  // "у вівторок": the last Tuesday on or before the article's date
  for (const m of text.matchAll(
    re(`${L}(?:у|в|во)\\s+(понеділок|вівторок|середу|четвер|п['’]ятницю|суботу|неділю)${R}`),
  )) {
    const k = WEEKDAYS.findIndex((w) => m[1].toLowerCase().replace('’', "'").startsWith(w))
    const day = addDays(ref, -((weekdayIndex(ref) - k + 7) % 7))
    add(m, { from: day, to: day })
  }
  // "за останні три місяці", "за минулі 24 години", "за два роки": back from the article's date
  const count = "(\\d+|[\\p{L}'’]+)"
  for (const m of text.matchAll(
    re(
      `${L}(?:за|протягом|впродовж)\\s+(?:(?:останні|минулі|останніх|минулих)\\s+)?${count}\\s+(доб|днів|дні|тижн|місяц|рок|рік)\\p{L}*${R}`,
    ),
  )) {
    const n = /^\d+$/.test(m[1]) ? Number(m[1]) : parseUkNumberWords([m[1].toLowerCase()])?.value
    const back = UNIT_DAYS.find(([p]) => p.test(m[2]))?.[1]
    if (n !== undefined && back && /^(?:за|протягом|впродовж)\s+(?:останн|минул)|^за\s/i.test(m[0]))
      add(m, { from: back(ref, n), to: ref })
  }
  return found
}

const week = (ref: Day, shift: number): Range => {
  const monday = addDays(ref, -weekdayIndex(ref) + shift)
  return { from: monday, to: addDays(monday, 6) }
}
