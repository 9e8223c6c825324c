// Runs everywhere: Spanish periods relative to the article's date: "este año", "el mes pasado", "la semana
// pasada", "en lo que va de año", "los últimos tres meses", "la noche del domingo", "el martes", "hoy".
import type { Day } from '../dates'
import { addDays, addMonths, weekdayIndex } from '../dates'
import type { FoundPeriod } from '../period-phrases'
import { parseSpanishNumberWords } from './es-numbers'
import { B, E, lastWeekdayAt, periodList, re, spanCounter, wholeMonth, wholeYear } from './period-kit'

export const ES_WEEKDAY = '(?:lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo)'
const WEEKDAYS = ['lun', 'mar', 'mi', 'jue', 'vie', 's', 'dom']

/** The last `weekday` on or before `ref` ("el martes" read on a Tuesday is that day). */
function lastWeekday(name: string, ref: Day): Day {
  const n = name.toLowerCase()
  return lastWeekdayAt(
    WEEKDAYS.findIndex((w) => n.startsWith(w)),
    ref,
  )
}

const count = (word: string): number | undefined =>
  /^\d+$/.test(word) ? Number(word) : parseSpanishNumberWords(word.toLowerCase().split(' '))?.value

/** `n` units back from `ref` (forward when `sign` is 1). */
const shift = spanCounter([
  ['hora', 'hour'],
  ['d', 'day'],
  ['semana', 'week'],
  ['mes', 'month'],
])

const UNIT = '(horas|días|semanas|meses|años|ejercicios)'
const NUMBER = '(\\d+|[\\p{L}]+(?:\\s+y\\s+[\\p{L}]+)?)'

export function relativeSpanish(text: string, ref: Day): FoundPeriod[] {
  const { found, add } = periodList()
  const monday = addDays(ref, -weekdayIndex(ref))
  // este año, el año pasado, el próximo ejercicio, el ejercicio anterior
  for (const m of text.matchAll(
    re(
      `${B}(?:(?:este|el\\s+presente)\\s+(?:año|ejercicio)|(?:el|del)\\s+(?:(pasado|próximo)\\s+(?:año|ejercicio)|(?:año|ejercicio)\\s+(pasado|anterior|próximo|que\\s+viene)))${E}`,
    ),
  )) {
    const which = (m[1] ?? m[2] ?? '').toLowerCase()
    const year = /pasado|anterior/.test(which) ? ref.year - 1 : which ? ref.year + 1 : ref.year
    add(m, wholeYear(year).from, wholeYear(year).to)
  }
  // este mes, el mes pasado, el próximo mes
  for (const m of text.matchAll(
    re(
      `${B}(?:este\\s+mes|(?:el|del)\\s+(?:(pasado|próximo)\\s+mes|mes\\s+(pasado|anterior|próximo|que\\s+viene)))${E}`,
    ),
  )) {
    const which = (m[1] ?? m[2] ?? '').toLowerCase()
    const first = addMonths({ ...ref, day: 1 }, /pasado|anterior/.test(which) ? -1 : which ? 1 : 0)
    const whole = wholeMonth(first.year, first.month)
    add(m, whole.from, whole.to)
  }
  // esta semana, la semana pasada, la próxima semana
  for (const m of text.matchAll(
    re(
      `${B}(?:esta\\s+semana|la\\s+(?:(pasada|próxima)\\s+semana|semana\\s+(pasada|anterior|próxima|que\\s+viene)))${E}`,
    ),
  )) {
    const which = (m[1] ?? m[2] ?? '').toLowerCase()
    const offset = /pasada|anterior/.test(which) ? -7 : which ? 7 : 0
    add(m, addDays(monday, offset), addDays(monday, offset + 6))
  }
  // en lo que va de año, en lo que llevamos de mes: from its start to the article's date
  for (const m of text.matchAll(
    re(`${B}en\\s+lo\\s+que\\s+(?:va|llevamos)\\s+de(?:l)?\\s+(año|mes|semana|ejercicio)${E}`),
  )) {
    const unit = m[1].toLowerCase()
    const from =
      unit === 'mes' ? { ...ref, day: 1 } : unit === 'semana' ? monday : { year: ref.year, month: 1, day: 1 }
    add(m, from, ref)
  }
  // los últimos tres meses, las últimas 24 horas, en los próximos cinco años, desde hace dos años, en doce años
  for (const m of text.matchAll(
    re(
      `${B}(?:(?:en|durante|a\\s+lo\\s+largo\\s+de)\\s+)?(?:los|las)\\s+(?:(últimos|últimas|próximos|próximas)\\s+${NUMBER}\\s+${UNIT}|${NUMBER}\\s+${UNIT}\\s+(anteriores|pasados|pasadas|siguientes|próximos|próximas))${E}`,
    ),
  )) {
    const which = (m[1] ?? m[6] ?? '').toLowerCase()
    const n = count(m[2] ?? m[4])
    if (n === undefined || n <= 0) continue
    const unit = m[3] ?? m[5]
    if (/próxim|siguient/.test(which)) add(m, ref, shift(ref, n, unit, 1))
    else add(m, shift(ref, n, unit), ref)
  }
  for (const m of text.matchAll(
    re(
      `${B}(?:desde\\s+hace|en)\\s+(?:(?:casi|más\\s+de|menos\\s+de|unos|unas)\\s+)?${NUMBER}\\s+${UNIT}${E}`,
    ),
  )) {
    const n = count(m[1])
    // "en doce años" is a span up to the article's date only with a past verb; a future one says "dentro de"
    if (n !== undefined && n > 0) add(m, shift(ref, n, m[2]), ref)
  }
  // a live blog's entry opens with its clock time ("23:47 — Con el 100 % escrutado"): the article's own day
  for (const m of text.matchAll(re(`^(?:[01]?\\d|2[0-3])[:.][0-5]\\d(?=\\s*[—–-]\\s)`))) add(m, ref, ref)
  // la noche del domingo, la madrugada del martes: that day
  for (const m of text.matchAll(
    re(
      `${B}(?:la\\s+)?(?:noche|madrugada|mañana|tarde)\\s+(?:del|de\\s+este|de\\s+este\\s+pasado)\\s+(${ES_WEEKDAY})${E}`,
    ),
  )) {
    const day = lastWeekday(m[1], ref)
    add(m, day, day)
  }
  // durante la noche, esta madrugada, anoche: overnight, from the day before to the article's date
  for (const m of text.matchAll(
    re(
      `${B}(?:anoche|(?:durante|por)\\s+la\\s+(?:noche|madrugada)|esta\\s+madrugada|(?:la|una)\\s+noche(?!\\s+(?:del|de)\\s))${E}`,
    ),
  ))
    add(m, addDays(ref, -1), ref)
  for (const m of text.matchAll(
    re(
      `${B}(?:anteayer|antes\\s+de\\s+ayer|ayer|hoy|actualmente|en\\s+la\\s+actualidad|a\\s+día\\s+de\\s+hoy|hasta\\s+(?:ahora|el\\s+momento)|en\\s+lo\\s+que\\s+va\\s+de\\s+(?:día|jornada)|esta\\s+mañana|esta\\s+tarde|esta\\s+noche)${E}`,
    ),
  )) {
    const word = m[0].toLowerCase()
    const offset = /^ante/.test(word) ? -2 : word === 'ayer' ? -1 : 0
    add(m, addDays(ref, offset), addDays(ref, offset))
  }
  // el martes, este domingo, el pasado lunes: the last such day on or before the article's date
  for (const m of text.matchAll(
    re(
      `${B}(?:(?:el|este|del|el\\s+pasado|este\\s+pasado)\\s+)(${ES_WEEKDAY})(?!\\s+\\d)(?:\\s+(pasado|próximo|que\\s+viene))?${E}`,
    ),
  )) {
    const day = lastWeekday(m[1], ref)
    const next = /próximo|viene/i.test(m[2] ?? '')
    const when = next ? addDays(day, 7) : day
    add(m, when, when)
  }
  return found
}
