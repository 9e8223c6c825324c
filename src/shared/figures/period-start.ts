// Runs everywhere: a start and a duration read as one span (round 14): "from 4 December for three days", "à
// compter du 1er janvier 2027 pour une durée de 20 ans", "sur deux ans à partir de janvier 2027", "a partir del 1
// de marzo y durante seis meses", "ab dem 3. März für zwei Wochen", "с 4 декабря на три дня", "з 1 квітня на
// пів року" — from the day or month named to the day before the same count of units later.
import type { Day } from './dates'
import { addDays, addMonths, toISO } from './dates'
import type { Lexicon } from './lang/types'
import { COUNT, UNIT, unitOf } from './period-ahead'
import type { FoundPeriod } from './period-phrases'

/** Words that open a start: "from", "starting", "à compter du", "à partir de", "a partir del", "ab dem", "с", "з". */
const START = String.raw`(?:from|starting(?:\s+(?:on|from|in))?|beginning(?:\s+(?:on|in))?|effective|à\s+compter\s+d[ue]|à\s+partir\s+d[ue]|dès\s+le|a\s+partir\s+del?|desde\s+el|desde|ab(?:\s+dem|\s+Januar)?|vom|von|с|со|з|із|від|начиная\s+с|починаючи\s+з)(?:\s+(?:the|le|la|l['’]|el|la|dem|den))?`
/** Words that give the duration its length: "for", "pour (une durée de)", "sur", "por", "durante", "für", "на". */
const FOR = String.raw`(?:(?:and\s+|et\s+|y\s+|und\s+|і\s+|и\s+)?(?:for(?:\s+(?:a\s+period\s+of|the\s+next))?|pour(?:\s+une\s+(?:durée|période)\s+de)?|sur|por(?:\s+un\s+periodo\s+de)?|durante|für(?:\s+die\s+Dauer\s+von)?|на(?:\s+срок)?|строком\s+на|терміном\s+на|на\s+строк))`

const BEFORE_PHRASE = new RegExp(String.raw`(?<![\p{L}])${START}\s+$`, 'iu')
const AFTER_PHRASE = new RegExp(String.raw`^\s*,?\s*${FOR}\s+${COUNT}\s+${UNIT}(?![\p{L}\d])`, 'iu')
const DURATION_FIRST = new RegExp(
  String.raw`(?<![\p{L}])${FOR}\s+${COUNT}\s+${UNIT}\s*,?\s*${START}\s+$`,
  'iu',
)

/** The day `n` units after `from`, less one day (a span that includes its first day). */
function endOf(from: Day, n: number, unit: 'y' | 'm' | 'w' | 'd'): Day {
  if (unit === 'd' || unit === 'w') return addDays(from, (unit === 'd' ? n : 7 * n) - 1)
  return addDays(addMonths(from, unit === 'y' ? 12 * n : n), -1)
}

/** The spans a start and a duration make in `slice` (a sentence's words), from the periods found in it. */
export function startSpans(
  slice: string,
  found: FoundPeriod[],
  lex: Lexicon,
  ref: Day | undefined,
  ahead: boolean,
): FoundPeriod[] {
  const spans: FoundPeriod[] = []
  const count = (word: string): number | undefined =>
    /^\d+$/.test(word) ? Number(word) : lex.parseNumberWords([word.toLowerCase()])?.value
  for (const p of found) {
    const lead = slice.slice(Math.max(0, p.index - 60), p.index)
    const end = p.index + p.text.length
    const after = AFTER_PHRASE.exec(slice.slice(end))
    const first = after === null ? DURATION_FIRST.exec(lead) : null
    const starts =
      first !== null || BEFORE_PHRASE.test(lead) || BEFORE_PHRASE.test(lead + p.text.split(/\s/)[0] + ' ')
    const m = after ?? first
    if (m === null || !starts) continue
    const n = count(m[1])
    const unit = unitOf(m[2])
    if (n === undefined || !Number.isInteger(n) || n < 1 || n > 100 || unit === undefined) continue
    const index = first !== null ? p.index - lead.length + first.index : p.index
    const until = after !== null ? end + after[0].length : end
    // a start without its year in a sentence that looks ahead is the coming one ("from 14 December for three days")
    const coming = ahead && ref !== undefined && !/\d{4}/.test(p.text) && toISO(p.from) < toISO(ref)
    const from = coming ? { ...p.from, year: p.from.year + 1 } : p.from
    spans.push({ from, to: endOf(from, n, unit), index, text: slice.slice(index, until), bounded: true })
  }
  return spans
}
