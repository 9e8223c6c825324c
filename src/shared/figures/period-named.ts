// Runs everywhere: NAMED SPANS (period round 15) — a span the calendar names rather than dates, computed against
// the article's date in the six languages: the holidays (Easter from Good Friday to Easter Monday, Semana Santa
// from Palm Sunday to Easter Sunday, Ostern, Pfingsten, Великдень / Пасха by the Orthodox date, Christmas, New
// Year's night, Toussaint; Easter computed, never listed), and the two ways an article names again a span it
// defined before: by the holiday's common name ("over the bank holiday", "pendant les fêtes", "über die
// Feiertage", "за свята", "в праздники": the holiday span the article defined first) and by its length ("these
// three days", "ces trois jours", "across the four days", "за ці три дні": the latest span of that many days
// named before). Conventions: README "Figures", decided in session 9 (the Easter bank holiday, Semana Santa, a
// holiday span the lead defines carries to later paragraphs that name it).
import type { Day } from './dates'
import { addDays, daysBetween, toISO } from './dates'
import type { FoundPeriod } from './period-phrases'

/** Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function westernEaster(year: number): Day {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return { year, month, day }
}

/**
 * Orthodox Easter Sunday of `year` as a Gregorian date (Meeus's Julian algorithm, then the calendars' gap: 13 days
 * from 1900 to 2099).
 */
export function orthodoxEaster(year: number): Day {
  const a = year % 4
  const b = year % 7
  const c = year % 19
  const d = (19 * c + 15) % 30
  const e = (2 * a + 4 * b - d + 34) % 7
  const month = Math.floor((d + e + 114) / 31)
  const day = ((d + e + 114) % 31) + 1
  const gap = Math.floor(year / 100) - Math.floor(year / 400) - 2
  return addDays({ year, month, day }, gap)
}

type Span = { from: Day; to: Day }
/** A holiday's days in the year it begins. */
type Occurrence = (year: number) => Span

const easterDays =
  (easter: (year: number) => Day, from: number, to: number): Occurrence =>
  (year) => {
    const sunday = easter(year)
    return { from: addDays(sunday, from), to: addDays(sunday, to) }
  }
const fixed =
  (month: number, day: number, days = 1): Occurrence =>
  (year) => {
    const from = { year, month, day }
    return { from, to: addDays(from, days - 1) }
  }

const W = (year: number): Day => westernEaster(year)
const O = (year: number): Day => orthodoxEaster(year)

/**
 * Each holiday by the words that name it in the six languages, most specific first (the first that matches a
 * stretch of words wins it). The Easter bank holiday, "Easter", "Ostern", "über Ostern": Good Friday to Easter
 * Monday (conventions, session 9); "le week-end de Pâques", "Pfingsten", "Whitsun": the Saturday to the Monday.
 */
const HOLIDAYS: { re: RegExp; days: Occurrence }[] = [
  // single days first, so "Good Friday" or "Easter Monday" is not read as the whole Easter span
  { re: /Good\s+Friday|Karfreitag\p{L}*|Vendredi\s+saint|Viernes\s+Santo/iu, days: easterDays(W, -2, -2) },
  { re: /Maundy\s+Thursday|Gründonnerstag\p{L}*|Jueves\s+Santo/iu, days: easterDays(W, -3, -3) },
  {
    re: /Easter\s+Sunday|Ostersonntag\p{L}*|dimanche\s+de\s+Pâques|Domingo\s+de\s+(?:Pascua|Resurrección)/iu,
    days: easterDays(W, 0, 0),
  },
  {
    re: /Easter\s+Monday|Ostermontag\p{L}*|lundi\s+de\s+Pâques|Lunes\s+de\s+Pascua/iu,
    days: easterDays(W, 1, 1),
  },
  { re: /Whit\s+Monday|Pfingstmontag\p{L}*|lundi\s+de\s+Pentecôte/iu, days: easterDays(W, 50, 50) },
  { re: /Semana\s+Santa/iu, days: easterDays(W, -7, 0) },
  {
    re: /Easter(?:\s+(?:bank\s+holiday|weekend|holidays?|break))?|Oster(?:feiertage\p{L}*|wochenende\p{L}*|tage\p{L}*|ferien)|Ostern/iu,
    days: easterDays(W, -2, 1),
  },
  { re: /(?:week-end|pont)\s+de\s+Pâques|Pâques/iu, days: easterDays(W, -1, 1) },
  {
    re: /Whitsun(?:\s+(?:bank\s+holiday|weekend))?|Pfingst(?:feiertage\p{L}*|wochenende\p{L}*|tage\p{L}*)|Pfingsten|(?:week-end\s+de\s+(?:la\s+)?)?Pentecôte/iu,
    days: easterDays(W, 49, 50),
  },
  // the Orthodox Easter (uk, ru): the Sunday
  { re: /Великд\p{L}*|Пасх\p{L}*/iu, days: easterDays(O, 0, 0) },
  {
    re: /Christmas\s+Eve|Heilig(?:en)?abend|Nochebuena|réveillon\s+de\s+Noël|Сочельник\p{L}*|Святвечір\p{L}*/iu,
    days: fixed(12, 24),
  },
  {
    re: /Christmas\s+Day|jour\s+de\s+Noël|día\s+de\s+Navidad|1\.\s+Weihnachtsfeiertag/iu,
    days: fixed(12, 25),
  },
  { re: /Boxing\s+Day|2\.\s+Weihnachtsfeiertag|zweiten\s+Weihnachtsfeiertag/iu, days: fixed(12, 26) },
  {
    re: /(?:over|at|during)\s+Christmas|(?:à|pour|pendant)\s+Noël|(?:en|por)\s+Navidad|Weihnachts(?:feiertage\p{L}*|tage\p{L}*)|(?:über|an)\s+Weihnachten/iu,
    days: fixed(12, 24, 3),
  },
  {
    re: /New\s+Year['’]s\s+Eve|Silvester\p{L}*|Saint-Sylvestre|Nochevieja|новорічн\p{L}*\s+н(?:іч|очі)|новогодн\p{L}*\s+ноч\p{L}*/iu,
    days: fixed(12, 31, 2),
  },
  { re: /New\s+Year['’]s\s+Day|Neujahr(?:stag)?|jour\s+de\s+l['’]An|Año\s+Nuevo/iu, days: fixed(1, 1) },
  { re: /новогодн\p{L}*\s+(?:праздник\p{L}*|каникул\p{L}*)/iu, days: fixed(1, 1, 8) },
  { re: /Toussaint|Allerheiligen|Todos\s+los\s+Santos|All\s+Saints['’]?\s+Day/iu, days: fixed(11, 1) },
]

/** A holiday's year written with it: "Easter 2025", "Ostern 2025", "la Semana Santa de 2025", "Пасха 2025 года". */
const STATED_YEAR = /^\s*(?:de\s+|of\s+|in\s+)?((?:19|20)\d{2})(?![\d])/u
/** "last Easter", "l'an dernier", "el año pasado" just before or after: the holiday before the latest. */
const LAST_BEFORE = /(?:last|letzt\p{L}*|vergangen\p{L}*|прошл\p{L}*|минул\p{L}*|торішн\p{L}*)\s+$/iu
const NEXT_BEFORE = /(?:next|this\s+coming|nächst\p{L}*|kommend\p{L}*|следующ\p{L}*|наступн\p{L}*)\s+$/iu

/**
 * Which year's holiday the words mean: the one written; "last" the latest over by the article's date; "next" the
 * first to begin after it; else the latest begun by it, or the coming one when the sentence looks ahead or it
 * begins within ten days (a future period with no year written is the next such period, session 9).
 */
function occurrence(days: Occurrence, ref: Day, ahead: boolean, stated?: number, which?: string): Span {
  if (stated !== undefined) return days(stated)
  const around = [ref.year - 2, ref.year - 1, ref.year, ref.year + 1].map(days)
  const iso = toISO(ref)
  if (which === 'last') return [...around].reverse().find((s) => toISO(s.to) < iso) ?? around[0]
  if (which === 'next') return around.find((s) => toISO(s.from) > iso) ?? around[3]
  const begun = [...around].reverse().find((s) => toISO(s.from) <= iso) ?? around[0]
  const coming = around.find((s) => toISO(s.from) > iso) ?? around[3]
  // what is still under way stays the one begun
  if (toISO(begun.to) >= iso) return begun
  return ahead || daysBetween(ref, coming.from) <= 10 ? coming : begun
}

/** The holidays named in `raw` (a sentence's words as written), each read against the article's date. */
export function holidaySpans(raw: string, ref: Day, ahead: boolean): FoundPeriod[] {
  const found: FoundPeriod[] = []
  const taken: [number, number][] = []
  for (const { re, days } of HOLIDAYS) {
    const all = new RegExp(`(?<![\\p{L}])(?:${re.source})(?![\\p{L}])`, 'giu')
    for (const m of raw.matchAll(all)) {
      const start = m.index
      const end = start + m[0].length
      if (taken.some(([a, b]) => a < end && start < b)) continue
      taken.push([start, end])
      const after = STATED_YEAR.exec(raw.slice(end))
      const lead = raw.slice(Math.max(0, start - 24), start)
      const which = LAST_BEFORE.test(lead) ? 'last' : NEXT_BEFORE.test(lead) ? 'next' : undefined
      const span = occurrence(days, ref, ahead, after ? Number(after[1]) : undefined, which)
      const text = after ? m[0] + after[0] : m[0]
      found.push({ ...span, index: start, text, bounded: true })
    }
  }
  return found
}

/**
 * A holiday's common name, which names again the holiday span the article defined before: "the holidays", "the
 * bank holiday", "the festive period", "les fêtes", "las fiestas", "die Feiertage", "свята", "святкові дні",
 * "праздники", "праздничные дни".
 */
const HOLIDAY_NAME =
  /(?<![\p{L}])(?:the\s+(?:holidays|holiday\s+(?:period|season|weekend)|bank\s+holiday(?:\s+weekend)?|festive\s+(?:period|season|break)|long\s+weekend)|(?:les|ces|des)\s+fêtes(?:\s+de\s+fin\s+d['’]année)?|(?:las|estas|esas)\s+fiestas|(?:el|este|ese)\s+puente|(?:die|den|diesen)\s+(?:Feier|Fest)tage\p{L}*|(?:за|на|у|в|під\s+час)\s+свят(?:а|ах)?|святков\p{L}*\s+(?:дн\p{L}*|дат\p{L}*|період\p{L}*|вихідн\p{L}*)|(?:в|на|за)\s+праздник(?:и|ах)|праздничн\p{L}*\s+(?:дн\p{L}*|период\p{L}*|выходн\p{L}*))(?![\p{L}])/giu

/** A word that shows a sentence is about a holiday (to find where the article defines its holiday span). */
const HOLIDAY_WORD =
  /(?<![\p{L}])(?:holiday\p{L}*|festive|Easter|Christmas|Whitsun|fêtes?|Noël|Pâques|Toussaint|fiestas?|puente|Navidad|Semana\s+Santa|Feiertag\p{L}*|Festtag\p{L}*|Ostern|Oster\p{L}+|Weihnacht\p{L}*|Pfingst\p{L}*|свят\p{L}*|Різдв\p{L}*|різдвян\p{L}*|новорічн\p{L}*|Великд\p{L}*|праздни\p{L}*|новогодн\p{L}*|Рождеств\p{L}*|Пасх\p{L}*|каникул\p{L}*)(?![\p{L}])/iu

/** "these three days", "the four days", "ces trois jours", "estos tres días", "diese drei Tage", "ці три дні". */
const THESE_DAYS =
  /(?<![\p{L}])(?:(?:these|those|the)\s+(\S+)\s+days|(?:ces|les)\s+(\S+)\s+jours|(?:estos|esos|los)\s+(\S+)\s+días|(?:diese[n]?|den|die)\s+(\S+)\s+Tage[n]?|(?:ці|цих|ті|тих)\s+(\S+)\s+(?:дн\p{L}*|доб\p{L}*)|(?:эти|этих|те|тех)\s+(\S+)\s+(?:дн\p{L}*|сут\p{L}*))(?![\p{L}])/giu

/** A sentence read before the figure's: its words and its period phrases. */
export type EarlierSentence = { raw: string; periods: FoundPeriod[] }

const length = (p: { from: Day; to: Day }): number => daysBetween(p.from, p.to) + 1

/**
 * The spans of a sentence that name again a span the article defined before it (`earlier`, in reading order):
 * a holiday's common name takes the first holiday span the article defined (a span of two days to six weeks in
 * a sentence about a holiday); "these N days" the latest span of exactly N days. `count` reads a number word.
 */
export function namedAgain(
  raw: string,
  earlier: () => EarlierSentence[],
  count: (word: string) => number | undefined,
): FoundPeriod[] {
  const found: FoundPeriod[] = []
  let before: EarlierSentence[] | undefined
  const read = (): EarlierSentence[] => (before ??= earlier())
  for (const m of raw.matchAll(HOLIDAY_NAME)) {
    const defined = read()
      .filter((s) => HOLIDAY_WORD.test(s.raw))
      .flatMap((s) => s.periods)
      .find((p) => length(p) >= 2 && length(p) <= 42)
    if (defined) found.push({ from: defined.from, to: defined.to, index: m.index, text: m[0], bounded: true })
  }
  for (const m of raw.matchAll(THESE_DAYS)) {
    const word = m.slice(1).find((g) => g !== undefined) ?? ''
    const n = /^\d+$/.test(word) ? Number(word) : count(word.toLowerCase())
    if (n === undefined || n < 2 || n > 31) continue
    const spans = read().flatMap((s) => s.periods)
    const same = [...spans].reverse().find((p) => length(p) === n)
    if (same) found.push({ from: same.from, to: same.to, index: m.index, text: m[0], bounded: true })
  }
  return found
}
