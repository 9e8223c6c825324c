// Runs everywhere: a period moved by a comparison ("a year earlier", "the same period of 2024"): read by
// period-context.ts and the table rows of period-rows.ts.
import type { Day } from './dates'
import { addDays, addMonths, lastDayOfMonth } from './dates'

export type Compared = {
  shift: { years?: number; days?: number; months?: number; toYear?: number }
  length: number
}

/** A period moved by what a figure is compared with. */
export function shifted(from: Day, to: Day, shift: Compared['shift']): { from: Day; to: Day } {
  if (shift.days !== undefined) return { from: addDays(from, shift.days), to: addDays(to, shift.days) }
  const years = shift.toYear !== undefined ? shift.toYear - to.year : (shift.years ?? 0)
  const months = years * 12 + (shift.months ?? 0)
  const move = (d: Day, end: boolean): Day => {
    const m = addMonths({ ...d, day: 1 }, months)
    const last = lastDayOfMonth(m.year, m.month)
    // a whole month stays a whole month (29 February 2024 a year on is 28 February 2025)
    const day = end && d.day === lastDayOfMonth(d.year, d.month) ? last : Math.min(d.day, last)
    return { ...m, day }
  }
  return { from: move(from, false), to: move(to, true) }
}
