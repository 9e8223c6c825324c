// Runs everywhere: TABLES (period round 13, conventions §18). A line that is a row of a table — a short label, a
// colon, a number: "Nord: 612.400 (561.800)", "Центральный: 870", "Asistentes: 186.000" — takes the period its
// lead states (the paragraph or sentence before the rows), like a list item; a number in brackets after the row's
// own takes the period the article gives for brackets ("in Klammern: Vorjahresmonat", "в скобках — 2025 год",
// "entre parenthèses, 2025"), else the same period a year earlier. Read the same way in the six languages.
import { parseISO, toISO } from './dates'
import type { Compared } from './period-shift'
import { shifted } from './period-shift'
import type { Sentence } from './sentences'

/** A row: a label of at most six words, a colon, then a number (signed or approximate). */
const ROW =
  /^[\p{L}\p{Lu}][\p{L}\p{M}'’. -]{0,50}(?:\([^)\n]{0,30}\))?:\s*(?:[~≈]|ca\.|около|близько|about)?\s*[+−-]?\d/u
const ROW_WORDS = 6

/** The line (a sentence's words) is a row of a table. */
export function isRow(line: string): boolean {
  const t = line.trim()
  if (!ROW.test(t) || t.length > 90) return false
  const label = t.slice(0, t.indexOf(':'))
  return (label.match(/[\p{L}\d]+/gu)?.length ?? 0) <= ROW_WORDS
}

/** What the article says its brackets hold: "in Klammern: …", "в скобках — …", "(between brackets) …". */
const BRACKETS =
  /(?<![\p{L}])(?:in\s+(?:brackets|parenthes[ie]s)|entre\s+parenth[èe]ses|entre\s+paréntesis|in\s+Klammern|у\s+дужках|в\s+скобках)[^.\n]{0,80}/iu

/** A year earlier, in the words about brackets (or nothing said: the same period a year earlier). */
const A_YEAR_EARLIER =
  /Vorjahr|year\s+(?:earlier|before|ago)|previous\s+year|last\s+year|l['’]an(?:née)?\s+(?:dernière?|précédente|passée)|año\s+(?:anterior|pasado)|прошл\p{L}*\s+год\p{L}*|минул\p{L}*\s+р(?:ік|оку|оці)|попередн\p{L}*/iu

/** The shift the bracket's period is from the row's: to a year named, or a year back. */
function bracketShift(text: string): Compared['shift'] {
  const said = BRACKETS.exec(text)?.[0]
  if (said === undefined || A_YEAR_EARLIER.test(said)) return { years: -1 }
  const year = said.match(/(?<!\d)(?:19|20)\d{2}(?!\d)/)?.[0]
  return year !== undefined ? { toYear: Number(year) } : { years: -1 }
}

/**
 * The period of a figure at `start` in a row `sentence` whose period came from its lead (`found`): moved to the
 * brackets' period when the figure stands in brackets after the row's own number.
 */
export function rowBracket<P extends { start: string; end: string; text: string }>(
  text: string,
  sentence: Sentence,
  start: number,
  found: P,
): P {
  const line = text.slice(sentence.start, sentence.end)
  if (!isRow(line)) return found
  const before = text.slice(sentence.start, start)
  // inside brackets opened after the row's own number
  const open = before.lastIndexOf('(')
  if (open < 0 || before.lastIndexOf(')') > open || !/\d/.test(before.slice(0, open))) return found
  const from = parseISO(found.start)
  const to = parseISO(found.end)
  if (!from || !to) return found
  const moved = shifted(from, to, bracketShift(text))
  return { ...found, start: toISO(moved.from), end: toISO(moved.to) }
}
