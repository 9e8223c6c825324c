// Runs everywhere: the period phrases chrono-node does not read the way a researcher means them:
// "late December", "the end of December", "the past 24 hours", "last week", "in 2023", "Q1 2024".
import type { Day } from './dates'
import { addDays, addMonths, lastDayOfMonth, monthNumber, nearestYear, weekdayIndex } from './dates'
import { parseNumberWords } from './number-words'

/**
 * A period found in a piece of text, `index` being its offset there. `implicit`: its year was not written
 * but inferred from the article's date ("in March", "this winter"), so it is read as the latest such period
 * that has begun by that date, and it ends there at the latest.
 */
export type FoundPeriod = {
  from: Day
  to: Day
  index: number
  text: string
  implicit?: boolean
  /** A span with its own end (a start and a duration): not read on to the article's date after "since". */
  bounded?: boolean
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)'
const MODIFIER =
  '(early|late|mid|the end of|end of|the beginning of|beginning of|the start of|start of|the middle of|middle of|the first half of|the second half of)'

// Which days of the month a modifier covers; `last` stands for the month's last day.
const MODIFIER_DAYS: Readonly<Record<string, [number, number | 'last']>> = {
  early: [1, 10],
  beginning: [1, 10],
  start: [1, 10],
  mid: [11, 20],
  middle: [11, 20],
  late: [21, 'last'],
  end: [21, 'last'],
  first: [1, 15],
  second: [16, 'last'],
}

const UNIT_DAYS: Readonly<Record<string, number>> = { hour: 1 / 24, day: 1, week: 7 }
const WEEK_ORDINAL: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4, last: 0 }
/** The month each season starts in (meteorological seasons, three months each). */
const SEASONS: Readonly<Record<string, number>> = { winter: 12, spring: 3, summer: 6, autumn: 9, fall: 9 }

/**
 * A season's days. With a stated year, the season of that year (winter 2023 = December 2023 – February 2024).
 * Otherwise relative to `ref`: `this` is the season under way or the last one begun, `last` the one before.
 */
function seasonOf(
  start: number,
  stated: number | undefined,
  which: string | undefined,
  ref: Day | undefined,
) {
  const span = (year: number) => {
    const from = { year, month: start, day: 1 }
    const end = addMonths(from, 2)
    return { from, to: { ...end, day: lastDayOfMonth(end.year, end.month) } }
  }
  if (stated !== undefined) return span(stated)
  if (ref === undefined) return undefined
  let year = ref.month >= start ? ref.year : ref.year - 1
  if (which === 'last') year--
  if (which === 'next') year++
  return span(year)
}
const ORDINAL_QUARTER: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4 }

function month(
  year: number,
  m: number,
  fromDay = 1,
  toDay: number | 'last' = 'last',
): { from: Day; to: Day } {
  const last = lastDayOfMonth(year, m)
  return {
    from: { year, month: m, day: fromDay },
    to: { year, month: m, day: toDay === 'last' ? last : toDay },
  }
}

/** Periods in `text` read by our own rules; relative ones need `ref` (the article's date). */
export function findPhrasePeriods(text: string, ref: Day | undefined): FoundPeriod[] {
  const found: FoundPeriod[] = []
  const add = (
    index: number,
    phrase: string,
    period: { from: Day; to: Day } | undefined,
    implicit = false,
  ): void => {
    if (period) found.push({ ...period, index, text: phrase, ...(implicit ? { implicit } : {}) })
  }
  for (const m of text.matchAll(new RegExp(`\\b${MODIFIER}[\\s-]*(${MONTH})\\b(?:,?\\s+(\\d{4}))?`, 'gi'))) {
    const key = m[1].toLowerCase().replace(/^the /, '').split(' ')[0]
    const monthIndex = monthNumber(m[2])
    const year = m[3] ? Number(m[3]) : ref ? nearestYear(monthIndex, ref) : undefined
    const [fromDay, toDay] = MODIFIER_DAYS[key]
    add(m.index, m[0], year === undefined ? undefined : month(year, monthIndex, fromDay, toDay), !m[3])
  }
  // "the first week of January" = 1–7, the second 8–14 …, "the last week of" its last seven days
  for (const m of text.matchAll(
    new RegExp(`\\b(first|second|third|fourth|last)\\s+week\\s+of\\s+(${MONTH})\\b(?:,?\\s+(\\d{4}))?`, 'gi'),
  )) {
    const monthIndex = monthNumber(m[2])
    const year = m[3] ? Number(m[3]) : ref ? nearestYear(monthIndex, ref) : undefined
    if (year === undefined) continue
    const last = lastDayOfMonth(year, monthIndex)
    const nth = WEEK_ORDINAL[m[1].toLowerCase()]
    const fromDay = nth === 0 ? last - 6 : (nth - 1) * 7 + 1
    add(m.index, m[0], month(year, monthIndex, fromDay, Math.min(fromDay + 6, last)), !m[3])
  }
  // seasons: "this winter", "last summer", "in the spring of 2023"
  for (const m of text.matchAll(
    /\b(?:(this|last|next)\s+|(?:the\s+)?)(winter|spring|summer|autumn|fall)\b(?:\s+(?:of\s+)?((?:19|20)\d{2}))?/gi,
  )) {
    if (!m[1] && !m[3]) continue
    const season = SEASONS[m[2].toLowerCase()]
    const stated = m[3] ? Number(m[3]) : undefined
    if (stated === undefined && ref === undefined) continue
    const period = seasonOf(season, stated, m[1]?.toLowerCase(), ref)
    add(m.index, m[0], period, stated === undefined)
  }
  for (const m of text.matchAll(/\b((?:19|20)\d{2})\s*[-–]\s*((?:19|20)?\d{2})\b/g)) {
    const to = Number(m[2].length === 2 ? m[1].slice(0, 2) + m[2] : m[2])
    if (to > Number(m[1]))
      add(m.index, m[0], {
        from: { year: Number(m[1]), month: 1, day: 1 },
        to: { year: to, month: 12, day: 31 },
      })
  }
  for (const m of text.matchAll(
    /\b(in|during|throughout|for|since|of|by)\s+((?:19|20)\d{2})\b(?![-–]\d)/gi,
  )) {
    const year = Number(m[2])
    const end = { year, month: 12, day: 31 }
    // "by 2030" is a forecast: from the article's date to the end of that year
    if (m[1].toLowerCase() === 'by')
      add(m.index, m[0], ref && ref.year <= year ? { from: ref, to: end } : undefined)
    else add(m.index + m[0].length - 4, m[2], { from: { year, month: 1, day: 1 }, to: end })
  }
  for (const m of text.matchAll(
    /\b(?:Q([1-4])|(first|second|third|fourth)[\s-]quarter)(?:\s+(?:of\s+)?((?:19|20)\d{2}))?/gi,
  )) {
    const quarter = m[1] ? Number(m[1]) : ORDINAL_QUARTER[m[2].toLowerCase()]
    let year = m[3] ? Number(m[3]) : ref?.year
    if (year === undefined) continue
    // a quarter without its year is the latest one begun by the article's date
    if (!m[3] && ref && ref.month < quarter * 3 - 2) year--
    const to = month(year, quarter * 3).to
    add(m.index, m[0], { from: { year, month: quarter * 3 - 2, day: 1 }, to })
  }
  if (ref !== undefined) found.push(...relativePeriods(text, ref))
  return found
}

function relativePeriods(text: string, ref: Day): FoundPeriod[] {
  const found: FoundPeriod[] = []
  const past =
    /\b(?:the\s+)?(?:past|last|previous)\s+(?:(\d+|[a-z]+(?:-[a-z]+)?)\s+)?(hour|day|week|month|year)s?\b/gi
  for (const m of text.matchAll(past)) {
    const count =
      m[1] === undefined
        ? 1
        : /^\d+$/.test(m[1])
          ? Number(m[1])
          : parseNumberWords(m[1].toLowerCase().split(/(-)/))?.value
    if (count === undefined) continue
    const unit = m[2].toLowerCase()
    const bare = m[1] === undefined && /^last\b/i.test(m[0])
    const from = bare
      ? undefined
      : unit in UNIT_DAYS
        ? addDays(ref, -Math.ceil(count * UNIT_DAYS[unit]))
        : addMonths(ref, unit === 'month' ? -count : -12 * count)
    if (from) found.push({ from, to: ref, index: m.index, text: m[0] })
    else if (unit === 'week') {
      const monday = addDays(ref, -weekdayIndex(ref) - 7)
      found.push({ from: monday, to: addDays(monday, 6), index: m.index, text: m[0] })
    } else if (unit === 'month') {
      const previous = addMonths({ ...ref, day: 1 }, -1)
      found.push({ ...month(previous.year, previous.month), index: m.index, text: m[0] })
    }
  }
  for (const m of text.matchAll(
    /\b(?:the\s+)?(?:next|coming)\s+(\d+|[a-z]+(?:-[a-z]+)?)\s+(day|week|month|year)s\b/gi,
  )) {
    const count = /^\d+$/.test(m[1]) ? Number(m[1]) : parseNumberWords(m[1].toLowerCase().split(/(-)/))?.value
    if (count === undefined) continue
    const unit = m[2].toLowerCase()
    const to =
      unit in UNIT_DAYS
        ? addDays(ref, count * UNIT_DAYS[unit])
        : addMonths(ref, unit === 'month' ? count : 12 * count)
    found.push({ from: ref, to, index: m.index, text: m[0] })
  }
  for (const m of text.matchAll(/\b(this|next)\s+week\b/gi)) {
    const monday = addDays(ref, -weekdayIndex(ref) + (m[1].toLowerCase() === 'next' ? 7 : 0))
    found.push({ from: monday, to: addDays(monday, 6), index: m.index, text: m[0] })
  }
  for (const m of text.matchAll(/\bovernight\b/gi))
    found.push({ from: addDays(ref, -1), to: ref, index: m.index, text: m[0] })
  // today, this morning, so far today, "up 2.3% on the day", "as of 15:00": the article's date
  for (const m of text.matchAll(
    /\b(?:(?:so\s+far\s+)?today|tonight|this\s+(?:morning|afternoon|evening)|on\s+the\s+day|as\s+of\s+\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|GMT|BST|CET))?)\b/gi,
  ))
    found.push({ from: ref, to: ref, index: m.index, text: m[0] })
  return found
}
