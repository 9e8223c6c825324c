// Runs everywhere: YEARS THAT END ON A STATED DAY (period round 16). A year of accounts or statistics written with
// its last day is the twelve months ending then, not a calendar year: "in the year to 31 March 2026" (1 April 2025
// – 31 March 2026), "l'exercice clos le 30 juin 2025", "el ejercicio fiscal 2025/26, cerrado el 31 de marzo", "im
// Geschäftsjahr bis zum 30. September 2025", "за рік, що завершився 31 березня", "финансовый год, закончившийся 30
// июня". Once an article has stated where its year ends, a split year it writes bare ("8,450 in 2025/26", "its
// budget for 2026/27") is that year of accounts. Read on a sentence's words as written, cached per text.
import type { Day } from './dates'
import { addDays, lastDayOfMonth } from './dates'
import { monthOf } from './period-kinds'
import type { FoundPeriod } from './period-phrases'

const MONTH = String.raw`(\p{L}+)`
const DAY = String.raw`(\d{1,2})(?:er|\.)?`
const YEAR = String.raw`(?:,?\s+(?:de\s+)?((?:19|20)\d{2}))?`

/** A year, twelve months or a year of accounts, then the day it ends: day in group 1, month 2, year 3. */
const YEAR_TO_DAY = new RegExp(
  [
    String.raw`(?:the\s+)?(?:(?:financial|fiscal)\s+)?(?:year|12\s+months|twelve\s+months)\s+(?:to|ended|ending|ended\s+on|ending\s+on)\s+${DAY}\s+${MONTH}${YEAR}`,
    String.raw`(?:l['’]année|l['’]exercice(?:\s+fiscal)?|les\s+(?:douze|12)\s+mois)\s+(?:clos|close|achevée?|terminée?|arrêtée?)\s+(?:le|au)\s+${DAY}\s+${MONTH}${YEAR}`,
    String.raw`(?:el\s+)?(?:año|ejercicio(?:\s+fiscal)?|los\s+(?:doce|12)\s+meses)\s*,?\s+(?:cerrado|terminado|concluido|finalizado|hasta)\s+(?:el|a)\s+${DAY}\s+de\s+${MONTH}${YEAR}`,
    String.raw`(?:Geschäftsjahr\p{L}*|Jahr|(?:zwölf|12)\s+Monate\p{L}*)\s+(?:bis\s+(?:zum\s+)?|zum\s+)${DAY}\s*${MONTH}${YEAR}`,
    String.raw`(?:рік|року|фінансов\p{L}+\s+р\p{L}+)\s*,?\s+(?:що\s+)?(?:завершив\p{L}*|закінчив\p{L}*|до)\s+${DAY}\s+${MONTH}${YEAR}`,
    String.raw`(?:год|года|финансов\p{L}+\s+год\p{L}*)\s*,?\s+(?:закончивш\p{L}*|завершивш\p{L}*|окончивш\p{L}*|по)\s+${DAY}\s+${MONTH}${YEAR}`,
  ]
    .map((p) => `(?<![\\p{L}\\d])${p}(?![\\p{L}\\d])`)
    .join('|'),
  'giu',
)

/** A split year of accounts, then the day it closed: "ejercicio fiscal 2025/26, cerrado el 31 de marzo". */
const SPLIT_CLOSED =
  /(?<![\p{L}\d])((?:19|20)\d{2})\s*[/–-]\s*((?:19|20)?\d{2})(?:\s+(?:financial\s+|fiscal\s+)?year)?\s*,?\s+(?:which\s+)?(?:closed|ended|ending|clos|close|cerrado|terminado|abgeschlossen|zum|що\s+завершився|закончившийся|завершившийся)\s+(?:on\s+|le\s+|au\s+|el\s+|am\s+)?(\d{1,2})\.?\s+(?:de\s+)?(\p{L}+)/iu

/** A split year written bare: "2025/26", "2019/20", "2026-27". */
const SPLIT =
  /(?<![\p{L}\d./])((?:19|20)\d{2})\s*[/–-]\s*((?:19|20)?\d{2})(?![\d/]|\.\d|\s*\p{L}*\s*(?:season|saison|temporada|сезон))/giu

type YearEnd = { month: number; day: number }

const cache = new Map<string, YearEnd | undefined>()

/** The day the article's year of accounts ends, if it states one (cached per text). */
function yearEnd(text: string): YearEnd | undefined {
  if (cache.has(text)) return cache.get(text)
  let found: YearEnd | undefined
  for (const m of text.matchAll(YEAR_TO_DAY)) {
    const g = groups(m)
    const month = monthOf(g[1])
    if (month !== undefined) {
      found = { month, day: Number(g[0]) }
      break
    }
  }
  if (found === undefined) {
    const m = SPLIT_CLOSED.exec(text)
    const month = m ? monthOf(m[4]) : undefined
    if (m && month !== undefined) found = { month, day: Number(m[3]) }
  }
  if (cache.size > 16) cache.clear()
  cache.set(text, found)
  return found
}

/** The groups of whichever alternative matched: day, month, year. */
const groups = (m: RegExpMatchArray): string[] => {
  const set = m.slice(1)
  for (let i = 0; i + 2 < set.length + 1; i += 3) if (set[i] !== undefined) return set.slice(i, i + 3)
  return []
}

/** The twelve months ending on `end`. */
const yearTo = (end: Day): { from: Day; to: Day } => ({
  from: addDays({ ...end, year: end.year - 1 }, 1),
  to: end,
})

const valid = (e: YearEnd): boolean => e.day >= 1 && e.day <= 31

/**
 * The years that end on a stated day in the sentence from `start` to `end` of `text`, and the bare split years
 * of an article that stated one.
 */
export function fiscalPeriods(text: string, start: number, end: number, ref: Day | undefined): FoundPeriod[] {
  const ends = yearEnd(text)
  if (ends === undefined || !valid(ends)) return []
  const slice = text.slice(start, end)
  const found: FoundPeriod[] = []
  for (const m of slice.matchAll(YEAR_TO_DAY)) {
    const [day, name, year] = groups(m)
    const month = monthOf(name)
    if (month === undefined) continue
    let y = year !== undefined ? Number(year) : ref?.year
    if (y === undefined) continue
    const last: Day = { year: y, month, day: Math.min(Number(day), lastDayOfMonth(y, month)) }
    // no year written: the latest such day by the article's date
    if (year === undefined && ref !== undefined && last.month * 100 + last.day > ref.month * 100 + ref.day)
      y -= 1
    found.push({ ...yearTo({ ...last, year: y }), index: m.index, text: m[0] })
  }
  for (const m of slice.matchAll(SPLIT)) {
    if (found.some((p) => p.index <= m.index && m.index < p.index + p.text.length)) continue
    const first = Number(m[1])
    const second = Number(m[2].length === 2 ? m[1].slice(0, 2) + m[2] : m[2])
    if (second !== first + 1) continue
    // the year that ends in the second year on the stated day ("2025/26" ending 31 March 2026)
    const last: Day = {
      year: second,
      month: ends.month,
      day: Math.min(ends.day, lastDayOfMonth(second, ends.month)),
    }
    // "2025/26, terminado el 30 de junio": the day it closed is part of the year's phrase, not a day of its own
    CLOSED_AT.lastIndex = m.index
    const closed = CLOSED_AT.exec(slice)
    found.push({ ...yearTo(last), index: m.index, text: closed?.[0] ?? m[0] })
  }
  return found
}

/** `SPLIT_CLOSED` read where a bare split year starts (sticky). */
const CLOSED_AT = new RegExp(SPLIT_CLOSED.source, 'iuy')
