// Runs everywhere: the calendar pieces the Ukrainian period phrases are built from.
import type { Day } from '../dates'
import { lastDayOfMonth, toISO } from '../dates'

export type Range = { from: Day; to: Day }

/** Not glued to a letter or a digit on the left / right (JavaScript's \\b knows only Latin letters). */
export const L = '(?<![\\p{L}\\d])'
export const R = '(?![\\p{L}\\d])'
export const re = (source: string): RegExp => new RegExp(source, 'giu')

export const year = (y: number): Range => ({
  from: { year: y, month: 1, day: 1 },
  to: { year: y, month: 12, day: 31 },
})
export const month = (y: number, m: number, fromDay = 1, toDay?: number): Range => ({
  from: { year: y, month: m, day: fromDay },
  to: { year: y, month: m, day: toDay ?? lastDayOfMonth(y, m) },
})
export const before = (a: Day, b: Day): boolean => toISO(a) < toISO(b)
/** A period still running on the article's date ends there: "у серпні" read on 28 August. */
export const clip = (r: Range, ref: Day | undefined): Range =>
  ref && !before(ref, r.from) && before(ref, r.to) ? { from: r.from, to: ref } : r
