// Runs everywhere: French periods relative to the article's date: "l'an dernier", "la semaine écoulée",
// "au cours des trois derniers mois", "depuis huit mois", "dans la nuit de lundi à mardi", "mardi soir".
import type { Day } from '../dates'
import { addDays, addMonths, lastDayOfMonth, weekdayIndex } from '../dates'
import type { FoundPeriod } from '../period-phrases'
import { FR_WEEKDAY, lastWeekday } from './fr-calendar'
import { parseFrenchNumberWords } from './fr-numbers'
import { B, E, periodList, re, spanCounter, wholeMonth, wholeYear } from './period-kit'

const count = (word: string): number | undefined =>
  /^\d+$/.test(word) ? Number(word) : parseFrenchNumberWords(word.toLowerCase().split(/(-)/))?.value

/** `count` units back from `ref` (or forward when `sign` is 1). */
const span = spanCounter([
  ['heure', 'hour'],
  ['jour', 'day'],
  ['semaine', 'week'],
  ['mois', 'month'],
])

const UNIT = '(heures?|jours?|semaines?|mois|ans|années?)'
const NUMBER = '(\\d+|[\\p{L}-]+)'

/** Periods counted from `ref`, the article's date. */
export function relativeFrench(text: string, ref: Day): FoundPeriod[] {
  const { found, add } = periodList()
  const monday = addDays(ref, -weekdayIndex(ref))
  for (const m of text.matchAll(
    re(
      `${B}(?:l['’]an|l['’]année)\\s+(dernière|dernier|passée?|dernièr|précédente|prochaine?)${E}|${B}cette\\s+année${E}`,
    ),
  )) {
    const which = (m[1] ?? '').toLowerCase()
    const year = which.startsWith('prochain') ? ref.year + 1 : which === '' ? ref.year : ref.year - 1
    add(m, wholeYear(year).from, wholeYear(year).to)
  }
  for (const m of text.matchAll(
    re(`${B}(?:le\\s+mois\\s+(dernier|passé|prochain)|ce\\s+mois(?:-ci)?)${E}`),
  )) {
    const shift = m[1] === undefined ? 0 : m[1].toLowerCase() === 'prochain' ? 1 : -1
    const first = addMonths({ ...ref, day: 1 }, shift)
    const whole = wholeMonth(first.year, first.month)
    add(m, whole.from, whole.to)
  }
  for (const m of text.matchAll(
    re(`${B}(?:la\\s+semaine\\s+(dernière|passée|prochaine)|cette\\s+semaine)${E}`),
  )) {
    const shift = m[1] === undefined ? 0 : m[1].toLowerCase() === 'prochaine' ? 7 : -7
    add(m, addDays(monday, shift), addDays(monday, shift + 6))
  }
  // la semaine écoulée, l'année écoulée: the span just ended
  for (const m of text.matchAll(re(`${B}(?:la\\s+(semaine)|le\\s+(mois)|l['’](année))\\s+écoulée?${E}`)))
    add(m, span(ref, 1, m[1] ?? m[2] ?? 'an'), ref)
  // les trois derniers mois, ces 24 dernières heures, au cours des dix derniers jours, depuis huit mois, en cinq ans
  const past = re(
    `${B}(?:(?:les|ces|des)\\s+${NUMBER}\\s+derni(?:er|ère)s\\s+${UNIT}|(?:depuis|en|sur)\\s+(?:près\\s+de\\s+|plus\\s+de\\s+)?${NUMBER}\\s+${UNIT})${E}`,
  )
  for (const m of text.matchAll(past)) {
    const n = count(m[1] ?? m[3])
    if (n === undefined || n <= 0) continue
    add(m, span(ref, n, m[2] ?? m[4]), ref)
  }
  for (const m of text.matchAll(re(`${B}(?:les|ces|des)\\s+derni(?:er|ère)s\\s+${NUMBER}\\s+${UNIT}${E}`))) {
    const n = count(m[1])
    if (n !== undefined && n > 0) add(m, span(ref, n, m[2]), ref)
  }
  for (const m of text.matchAll(
    re(
      `${B}(?:les|ces|dans\\s+les)\\s+${NUMBER}\\s+(?:prochain(?:e)?s)\\s+${UNIT}|d['’]ici\\s+${NUMBER}\\s+${UNIT}${E}`,
    ),
  )) {
    const n = count(m[1] ?? m[3])
    if (n !== undefined && n > 0) add(m, ref, span(ref, n, m[2] ?? m[4], 1))
  }
  for (const m of text.matchAll(
    re(`${B}depuis\\s+le\\s+début\\s+(?:du\\s+(mois)|de\\s+l['’](année)|de\\s+la\\s+(semaine))${E}`),
  )) {
    const from = m[1] ? { ...ref, day: 1 } : m[2] ? { year: ref.year, month: 1, day: 1 } : monday
    add(m, from, ref)
  }
  for (const m of text.matchAll(
    re(`${B}d['’]ici\\s+(?:à\\s+)?la\\s+fin\\s+(?:de\\s+l['’]année|du\\s+mois)${E}`),
  )) {
    const year = /mois/i.test(m[0])
    add(
      m,
      ref,
      year ? { ...ref, day: lastDayOfMonth(ref.year, ref.month) } : { year: ref.year, month: 12, day: 31 },
    )
  }
  // dans la nuit de lundi à mardi
  for (const m of text.matchAll(
    re(`${B}(?:dans\\s+)?la\\s+nuit\\s+de\\s+(${FR_WEEKDAY})\\s+à\\s+(${FR_WEEKDAY})${E}`),
  )) {
    const to = lastWeekday(m[2], ref)
    add(m, lastWeekday(m[1], addDays(to, -1)), to)
  }
  for (const m of text.matchAll(
    re(`${B}(?:dans\\s+la\\s+nuit|la\\s+nuit\\s+(?:dernière|précédente)|cette\\s+nuit)${E}`),
  ))
    add(m, addDays(ref, -1), ref)
  for (const m of text.matchAll(
    re(
      `${B}(?:avant-hier|hier|aujourd['’]hui|actuellement|désormais|à\\s+ce\\s+jour|ce\\s+matin|ce\\s+soir|cet\\s+après-midi|demain)${E}`,
    ),
  )) {
    const word = m[0].toLowerCase()
    const shift = word.startsWith('avant') ? -2 : word === 'hier' ? -1 : word === 'demain' ? 1 : 0
    add(m, addDays(ref, shift), addDays(ref, shift))
  }
  for (const m of text.matchAll(
    re(
      `${B}(?<!\\ble\\s+)(?:ce\\s+)?(${FR_WEEKDAY})(?:\\s+(?:matin|midi|soir|après-midi))?(?:\\s+(dernier|prochain))?${E}`,
    ),
  )) {
    const day = lastWeekday(m[1], ref)
    const next = m[2]?.toLowerCase() === 'prochain'
    const when = next ? addDays(day, 7) : day
    add(m, when, when)
  }
  return found
}
