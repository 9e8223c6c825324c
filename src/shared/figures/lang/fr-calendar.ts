// Runs everywhere: the French calendar words period reading needs: months, weekdays, whole months and
// years, and a day or weekday placed against the article's date.
import type { Day } from '../dates'
import { addDays, lastDayOfMonth, toISO, weekdayIndex } from '../dates'

export const FR_MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
] as const

/** A month name or its usual abbreviation (janv., févr., sept., déc.). */
export const FR_MONTH =
  '(?:janv(?:ier|\\.)?|f[ée]vr?(?:ier|\\.)?|mars|avr(?:il|\\.)?|mai|juin|juil(?:let|\\.)?|ao[uû]t|sept(?:embre|\\.)?|oct(?:obre|\\.)?|nov(?:embre|\\.)?|d[ée]c(?:embre|\\.)?)'
export const FR_WEEKDAY = '(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)'
export const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']
export const B = '(?<![\\p{L}\\d])'
export const E = '(?![\\p{L}\\d])'
export const re = (source: string): RegExp => new RegExp(source, 'giu')

export const monthOf = (name: string): number => {
  const n = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f.]/g, '')
  const keys = ['jan', 'fev', 'mar', 'avr', 'mai', 'juin', 'juil', 'aou', 'sep', 'oct', 'nov', 'dec']
  return keys.findIndex((k) => n.startsWith(k)) + 1
}

export const wholeMonth = (year: number, month: number, from = 1, to?: number): { from: Day; to: Day } => ({
  from: { year, month, day: from },
  to: { year, month, day: Math.min(to ?? 31, lastDayOfMonth(year, month)) },
})
export const wholeYear = (year: number): { from: Day; to: Day } => ({
  from: { year, month: 1, day: 1 },
  to: { year, month: 12, day: 31 },
})

/** A day without its year: the latest one no more than 45 days after the article's date (`past`: by it). */
export function dayNear(month: number, day: number, ref: Day, past = false): Day {
  const limit = toISO(addDays(ref, past ? 0 : 45))
  for (const year of [ref.year + 1, ref.year, ref.year - 1])
    if (toISO({ year, month, day }) <= limit) return { year, month, day }
  return { year: ref.year - 1, month, day }
}

/** The last `weekday` on or before `ref` ("mardi" read on Tuesday is that day). */
export const lastWeekday = (name: string, ref: Day): Day =>
  addDays(ref, -((weekdayIndex(ref) - WEEKDAYS.indexOf(name.toLowerCase()) + 7) % 7))
