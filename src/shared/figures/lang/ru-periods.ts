// Runs everywhere: the Russian period phrases chrono-node does not read the way a researcher means them:
// "в конце марта", "в 2023 году", "за последние три месяца", "в прошлом году", "летом 2024 года", "во вторник".
import type { Day } from '../dates'
import { addDays, addMonths, lastDayOfMonth, nearestYear, weekdayIndex } from '../dates'
import type { FoundPeriod } from '../period-phrases'
import { parseRuNumberWords } from './ru-numbers'
import type { PeriodWords } from './types'
import { RU_MONTHS } from './ru-words'

type Range = { from: Day; to: Day }

const L = '(?<![\\p{L}\\d])'
const R = '(?![\\p{L}\\d])'
const MONTH = `(${RU_MONTHS.map((m) => m.replace(/ /g, '|')).join('|')})`
const YEAR = '((?:19|20)\\d{2})'
const YEAR_WORD = '(?:год|года|году|г\\.)'
const monthOf = (word: string): number =>
  RU_MONTHS.findIndex((m) => m.split(' ').includes(word.toLowerCase().replace(/ё/g, 'е'))) + 1

const whole = (year: number, month: number, fromDay = 1, toDay: number | 'last' = 'last'): Range => ({
  from: { year, month, day: fromDay },
  to: { year, month, day: toDay === 'last' ? lastDayOfMonth(year, month) : toDay },
})
const yearRange = (from: number, to = from): Range => ({
  from: { year: from, month: 1, day: 1 },
  to: { year: to, month: 12, day: 31 },
})

/** Which days of the month "в начале / в середине / в конце" covers. */
const PART_DAYS: readonly [RegExp, number, number | 'last'][] = [
  [/^начал/, 1, 10],
  [/^середин/, 11, 20],
  [/^конц|^кон[её]ц/, 21, 'last'],
  [/^перв\S* половин/, 1, 15],
  [/^втор\S* половин/, 16, 'last'],
  [/^перв\S* недел/, 1, 7],
]
const PART =
  '(начал[еоа]|середин[еаы]|конц[еау]|кон[её]ц|перв\\p{L}* половин\\p{L}*|втор\\p{L}* половин\\p{L}*|перв\\p{L}* недел\\p{L}*)'

/** A year that only completes a date, a season or a boundary read by another phrase: "1 января 2025 года". */
const NOT_AFTER = `(?<!(?:${RU_MONTHS.map((m) => m.replace(/ /g, '|')).join('|')}|зимой|весной|летом|осенью|конц[аеу]|начал[аеу]|середин[аеуы]|до|к)\\s+)`

const SEASONS: Readonly<Record<string, [number, number]>> = {
  зим: [12, 2],
  весн: [3, 5],
  весной: [3, 5],
  лет: [6, 8],
  осен: [9, 11],
}
const WEEKDAYS = ['понедельник', 'вторник', 'сред', 'четверг', 'пятниц', 'суббот', 'воскресень']
const UNIT_DAYS: Readonly<Record<string, number>> = { час: 1 / 24, сут: 1, дн: 1, ден: 1, недел: 7 }

const count = (word: string | undefined): number | undefined =>
  word === undefined ? 1 : /^\d+$/.test(word) ? Number(word) : parseRuNumberWords([word.toLowerCase()])?.value

/** Periods in `text` read by our own rules; relative ones need `ref` (the article's date). */
export function findRuPeriods(text: string, ref: Day | undefined): FoundPeriod[] {
  const found: FoundPeriod[] = []
  const add = (index: number, phrase: string, range: Range | undefined): void => {
    if (range) found.push({ ...range, index, text: phrase })
  }
  const each = (pattern: string, read: (m: RegExpMatchArray) => Range | undefined): void => {
    for (const m of text.matchAll(new RegExp(pattern, 'giu'))) add(m.index ?? 0, m[0], read(m))
  }
  // в начале марта, в конце декабря 2024 года, в первой половине мая, первая неделя января
  each(
    `(?<!(?:до|к)\\s+)${L}(?:в|во)?\\s*${PART}\\s+${MONTH}(?:\\s+${YEAR}(?:\\s*${YEAR_WORD})?)?${R}`,
    (m) => {
      const part = PART_DAYS.find(([p]) => p.test(m[1].toLowerCase()))
      const month = monthOf(m[2])
      const year = m[3] ? Number(m[3]) : ref ? nearestYear(month, ref) : undefined
      return part && year !== undefined ? whole(year, month, part[1], part[2]) : undefined
    },
  )
  // в феврале прошлого года, в марте этого года
  each(`${L}${MONTH}\\s+(прошлого|этого|текущего|следующего)\\s+года${R}`, (m) => {
    if (ref === undefined) return undefined
    const shift = { прошлого: -1, этого: 0, текущего: 0, следующего: 1 }[m[2].toLowerCase()] ?? 0
    return whole(ref.year + shift, monthOf(m[1]))
  })
  // в 2023 году, с 2014 года, 2027–2029 годах, по итогам 2025 года, в 2023-м
  each(
    `${NOT_AFTER}${L}${YEAR}(?:\\s*[-–—]\\s*${YEAR})?(?:\\s*(?:год|года|году|годом|годах|годов|гг?\\.)|-(?:м|й|го|му))${R}`,
    (m) => yearRange(Number(m[1]), Number(m[2] ?? m[1])),
  )
  // летом 2024 года, этой зимой, прошлой осенью
  each(
    `${L}(?:(этой|этим|прошлой|прошлым|минувшей|минувшим|нынешней|нынешним)\\s+)?(зимой|весной|летом|осенью)(?:\\s+${YEAR}(?:\\s*${YEAR_WORD})?)?${R}`,
    (m) => {
      const key = Object.keys(SEASONS).find((k) => m[2].toLowerCase().startsWith(k)) ?? ''
      const [first, last] = SEASONS[key]
      const past = m[1] !== undefined && /^(?:прошл|минувш)/i.test(m[1])
      const year = m[3] ? Number(m[3]) : ref ? ref.year - (past ? 1 : 0) : undefined
      if (year === undefined) return undefined
      // winter runs from December of the year before
      const from = first === 12 ? { year: year - 1, month: 12, day: 1 } : { year, month: first, day: 1 }
      return { from, to: whole(year, last).to }
    },
  )
  if (ref !== undefined) found.push(...relative(text, ref))
  return found
}

function relative(text: string, ref: Day): FoundPeriod[] {
  const found: FoundPeriod[] = []
  const each = (pattern: string, read: (m: RegExpMatchArray) => Range | undefined): void => {
    for (const m of text.matchAll(new RegExp(pattern, 'giu'))) {
      const range = read(m)
      if (range) found.push({ ...range, index: m.index ?? 0, text: m[0] })
    }
  }
  // в прошлом / этом / текущем / следующем году (and "в текущем" where the noun is left out)
  each(
    `${L}(?:в|за)\\s+(прошлом|этом|текущем|нынешнем|следующем|будущем)(?:\\s+году|(?=\\s*[.,;]))${R}`,
    (m) => {
      const word = m[1].toLowerCase()
      const shift = word === 'прошлом' ? -1 : word === 'следующем' || word === 'будущем' ? 1 : 0
      return yearRange(ref.year + shift)
    },
  )
  each(`${L}(?:в|за)\\s+(прошлом|этом|текущем)\\s+месяце${R}`, (m) => {
    const month = addMonths({ ...ref, day: 1 }, m[1].toLowerCase() === 'прошлом' ? -1 : 0)
    return whole(month.year, month.month)
  })
  each(`${L}(?:на|за)\\s+(этой|прошлой|следующей)\\s+неделе${R}`, (m) => {
    const shift = { этой: 0, прошлой: -7, следующей: 7 }[m[1].toLowerCase()] ?? 0
    const monday = addDays(ref, -weekdayIndex(ref) + shift)
    return { from: monday, to: addDays(monday, 6) }
  })
  // за последний год, за последние три месяца, за прошедшие 24 часа, в ближайшие трое суток
  each(
    `${L}(?:за|в|на)?\\s*(последн|прошедш|минувш|ближайш|следующ)\\p{L}*\\s+(?:(\\d+|\\p{L}+)\\s+)?(год|года|лет|месяц|месяца|месяцев|недел\\p{L}*|сутки|суток|дн\\p{L}*|день|час\\p{L}*)${R}`,
    (m) => {
      // "за прошедшую неделю", "за последний год": one of the unit
      const n = m[2] === undefined ? 1 : count(m[2])
      if (n === undefined) return undefined
      const unit = m[3].toLowerCase()
      const forward = /^(?:ближайш|следующ)/i.test(m[1])
      // "следующего года", "в следующем месяце" with no count: the next calendar year or month, not a rolling one
      if (m[2] === undefined && /^следующ/i.test(m[1]) && /^(?:год|месяц)/.test(unit)) {
        const from = unit.startsWith('год')
          ? { year: ref.year + 1, month: 1, day: 1 }
          : addMonths({ ...ref, day: 1 }, 1)
        const to = unit.startsWith('год')
          ? { year: ref.year + 1, month: 12, day: 31 }
          : { ...from, day: lastDayOfMonth(from.year, from.month) }
        return { from, to }
      }
      const sign = forward ? 1 : -1
      const days = Object.entries(UNIT_DAYS).find(([k]) => unit.startsWith(k))?.[1]
      const other =
        days !== undefined
          ? addDays(ref, sign * Math.ceil(n * days))
          : addMonths(ref, sign * (unit.startsWith('месяц') ? n : 12 * n))
      return forward ? { from: ref, to: other } : { from: other, to: ref }
    },
  )
  // за неделю (a weekly review): the seven days to the article's date ("за год", "за месяц" name the
  // last whole year or month of a report, so they are left to the phrases that read them)
  each(`${L}за\\s+неделю${R}(?!\\s+(?:до|назад|с\\s))`, () => ({ from: addDays(ref, -7), to: ref }))
  // с начала года: from 1 January to the article's date
  each(`${L}с\\s+начала\\s+(?:этого\\s+|текущего\\s+)?года${R}`, () => ({
    from: { year: ref.year, month: 1, day: 1 },
    to: ref,
  }))
  // за сутки, ночью, за ночь: the day before the article's date to that date
  each(`${L}(?:за\\s+сутки|ночью|за\\s+ночь|в\\s+ночь|минувшей\\s+ночью|прошедшей\\s+ночью)${R}`, () => ({
    from: addDays(ref, -1),
    to: ref,
  }))
  // сейчас, сегодня, на сегодня, в настоящее время: the article's date
  each(`${L}(?:сейчас|сегодня|ныне|в\\s+настоящее\\s+время)${R}`, () => ({ from: ref, to: ref }))
  // до конца года / месяца / марта / 2026 года: from the article's date to that end
  each(`${L}(?:до|к)\\s+конц[ау]\\s+(?:(года|месяца)|${MONTH}|${YEAR}\\s*${YEAR_WORD})${R}`, (m) => {
    if (m[1]?.toLowerCase() === 'года') return { from: ref, to: { year: ref.year, month: 12, day: 31 } }
    if (m[1] !== undefined) return { from: ref, to: whole(ref.year, ref.month).to }
    if (m[2] !== undefined) {
      const month = monthOf(m[2])
      return { from: ref, to: whole(nearestYear(month, ref), month).to }
    }
    return { from: ref, to: { year: Number(m[3]), month: 12, day: 31 } }
  })
  // до 30 ноября, до 30 июня 2031 года, до 2030 года: from the article's date to that day or year
  each(
    `${L}до\\s+(?:(\\d{1,2})\\s+${MONTH}(?:\\s+(\\d{4})\\s*(?:года|г\\.))?|${YEAR}\\s*${YEAR_WORD})${R}`,
    (m) => {
      if (m[4] !== undefined) return { from: ref, to: { year: Number(m[4]), month: 12, day: 31 } }
      const month = monthOf(m[2])
      const day = Number(m[1])
      const next = month < ref.month || (month === ref.month && day < ref.day) ? ref.year + 1 : ref.year
      return { from: ref, to: { year: m[3] !== undefined ? Number(m[3]) : next, month, day } }
    },
  )
  // в 04.30, к 14:00, по состоянию на 21:30: a time of day with no date is the article's day
  each(`${L}(?:в|к|до|с|около|на)\\s+\\d{1,2}[:.]\\d{2}${R}`, () => ({ from: ref, to: ref }))
  // с пятницы: from the last such day to the article's date
  each(`${L}(?:с|со)\\s+(понедельника|вторника|среды|четверга|пятницы|субботы|воскресенья)${R}`, (m) => {
    const target = WEEKDAYS.findIndex((w) => m[1].toLowerCase().startsWith(w))
    return { from: addDays(ref, -((weekdayIndex(ref) - target + 7) % 7)), to: ref }
  })
  // во вторник, в среду: the last such day on or before the article's date
  each(`${L}(?:в|во)\\s+(понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)${R}`, (m) => {
    const target = WEEKDAYS.findIndex((w) => m[1].toLowerCase().startsWith(w))
    const day = addDays(ref, -((weekdayIndex(ref) - target + 7) % 7))
    return { from: day, to: day }
  })
  return found
}

export const ruPeriod: PeriodWords = {
  chrono: 'ru',
  phrases: findRuPeriods,
  joiner: /^\s*(?:по|до|-|–|—)\s*$/i,
  and: /^\s*и\s*$/i,
  since: /(?<![\p{L}\d])(?:с|со|начиная\s+с|с\s+начала\s+\p{L}+|начавш\p{L}*|начал\p{L}*ся)\s+$/iu,
  // "сообщила в среду", "заявил во вторник": when it was said, not what the figure covers
  said: /(?<![\p{L}\d])(?:сообщи\p{L}*|заяви\p{L}*|сказа\p{L}*|объяви\p{L}*|рассказа\p{L}*|отмети\p{L}*)\s+(?:в|во)\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)(?![\p{L}\d])/giu,
  comparison:
    /(?<![\p{L}\d])(?:чем|по\s+сравнению\s+с|аналогичн\p{L}*\s+период\p{L}*|против)\s+(?:[\p{L}-]+\s+){0,3}?$/iu,
  between: /(?<![\p{L}\d])(?:между|с|от|по\s+итогам|за|в|во)\s+$/iu,
  duration: /^(?:через|в\s+течение|на\s+протяжении|спустя)\s/iu,
  relative: /(?<![\p{L}\d])(?:ранее|назад|позже|позднее|спустя|через|раньше)(?![\p{L}\d])/iu,
}
