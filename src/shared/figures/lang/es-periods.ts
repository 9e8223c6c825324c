// Runs everywhere: Spanish period phrases read by our own rules, since chrono-node's Spanish parser reads
// weekdays forwards and misses parts of months, years and relative spans: "a finales de marzo", "en lo que va
// de año", "el año pasado", "en 2023", "los últimos tres meses", "este verano", "la noche del domingo".
import type { Day } from '../dates'
import { addMonths, lastDayOfMonth, nearestYear } from '../dates'
import type { FoundPeriod } from '../period-phrases'
import { ES_WEEKDAY, relativeSpanish } from './es-relative'
import { B, E, re, wholeMonth, wholeYear } from './period-kit'

export { ES_WEEKDAY }

/** A month name or its usual abbreviation (ene., sept., dic.). */
export const ES_MONTH =
  '(?:ene(?:ro|\\.)?|feb(?:rero|\\.)?|mar(?:zo|\\.)?|abr(?:il|\\.)?|may(?:o|\\.)?|jun(?:io|\\.)?|jul(?:io|\\.)?|ago(?:sto|\\.)?|sept?(?:iembre|\\.)?|setiembre|oct(?:ubre|\\.)?|nov(?:iembre|\\.)?|dic(?:iembre|\\.)?)'
const YEAR = '((?:19|20)\\d{2})'

const monthOf = (name: string): number => {
  const n = name.toLowerCase().replace('set', 'sep')
  const keys = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic']
  return keys.findIndex((k) => n.startsWith(k)) + 1
}

const PART_DAYS: Readonly<Record<string, [number, number]>> = {
  principios: [1, 10],
  comienzos: [1, 10],
  inicios: [1, 10],
  primeros: [1, 10],
  mediados: [11, 20],
  finales: [21, 31],
  fines: [21, 31],
  últimos: [21, 31],
}
const WEEK_NTH: Readonly<Record<string, number>> = {
  primera: 1,
  segunda: 2,
  tercera: 3,
  cuarta: 4,
  última: 0,
}
const SEASONS: Readonly<Record<string, number>> = { primavera: 3, verano: 6, otoño: 9, invierno: 12 }
/** "del año pasado", "de este año", "del próximo año" after a month or a season. */
const WHICH_YEAR =
  '(?:\\s+(?:de|del)\\s+(?:(?:este|el)\\s+)?(año\\s+pasado|pasado\\s+año|año\\s+anterior|próximo\\s+año|año\\s+que\\s+viene|este\\s+año|año|' +
  YEAR +
  '))?'

/** The year a month or season without a stated one falls in: "pasado" a year back, "próximo" one on. */
function yearOf(
  which: string | undefined,
  stated: string | undefined,
  month: number,
  ref: Day | undefined,
): number | undefined {
  if (stated) return Number(stated)
  if (ref === undefined) return undefined
  const w = (which ?? '').toLowerCase()
  if (/pasado|anterior/.test(w)) return ref.year - 1
  if (/próximo|viene/.test(w)) return ref.year + 1
  if (w.includes('año')) return ref.year
  return nearestYear(month, ref)
}

/** Periods in `text` read by Spanish rules; relative ones need `ref` (the article's date). */
export function findSpanishPeriods(text: string, ref: Day | undefined): FoundPeriod[] {
  const found: FoundPeriod[] = []
  const add = (m: RegExpMatchArray, period: { from: Day; to: Day } | undefined, implicit = false): void => {
    if (period) found.push({ ...period, index: m.index ?? 0, text: m[0], ...(implicit ? { implicit } : {}) })
  }
  // a principios de marzo, a mediados de mayo de 2023, finales de diciembre del año pasado
  for (const m of text.matchAll(
    re(
      `${B}(?:a\\s+|en\\s+|hasta\\s+|desde\\s+)?(principios|comienzos|inicios|primeros|mediados|finales|fines|últimos)\\s+(?:de|del\\s+mes\\s+de)\\s+(${ES_MONTH})${WHICH_YEAR}${E}`,
    ),
  )) {
    const month = monthOf(m[2])
    const year = yearOf(m[3], m[4], month, ref)
    const [from, to] = PART_DAYS[m[1].toLowerCase()]
    if (year !== undefined) add(m, wholeMonth(year, month, from, to), !m[3])
  }
  // a finales de 2024: its last quarter; a principios de 2025: its first
  for (const m of text.matchAll(
    re(
      `${B}(?:a\\s+)?(principios|comienzos|inicios|mediados|finales|fines)\\s+(?:de|del)\\s+(?:año\\s+)?${YEAR}${E}`,
    ),
  )) {
    const year = Number(m[2])
    const part = PART_DAYS[m[1].toLowerCase()][0]
    const month = part === 1 ? 1 : part === 11 ? 5 : 10
    add(m, { from: { year, month, day: 1 }, to: wholeMonth(year, month + 2).to })
  }
  // la primera semana de enero (1–7), la primera quincena de agosto (1–15)
  for (const m of text.matchAll(
    re(
      `${B}(primera|segunda|tercera|cuarta|última)\\s+(semana|quincena)\\s+(?:de|del\\s+mes\\s+de)\\s+(${ES_MONTH})${WHICH_YEAR}${E}`,
    ),
  )) {
    const month = monthOf(m[3])
    const year = yearOf(m[4], m[5], month, ref)
    if (year === undefined) continue
    const last = lastDayOfMonth(year, month)
    const size = m[2].toLowerCase() === 'semana' ? 7 : 15
    const nth = WEEK_NTH[m[1].toLowerCase()]
    const from = nth === 0 ? last - size + 1 : (nth - 1) * size + 1
    add(m, wholeMonth(year, month, from, size === 15 && nth === 2 ? last : from + size - 1), !m[4])
  }
  // noviembre del año pasado, marzo de este año
  for (const m of text.matchAll(
    re(
      `${B}(${ES_MONTH})\\s+(?:de|del)\\s+(?:(?:este|el)\\s+)?(año\\s+pasado|pasado\\s+año|año\\s+anterior|próximo\\s+año|año\\s+que\\s+viene|este\\s+año)${E}`,
    ),
  )) {
    const month = monthOf(m[1])
    const year = yearOf(m[2], undefined, month, ref)
    if (year !== undefined) add(m, wholeMonth(year, month))
  }
  // este verano, el invierno pasado, el próximo otoño, la primavera de 2023
  for (const m of text.matchAll(
    re(
      `${B}(?:(este|esta|el\\s+próximo|la\\s+próxima|el\\s+pasado|la\\s+pasada)\\s+|(?:el|la)\\s+)(primavera|verano|otoño|invierno)(?:\\s+(pasado|pasada)|\\s+(?:de|del)\\s+${YEAR})?${E}`,
    ),
  )) {
    const which = (m[1] ?? m[3] ?? '').toLowerCase()
    if (!which && !m[4]) continue
    const start = SEASONS[m[2].toLowerCase()]
    let year = m[4] ? Number(m[4]) : undefined
    if (year === undefined) {
      if (ref === undefined) continue
      year = ref.month >= start ? ref.year : ref.year - 1
      if (which.includes('pasad')) year--
      if (which.includes('próxim')) year++
    }
    const end = addMonths({ year, month: start, day: 1 }, 2)
    add(
      m,
      { from: { year, month: start, day: 1 }, to: { ...end, day: lastDayOfMonth(end.year, end.month) } },
      !m[4],
    )
  }
  // al cierre de 2024, cerró 2023 en 98 millones: the year's last day
  for (const m of text.matchAll(
    re(
      `${B}(?:(?:al|a)\\s+cierre\\s+(?:de|del)\\s+(?:año\\s+|ejercicio\\s+)?${YEAR}|cerr(?:ó|ará|aba|a|ar)\\s+(?:el\\s+año\\s+)?${YEAR}(?=\\s+en\\b))${E}`,
    ),
  )) {
    const year = Number(m[1] ?? m[2])
    add(m, { from: { year, month: 12, day: 31 }, to: { year, month: 12, day: 31 } })
  }
  // 2019-2023, 2024/25
  for (const m of text.matchAll(re(`${B}${YEAR}\\s*[-–/]\\s*((?:19|20)?\\d{2})${E}(?![/.]\\d)`))) {
    const from = Number(m[1])
    const to = Number(m[2].length === 2 ? m[1].slice(0, 2) + m[2] : m[2])
    if (to > from && to - from < 30) add(m, { from: wholeYear(from).from, to: wholeYear(to).to })
  }
  // en 2023, desde 2015, para 2025, durante 2024 — a year on its own, not a date's, a law's or a range's
  for (const m of text.matchAll(
    re(`${B}(?<![/.-]|${ES_MONTH}\\s+(?:de|del)\\s+)(?<!\\d\\s*[-–/]\\s*)${YEAR}${E}(?!\\s*[-–/]\\s*\\d)`),
  ))
    add(m, wholeYear(Number(m[1])))
  // el primer trimestre de 2024, el segundo semestre
  for (const m of text.matchAll(
    re(`${B}(primer|segundo|tercer|cuarto)\\s+(trimestre|semestre)(?:\\s+(?:de|del)\\s+${YEAR})?${E}`),
  )) {
    const n = ['primer', 'segundo', 'tercer', 'cuarto'].indexOf(m[1].toLowerCase()) + 1
    const months = m[2].toLowerCase() === 'semestre' ? 6 : 3
    const year = m[3] ? Number(m[3]) : ref?.year
    if (year === undefined || n * months > 12) continue
    add(m, { from: { year, month: n * months - months + 1, day: 1 }, to: wholeMonth(year, n * months).to })
  }
  if (ref !== undefined) found.push(...relativeSpanish(text, ref))
  return found
}
