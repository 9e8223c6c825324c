// Runs everywhere: French period phrases read by our own rules, since chrono-node's French parser reads
// weekdays forwards and misses months, years and relative spans: "fin décembre", "dans la nuit de lundi
// à mardi", "l'an dernier", "en 2023", "depuis huit mois", "au cours des trois derniers mois", "cet hiver".
import type { Day } from '../dates'
import { addDays, addMonths, lastDayOfMonth, nearestYear, toISO, weekdayIndex } from '../dates'
import type { FoundPeriod } from '../period-phrases'
import { parseFrenchNumberWords } from './fr-numbers'

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
const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']
const B = '(?<![\\p{L}\\d])'
const E = '(?![\\p{L}\\d])'
const re = (source: string): RegExp => new RegExp(source, 'giu')

const monthOf = (name: string): number => {
  const n = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f.]/g, '')
  const keys = ['jan', 'fev', 'mar', 'avr', 'mai', 'juin', 'juil', 'aou', 'sep', 'oct', 'nov', 'dec']
  return keys.findIndex((k) => n.startsWith(k)) + 1
}

const wholeMonth = (year: number, month: number, from = 1, to?: number): { from: Day; to: Day } => ({
  from: { year, month, day: from },
  to: { year, month, day: Math.min(to ?? 31, lastDayOfMonth(year, month)) },
})
const wholeYear = (year: number): { from: Day; to: Day } => ({
  from: { year, month: 1, day: 1 },
  to: { year, month: 12, day: 31 },
})

/** A day without its year: the latest one no more than 45 days after the article's date (`past`: by it). */
function dayNear(month: number, day: number, ref: Day, past = false): Day {
  const limit = toISO(addDays(ref, past ? 0 : 45))
  for (const year of [ref.year + 1, ref.year, ref.year - 1])
    if (toISO({ year, month, day }) <= limit) return { year, month, day }
  return { year: ref.year - 1, month, day }
}

/** The last `weekday` on or before `ref` ("mardi" read on Tuesday is that day). */
const lastWeekday = (name: string, ref: Day): Day =>
  addDays(ref, -((weekdayIndex(ref) - WEEKDAYS.indexOf(name.toLowerCase()) + 7) % 7))

const count = (word: string): number | undefined =>
  /^\d+$/.test(word) ? Number(word) : parseFrenchNumberWords(word.toLowerCase().split(/(-)/))?.value

/** `count` units back from `ref` (or forward when `sign` is 1). */
function span(ref: Day, n: number, unit: string, sign = -1): Day {
  const u = unit.toLowerCase()
  if (u.startsWith('heure')) return addDays(ref, sign * Math.ceil(n / 24))
  if (u.startsWith('jour')) return addDays(ref, sign * n)
  if (u.startsWith('semaine')) return addDays(ref, sign * 7 * n)
  if (u.startsWith('mois')) return addMonths(ref, sign * n)
  return addMonths(ref, sign * 12 * n)
}

/** Just before a date that must lie before the article's: "depuis le 1er janvier". */
const SINCE = /(?:depuis|dès)\s+(?:le\s+)?$/i

const MODIFIER_DAYS: Readonly<Record<string, [number, number]>> = {
  début: [1, 10],
  'mi-': [11, 20],
  mi: [11, 20],
  fin: [21, 31],
}
const ORDINALS: Readonly<Record<string, number>> = {
  premier: 1,
  '1er': 1,
  deuxième: 2,
  '2e': 2,
  second: 2,
  troisième: 3,
  '3e': 3,
  quatrième: 4,
  '4e': 4,
}
const SEASONS: Readonly<Record<string, number>> = { printemps: 3, été: 6, automne: 9, hiver: 12 }
const UNIT = '(heures?|jours?|semaines?|mois|ans|années?)'
const NUMBER = '(\\d+|[\\p{L}-]+)'

/** Periods in `text` read by French rules; relative ones need `ref` (the article's date). */
export function findFrenchPeriods(text: string, ref: Day | undefined): FoundPeriod[] {
  const found: FoundPeriod[] = []
  const add = (m: RegExpMatchArray, period: { from: Day; to: Day } | undefined, at = 0): void => {
    if (period) found.push({ ...period, index: (m.index ?? 0) + at, text: m[0].slice(at) })
  }
  const yearOr = (y: string | undefined, month: number): number | undefined =>
    y ? Number(y) : ref ? nearestYear(month, ref) : undefined

  // le 5 décembre, mercredi 4 décembre 2024, les 5 et 6 décembre, du 5 au 7 mars
  const DAY = '(1er|\\d{1,2})'
  for (const m of text.matchAll(
    re(
      `${B}(?:${FR_WEEKDAY}\\s+)?${DAY}(?:\\s*(?:et|au|-|–)\\s*${DAY})?\\s+(${FR_MONTH})(?:\\s+(\\d{4}))?${E}`,
    ),
  )) {
    const month = monthOf(m[3])
    const from = Number.parseInt(m[1], 10)
    const to = m[2] ? Number.parseInt(m[2], 10) : from
    if (m[4])
      add(m, { from: { year: Number(m[4]), month, day: from }, to: { year: Number(m[4]), month, day: to } })
    else if (ref) {
      const past = SINCE.test(text.slice(0, m.index))
      add(m, { from: dayNear(month, from, ref, past), to: dayNear(month, to, ref, past) })
    }
  }
  // début mars, mi-mars, fin décembre 2023, courant mai, la première semaine de janvier
  for (const m of text.matchAll(
    re(
      `${B}(?:(début|fin|mi-?|courant)\\s*|(?:la|le)\\s+(première|dernière|seconde|deuxième)\\s+(semaine|quinzaine)\\s+d[e'’]\\s*)(?:d[e'’]\\s*)?(${FR_MONTH})(?:\\s+(\\d{4}))?${E}`,
    ),
  )) {
    const month = monthOf(m[4])
    const year = yearOr(m[5], month)
    if (year === undefined) continue
    const key = (m[1] ?? '').toLowerCase()
    let days: [number, number] = MODIFIER_DAYS[key] ?? [1, 31]
    if (m[2]) {
      const first = m[2].toLowerCase() === 'première'
      const week = m[3].toLowerCase() === 'semaine'
      const last = lastDayOfMonth(year, month)
      days = first
        ? [1, week ? 7 : 15]
        : m[2].toLowerCase() === 'dernière'
          ? [last - (week ? 6 : 14), last]
          : week
            ? [8, 14]
            : [16, 31]
    }
    add(m, wholeMonth(year, month, days[0], days[1]))
  }
  // entre mars et mai, de janvier à avril 2024
  for (const m of text.matchAll(
    re(`${B}(?:entre|de|d['’])\\s*(${FR_MONTH})\\s+(?:et|à)\\s+(${FR_MONTH})(?:\\s+(\\d{4}))?${E}`),
  )) {
    const [first, last] = [monthOf(m[1]), monthOf(m[2])]
    const year = yearOr(m[3], last)
    if (year === undefined) continue
    const from = wholeMonth(first > last ? year - 1 : year, first).from
    add(m, { from, to: wholeMonth(year, last).to })
  }
  // en mars, depuis janvier, mars 2022, en mai 2023
  for (const m of text.matchAll(
    re(`${B}(?:(en|depuis|d[eè]s|au\\s+mois\\s+de)\\s+)?(${FR_MONTH})(?:\\s+(\\d{4}))?${E}`),
  )) {
    if (!m[1] && !m[3]) continue
    const month = monthOf(m[2])
    const since = m[1] !== undefined && /^d/i.test(m[1]) && !m[3] && ref !== undefined
    const year = since ? dayNear(month, 1, ref as Day, true).year : yearOr(m[3], month)
    const at = m[1] && !/^en/i.test(m[1]) ? m[0].length - m[0].slice(m[1].length).trimStart().length : 0
    if (year !== undefined) add(m, wholeMonth(year, month), at)
  }
  // fin 2025 is its last day; d'ici (à) (la) fin 2025, d'ici 2028, jusqu'en 2026 run from the article's date
  for (const m of text.matchAll(
    re(
      `${B}(d['’]ici(?:\\s+à)?(?:\\s+la)?\\s+|jusqu['’]en\\s+|à\\s+l['’]horizon\\s+)?(fin\\s+)?((?:19|20)\\d{2})${E}(?!\\s*[-–]\\s*\\d)`,
    ),
  )) {
    const year = Number(m[3])
    if (m[1] && ref) add(m, { from: ref, to: { year, month: 12, day: 31 } })
    else if (m[2]) add(m, { from: { year, month: 12, day: 31 }, to: { year, month: 12, day: 31 } })
  }
  // en 2023, pour 2025, depuis 2019; entre 2027 et 2030, de 2019 à 2023, 2024-2027
  for (const m of text.matchAll(
    re(
      `${B}(?:entre|de)\\s+((?:19|20)\\d{2})\\s+(?:et|à)\\s+((?:19|20)\\d{2})${E}|${B}((?:19|20)\\d{2})\\s*[-–]\\s*((?:19|20)\\d{2})${E}`,
    ),
  )) {
    const from = Number(m[1] ?? m[3])
    const to = Number(m[2] ?? m[4])
    if (to > from) add(m, { from: wholeYear(from).from, to: wholeYear(to).to })
  }
  for (const m of text.matchAll(
    re(
      `${B}(?:en|pour|durant|pendant|depuis|dès|courant|au cours de l['’]année)\\s+((?:19|20)\\d{2})${E}(?!\\s*[-–]\\s*\\d)`,
    ),
  ))
    add(m, wholeYear(Number(m[1])), /^(?:depuis|dès)/i.test(m[0]) ? m[0].length - 4 : 0)
  // les années 1990: the decade
  for (const m of text.matchAll(re(`${B}(?:les\\s+)?années\\s+((?:19|20)\\d0)${E}`)))
    add(m, { from: wholeYear(Number(m[1])).from, to: wholeYear(Number(m[1]) + 9).to })
  // au printemps 2027, cet hiver, l'été dernier
  for (const m of text.matchAll(
    re(
      `${B}(?<!(?:avant|après|jusqu['’]à)\\s+)(?:(?:au|le|du|l['’]|cet|cette|ce|en)\\s*)(printemps|été|automne|hiver)(?:\\s+(\\d{4})|\\s+(dernier|prochain))?${E}`,
    ),
  )) {
    if (!m[2] && !ref) continue
    const season = m[1].toLowerCase()
    const start = SEASONS[season]
    let year = m[2] ? Number(m[2]) : (ref as Day).year
    if (!m[2] && ref) {
      if (season === 'hiver') year = ref.month >= 9 ? ref.year : ref.year - 1
      if (m[3]?.toLowerCase() === 'dernier') year -= season === 'hiver' && ref.month < 9 ? 0 : 1
      if (m[3]?.toLowerCase() === 'dernier' && season !== 'hiver' && ref.month >= start + 3) year += 1
      if (m[3]?.toLowerCase() === 'prochain') year += 1
    }
    const end = addMonths({ year, month: start, day: 1 }, 2)
    add(m, { from: { year, month: start, day: 1 }, to: { ...end, day: lastDayOfMonth(end.year, end.month) } })
  }
  // au premier trimestre 2024, T3 2023, au second semestre
  for (const m of text.matchAll(
    re(
      `${B}(?:(premier|1er|deuxième|2e|second|troisième|3e|quatrième|4e)\\s+(trimestre|semestre)|T([1-4]))(?:\\s+(?:de\\s+)?((?:19|20)\\d{2}))?${E}`,
    ),
  )) {
    const n = m[1] ? ORDINALS[m[1].toLowerCase()] : Number(m[3])
    const months = m[2]?.toLowerCase() === 'semestre' ? 6 : 3
    const year = m[4] ? Number(m[4]) : ref?.year
    if (year === undefined || n < 1 || n * months > 12) continue
    const last = (n * months) as number
    add(m, {
      from: { year, month: last - months + 1, day: 1 },
      to: { year, month: last, day: lastDayOfMonth(year, last) },
    })
  }
  if (ref !== undefined) found.push(...relativeFrench(text, ref))
  return found
}

function relativeFrench(text: string, ref: Day): FoundPeriod[] {
  const found: FoundPeriod[] = []
  const add = (m: RegExpMatchArray, from: Day, to: Day): void => {
    found.push({ from, to, index: m.index ?? 0, text: m[0] })
  }
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
