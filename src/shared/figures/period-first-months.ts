// Runs everywhere: the first months of a year as one span ("the first nine months", "les neuf premiers mois",
// "den ersten neun Monaten", "за вісім місяців"), and in English the months that end with a named one ("in the 12
// months to June", "the year to May"), read against the article's date (period-find.ts reads them per sentence).
import type { Day } from './dates'
import { addMonths, lastDayOfMonth, monthNumber, toISO } from './dates'
import type { Lexicon } from './lang/types'
import type { FoundPeriod } from './period-phrases'

/** "the first nine months of the year" in six languages; the count is group 1, a stated year group 2. */
const FIRST_MONTHS = new RegExp(
  [
    `(?:the\\s+)?first\\s+(\\S+)\\s+months(?:\\s+of\\s+(?:the\\s+year|(\\d{4})))?`,
    `(?:les\\s+)?(\\S+)\\s+premiers\\s+mois(?:\\s+de\\s+(?:l['’]année|(\\d{4})))?`,
    `(?:los\\s+)?primeros\\s+(\\S+)\\s+meses(?:\\s+del?\\s+(?:año|(\\d{4})))?`,
    `(?:den\\s+)?ersten\\s+(\\S+)\\s+Monaten(?:\\s+(?:des\\s+Jahres|(\\d{4})))?`,
    // "за вісім місяців", "за восемь месяцев" (of the year): the first months too
    `(?:перші|перших|за)\\s+(\\S+)\\s+місяц\\p{L}*(?:\\s+(\\d{4})\\s+року|\\s+року)?`,
    `(?:первые|первых|за)\\s+(\\S+)\\s+месяц\\p{L}*(?:\\s+(\\d{4})\\s+года|\\s+года)?`,
  ]
    .map((p) => `(?<![\\p{L}\\d])${p}(?![\\p{L}\\d])`)
    .join('|'),
  'giu',
)

/** "les neuf premiers mois de l'année", "den ersten neun Monaten": 1 January to the end of that month. */
export function firstMonths(text: string, ref: Day | undefined, lex: Lexicon): FoundPeriod[] {
  const found: FoundPeriod[] = []
  for (const m of text.matchAll(FIRST_MONTHS)) {
    const groups = m.slice(1)
    const word = groups.find((g, i) => i % 2 === 0 && g !== undefined) ?? ''
    const stated = groups.find((g, i) => i % 2 === 1 && g !== undefined)
    const n = /^\d+$/.test(word) ? Number(word) : lex.parseNumberWords([word.toLowerCase()])?.value
    if (n === undefined || n < 1 || n > 11) continue
    const year = stated !== undefined ? Number(stated) : ref?.year
    if (year === undefined) continue
    const to = { year, month: n, day: lastDayOfMonth(year, n) }
    const back = ref !== undefined && stated === undefined && toISO(ref) < toISO(to) ? 1 : 0
    found.push({
      from: { year: year - back, month: 1, day: 1 },
      to: { ...to, year: year - back, day: lastDayOfMonth(year - back, n) },
      index: m.index,
      text: m[0],
    })
  }
  if (lex.code !== 'en' || ref === undefined) return found
  // "in the 12 months to June", "in the year to May": the months that end with the named one
  for (const m of text.matchAll(YEAR_TO)) {
    const months = m[1] === undefined ? 12 : Number(m[1]) || lex.parseNumberWords([m[1].toLowerCase()])?.value
    const month = monthNumber(m[2])
    if (months === undefined || months < 1 || month === undefined) continue
    let year = m[3] !== undefined ? Number(m[3]) : ref.year
    if (m[3] === undefined && toISO(ref) < toISO({ year, month, day: 1 })) year--
    const to = { year, month, day: lastDayOfMonth(year, month) }
    const from = addMonths({ year, month, day: 1 }, 1 - months)
    found.push({ from, to, index: m.index, text: m[0] })
  }
  return found
}

const YEAR_TO =
  /(?<![\p{L}\d])(?:the\s+)?(?:(\S+)\s+months|year)\s+to\s+(?:the\s+end\s+of\s+)?(January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(\d{4}))?(?![\p{L}\d])/giu
