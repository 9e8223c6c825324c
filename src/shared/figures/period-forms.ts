// Runs everywhere: period phrases read the same way in all six languages where the language readers had gaps
// (round 9, README "Figures"): ordinal quarters and halves ("the first half", "в третьем квартале", "в первом
// полугодии"), spans of years ("between 2017 and 2021", "у 2019–2021 роках", "за 2023–2025 годы"), "year to
// date", a stated fiscal year ("the 2025 fiscal year", "у 2025 фінансовому році") and the weekend ("last
// weekend", "le week-end", "el fin de semana", "am Wochenende", "за вихідні", "за уикенд"); and (round 11) the
// whole year with its year unwritten ("for the full year", "für das Gesamtjahr", "за весь рік").
import type { Day } from './dates'
import { addDays, lastDayOfMonth } from './dates'
import type { FoundPeriod } from './period-phrases'

const ORDINALS: readonly (readonly string[])[] = [
  ['first', '1st', 'перш', 'перв', 'i'],
  ['second', '2nd', 'друг', 'втор', 'ii'],
  ['third', '3rd', 'трет', 'iii'],
  ['fourth', '4th', 'четвер', 'четвёр', 'iv'],
]

const ordinal = (word: string): number | undefined => {
  const w = word.toLowerCase()
  const i = ORDINALS.findIndex((forms) => forms.some((f) => (f.length <= 3 ? w === f : w.startsWith(f))))
  return i < 0 ? undefined : i + 1
}

/** "the first half", "the third quarter (of 2025)", "в третьем квартале (2025 года)", "в первом полугодии". */
const PART_OF_YEAR =
  /(?<![\p{L}\d])(first|second|third|fourth|1st|2nd|3rd|4th)\s+(quarter|half(?=\s+of\s))(?:\s+of\s+(\d{4}|the\s+year))?(?![\p{L}\d])|(?<![\p{L}\d])(?:в|во|за|у)?\s*(перв\p{L}+|втор\p{L}+|треть\p{L}+|четв[её]рт\p{L}+|перш\p{L}+|друг\p{L}+|трет\p{L}+|четверт\p{L}+)\s+(квартал\p{L}*|полугоди\p{L}*|півріч\p{L}*)(?:\s+(\d{4})\s+(?:года|року))?(?![\p{L}\d])/giu

/** "between 2017 and 2021", "между 2019 и 2024 годами", "zwischen 2017 und 2021"; "2019–2021 роках", "2017-2021". */
const YEAR_SPAN =
  /(?<![\p{L}\d])(?:between|entre|zwischen|між|между)\s+((?:19|20)\d\d)\s+(?:and|et|y|und|і|та|и)\s+((?:19|20)\d\d)(?:\s*(?:рок\p{L}*|год\p{L}*))?(?![\p{L}\d])|(?<![\p{L}\d.,])((?:19|20)\d\d)\s*[–—-]\s*((?:19|20)\d\d)(?:\s*(?:рок\p{L}*|рр\.|год\p{L}*|гг\.|years|ans|años|Jahre\p{L}*))?(?![\p{L}\d])/giu

/** "year to date", "year-to-date". */
const YEAR_TO_DATE = /(?<![\p{L}])year[\s-]to[\s-]date(?![\p{L}])/giu

/** "the 2025 fiscal year", "fiscal 2025", "у 2025 фінансовому році", "в 2025 финансовом году". */
const FISCAL_YEAR =
  /(?<![\p{L}\d])(?:(?:the\s+)?((?:19|20)\d\d)\s+(?:fiscal|financial)\s+year|fiscal\s+(?:year\s+)?((?:19|20)\d\d)|((?:19|20)\d\d)\s+(?:фінансов\p{L}*\s+р(?:ок|оц)\p{L}*|финансов\p{L}*\s+год\p{L}*))(?![\p{L}\d])/giu

/**
 * The weekend, with the word that fixes which one ("last weekend", "ce week-end", "am Wochenende", "у
 * вихідні", "в выходные"); not a bare habitual "le week-end", nor "уикенд", which in box-office copy is the
 * Thursday–Sunday of a release.
 */
const WEEKEND =
  /(?<![\p{L}])(?:(?:last|this|next|over\s+the|at\s+the|for\s+the)\s+weekend|(?:ce|pendant\s+le|au\s+cours\s+du|pour\s+le)\s+week-end|le\s+week-end\s+(?:dernier|prochain)|(?:este|durante\s+el|para\s+el)\s+fin\s+de\s+semana|el\s+fin\s+de\s+semana\s+(?:pasado|próximo)|(?:am|übers|für\s+das)\s+(?:(?:vergangenen|letzten|nächsten|kommenden)\s+)?Wochenende|(?:das\s+)?(?:vergangene|letzte|kommende)\s+Wochenende|(?:за|у|на|минулі|ці)\s+вихідні|(?:минулого|цього|наступного)\s+вікенду|(?:за|в|на|прошлые|эти)\s+выходные)(?![\p{L}])/giu

/**
 * The whole year, its year unwritten: "for the full year", "the year as a whole", "sur l'ensemble de l'année",
 * "en el conjunto del año", "für das Gesamtjahr", "за весь рік", "за год в целом", "по итогам года".
 */
const FULL_YEAR =
  /(?<![\p{L}])(?:(?:for|over|in)\s+the\s+(?:full|whole|entire)\s+year|the\s+year\s+as\s+a\s+whole|full-year|(?:sur|pour)\s+l['’]ensemble\s+de\s+l['’]année|sur\s+l['’]année\s+(?:entière|complète)|(?:en|para)\s+el\s+conjunto\s+del\s+año|en\s+todo\s+el\s+año|(?:für\s+das|im)\s+Gesamtjahr|(?:über|für)\s+das\s+ganze\s+Jahr|за\s+весь\s+рік|за\s+рік\s+у\s+цілому|у\s+цілому\s+за\s+рік|за\s+підсумками\s+року|за\s+весь\s+год|за\s+год\s+в\s+целом|в\s+целом\s+за\s+год|по\s+итогам\s+года)(?!\s*\d)(?![\p{L}])(?!\s+(?:prochaine|dernière|précédente|passée|pasado|próximo|anterior|que\s+viene|next|last|previous|минулого|наступного|прошлого|следующего))/giu

const NEXT = /next|prochain|próximo|nächst|kommend|наступн/iu
const LAST = /last|dernier|pasado|último|vergangen|letzt|минул|прошл/iu

/** Saturday–Sunday: the last one begun by `ref`, or the next one when the sentence looks ahead or says "next". */
function weekend(ref: Day, ahead: boolean, phrase: string): { from: Day; to: Day } {
  const weekday = new Date(Date.UTC(ref.year, ref.month - 1, ref.day)).getUTCDay() // 0 Sunday … 6 Saturday
  const forward = NEXT.test(phrase) || (ahead && !LAST.test(phrase) && weekday >= 1 && weekday <= 5)
  if (forward) {
    const saturday = addDays(ref, (6 - weekday + 7) % 7 || 7)
    return { from: saturday, to: addDays(saturday, 1) }
  }
  // on a Saturday, a look ahead takes the whole weekend begun
  if (weekday === 6) return { from: ref, to: ahead && !LAST.test(phrase) ? addDays(ref, 1) : ref }
  if (weekday === 0) return { from: addDays(ref, -1), to: ref }
  const saturday = addDays(ref, -(weekday + 1))
  return { from: saturday, to: addDays(saturday, 1) }
}

/** The periods of `text` in the forms above; `ahead`: the sentence looks ahead (a forecast, a future tense). */
export function periodForms(text: string, ref: Day | undefined, ahead: boolean): FoundPeriod[] {
  const found: FoundPeriod[] = []
  for (const m of text.matchAll(PART_OF_YEAR)) {
    const n = ordinal(m[1] ?? m[4] ?? '')
    const unit = (m[2] ?? m[5] ?? '').toLowerCase()
    const stated = m[3] ?? m[6]
    const half = /^(?:half|полугод|півріч)/u.test(unit)
    if (n === undefined || (half && n > 2)) continue
    const year = stated !== undefined && /^\d{4}$/.test(stated) ? Number(stated) : ref?.year
    if (year === undefined) continue
    const first = half ? (n - 1) * 6 + 1 : (n - 1) * 3 + 1
    const last = first + (half ? 5 : 2)
    // without its year: the latest one begun by the article's date, or the coming one in a forecast
    const back =
      (stated === undefined || !/^\d{4}$/.test(stated)) && ref !== undefined && !ahead && ref.month < first
        ? 1
        : 0
    found.push({
      from: { year: year - back, month: first, day: 1 },
      to: { year: year - back, month: last, day: lastDayOfMonth(year - back, last) },
      index: m.index,
      text: m[0].trim(),
    })
  }
  for (const m of text.matchAll(YEAR_SPAN)) {
    const from = Number(m[1] ?? m[3])
    const to = Number(m[2] ?? m[4])
    if (to <= from || to - from > 30) continue
    found.push({
      from: { year: from, month: 1, day: 1 },
      to: { year: to, month: 12, day: 31 },
      index: m.index,
      text: m[0],
    })
  }
  for (const m of text.matchAll(FISCAL_YEAR)) {
    const year = Number(m[1] ?? m[2] ?? m[3])
    found.push({
      from: { year, month: 1, day: 1 },
      to: { year, month: 12, day: 31 },
      index: m.index,
      text: m[0],
    })
  }
  if (ref === undefined) return found
  for (const m of text.matchAll(FULL_YEAR)) {
    // early in a year, what is not looked ahead to is the year just ended
    const year = !ahead && ref.month <= 3 ? ref.year - 1 : ref.year
    found.push({
      from: { year, month: 1, day: 1 },
      to: { year, month: 12, day: 31 },
      index: m.index,
      text: m[0],
    })
  }
  for (const m of text.matchAll(YEAR_TO_DATE))
    found.push({ from: { year: ref.year, month: 1, day: 1 }, to: ref, index: m.index, text: m[0] })
  for (const m of text.matchAll(WEEKEND)) {
    const { from, to } = weekend(ref, ahead, m[0])
    found.push({ from, to, index: m.index, text: m[0] })
  }
  return found
}
