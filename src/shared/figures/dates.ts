// Runs everywhere: calendar arithmetic on plain dates, in UTC so no time zone can shift a day.

/** A calendar day. */
export type Day = { year: number; month: number; day: number }

export const toISO = ({ year, month, day }: Day): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`

export function parseISO(iso: string | undefined): Day | undefined {
  const m = iso?.match(/^(\d{4})-(\d{2})-(\d{2})/)
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined
}

export const lastDayOfMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate()

/** The day's number counted from 1 January 1970 (UTC), so that two days' difference is a count of days. */
export const dayNumber = (d: Day): number => Date.UTC(d.year, d.month - 1, d.day) / 86_400_000

/** Days from `a` to `b`. */
export const daysBetween = (a: Day, b: Day): number => dayNumber(b) - dayNumber(a)

export function addDays(day: Day, days: number): Day {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day + days))
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }
}

export function addMonths(day: Day, months: number): Day {
  const index = day.year * 12 + (day.month - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  return { year, month, day: Math.min(day.day, lastDayOfMonth(year, month)) }
}

/** Monday = 0 … Sunday = 6. */
export const weekdayIndex = (day: Day): number =>
  (new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay() + 6) % 7

/** The year in which `month` falls nearest to `ref` ("late December" read on 10 January is last December). */
export function nearestYear(month: number, ref: Day): number {
  const distance = (year: number): number => Math.abs(year * 12 + month - (ref.year * 12 + ref.month))
  return [ref.year - 1, ref.year, ref.year + 1].reduce((best, y) => (distance(y) < distance(best) ? y : best))
}

const MONTH_INDEX: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
}

/** 1–12 for a month name or its abbreviation. */
export const monthNumber = (name: string): number => MONTH_INDEX[name.slice(0, 3).toLowerCase()]
