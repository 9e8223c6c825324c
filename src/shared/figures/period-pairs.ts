// Runs everywhere: two dates read as one span. A day range whose first day is a bare number ("between 27 and
// 30 November", "entre el 5 y el 8 de diciembre", "vom 12. bis 19. Juli", "з 12 по 19 липня", "12–19 July":
// the number alone is no date, so each language's reader took the second day only), and two adjacent months
// or days joined by "and" ("in July and August", "am Dienstag und Mittwoch", "Tuesday's and Wednesday's").
import type { Day } from './dates'
import { addDays, lastDayOfMonth, nearestYear, toISO } from './dates'
import type { FoundPeriod } from './period-phrases'
import { monthOf } from './period-kinds'

/** Words that join two day numbers into a range by themselves: "to", "au", "al", "bis", "по", "до", a dash. */
const RANGE_SEP = String.raw`to|through|till|until|-|–|—|au|à|jusqu['’]au|al|a|hasta(?:\s+el)?|bis(?:\s+zum)?|по|до`
/** Words that join two day numbers into a range only after "between": "and", "et", "y", "und", "і", "и". */
const AND_SEP = String.raw`and|et|y|und|і|й|та|и`

/** A weekday's name written before a day number ("du vendredi 21 au dimanche 23 novembre", "vom Freitag, 3."). */
const WEEKDAY = String.raw`(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|понеділ\p{L}*|вівтор\p{L}*|середи|середу|четверга|п['’]ятниці|суботи|неділі|понедельника|вторника|среды|четверга|пятницы|субботы|воскресенья),?\s+)?`

/** Two day numbers and a month: "27 and 30 November", "12. bis 19. Juli", "5 y el 8 de diciembre", "12–19 July 2026". */
const DAY_RANGE = new RegExp(
  String.raw`(?<![\p{L}\d.,/-])${WEEKDAY}(\d{1,2})(?:st|nd|rd|th|er)?\.?\s*(?:(${RANGE_SEP})|(${AND_SEP}))\s*(?:the\s+|le\s+|el\s+|dem\s+|zum\s+)?${WEEKDAY}(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+|de\s+)?(\p{L}+)(?:\s+(?:de\s+)?(\d{4})(?!\d))?`,
  'giu',
)

/** "between", "entre", "zwischen", "між", "между", "les" (fr "les 5 et 6 décembre") just before the first day. */
const BETWEEN = /(?<![\p{L}])(?:between|entre|zwischen|між|между|les|the)\s+(?:(?:le|el|dem|den)\s+)?$/iu

/**
 * The day ranges of a sentence's words as written (the first day is a bare number a figure's mask may blank):
 * with "and" only after "between" ("between 27 and 30 November", not "on 5 and 8 December").
 */
export function dayRanges(raw: string, ref: Day | undefined): FoundPeriod[] {
  const found: FoundPeriod[] = []
  for (const m of raw.matchAll(DAY_RANGE)) {
    const [a, b] = [Number(m[1]), Number(m[4])]
    const month0 = monthOf(m[5])
    // a year not written: the nearest, as each language's reader of one day reads it
    const year = m[6] !== undefined ? Number(m[6]) : ref && month0 ? nearestYear(month0, ref) : undefined
    if (month0 === undefined || year === undefined || a < 1 || a >= b || b > lastDayOfMonth(year, month0))
      continue
    if (m[3] !== undefined && !BETWEEN.test(raw.slice(0, m.index))) continue
    found.push({
      from: { year, month: month0, day: a },
      to: { year, month: month0, day: b },
      index: m.index,
      text: m[0],
    })
  }
  return found
}

const sameDay = (a: Day, b: Day): boolean => toISO(a) === toISO(b)
const wholeMonth = (p: FoundPeriod): boolean =>
  p.from.day === 1 &&
  p.from.month === p.to.month &&
  p.from.year === p.to.year &&
  p.to.day === lastDayOfMonth(p.to.year, p.to.month)

/** Two periods of one grain, the second right after the first: consecutive months, or consecutive days. */
export function adjacent(a: FoundPeriod, b: FoundPeriod): boolean {
  if (wholeMonth(a) && wholeMonth(b)) {
    const next = addDays(a.to, 1)
    return sameDay(next, b.from)
  }
  return sameDay(a.from, a.to) && sameDay(b.from, b.to) && sameDay(addDays(a.to, 1), b.from)
}

/** The words between two adjacent periods that join them: "and", "y", "und", "та", and "’s and" of possessives. */
export const andGap = (gap: string, and: RegExp): boolean => and.test(gap.replace(/^['’]s(?=\s)/u, ''))
