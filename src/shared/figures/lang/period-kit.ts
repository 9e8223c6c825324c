// Runs everywhere: what the Spanish and French period readers share — word edges for their patterns, whole
// months and years, the last weekday by the article's date, a span of hours, days, weeks, months or years
// counted from it, and the list the readers add their finds to.
import type { Day } from '../dates'
import { addDays, addMonths, lastDayOfMonth, weekdayIndex } from '../dates'
import type { FoundPeriod } from '../period-phrases'

/** Word edges: no letter or digit just before (B) or after (E). */
export const B = '(?<![\\p{L}\\d])'
export const E = '(?![\\p{L}\\d])'
export const re = (source: string): RegExp => new RegExp(source, 'giu')

export const wholeMonth = (year: number, month: number, from = 1, to = 31): { from: Day; to: Day } => ({
  from: { year, month, day: from },
  to: { year, month, day: Math.min(to, lastDayOfMonth(year, month)) },
})
export const wholeYear = (year: number): { from: Day; to: Day } => ({
  from: { year, month: 1, day: 1 },
  to: { year, month: 12, day: 31 },
})

/** The last weekday `index` (0 Monday … 6 Sunday) on or before `ref`: read on that weekday, `ref` itself. */
export const lastWeekdayAt = (index: number, ref: Day): Day =>
  addDays(ref, -((weekdayIndex(ref) - index + 7) % 7))

export type SpanUnit = 'hour' | 'day' | 'week' | 'month' | 'year'

/** `n` units back from `ref` (forward when `sign` is 1); hours round up to whole days. */
export function countFrom(ref: Day, n: number, unit: SpanUnit, sign = -1): Day {
  if (unit === 'hour') return addDays(ref, sign * Math.ceil(n / 24))
  if (unit === 'day') return addDays(ref, sign * n)
  if (unit === 'week') return addDays(ref, sign * 7 * n)
  if (unit === 'month') return addMonths(ref, sign * n)
  return addMonths(ref, sign * 12 * n)
}

/**
 * `countFrom` for one language's unit words, told apart by how they begin (checked in order; anything else is
 * years): `[['hora', 'hour'], ['d', 'day'], …]`.
 */
export const spanCounter =
  (prefixes: readonly (readonly [string, SpanUnit])[]) =>
  (ref: Day, n: number, word: string, sign = -1): Day => {
    const w = word.toLowerCase()
    return countFrom(ref, n, prefixes.find(([prefix]) => w.startsWith(prefix))?.[1] ?? 'year', sign)
  }

/** The periods a reader found, and `add` for a match and the days it means. */
export function periodList(): {
  found: FoundPeriod[]
  add: (m: RegExpMatchArray, from: Day, to: Day) => void
} {
  const found: FoundPeriod[] = []
  return { found, add: (m, from, to) => void found.push({ from, to, index: m.index ?? 0, text: m[0] }) }
}
