// Runs everywhere: the French calendar words period reading needs: months, weekdays, whole months and
// years, and a day or weekday placed against the article's date.
import type { Day } from '../dates'
import { addDays, toISO } from '../dates'
import { lastWeekdayAt } from './period-kit'

export { B, E, re, wholeMonth, wholeYear } from './period-kit'

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

export const monthOf = (name: string): number => {
  const n = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f.]/g, '')
  const keys = ['jan', 'fev', 'mar', 'avr', 'mai', 'juin', 'juil', 'aou', 'sep', 'oct', 'nov', 'dec']
  return keys.findIndex((k) => n.startsWith(k)) + 1
}

/** A day without its year: the latest one no more than 45 days after the article's date (`past`: by it). */
export function dayNear(month: number, day: number, ref: Day, past = false): Day {
  const limit = toISO(addDays(ref, past ? 0 : 45))
  for (const year of [ref.year + 1, ref.year, ref.year - 1])
    if (toISO({ year, month, day }) <= limit) return { year, month, day }
  return { year: ref.year - 1, month, day }
}

/** The last `weekday` on or before `ref` ("mardi" read on Tuesday is that day). */
export const lastWeekday = (name: string, ref: Day): Day =>
  lastWeekdayAt(WEEKDAYS.indexOf(name.toLowerCase()), ref)
