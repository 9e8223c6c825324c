// Runs everywhere: joins two numbers into a range (between 400 and 500, 1–1.5%, from 10 to 20,
// two or three) or a ratio (one in five, 3 out of 10).
import { changeBefore, changeInSentence } from './changes'
import { scaled } from './extend'
import { countedHead } from './noun-phrase'
import { longestAt } from './phrase'
import { glued, isSym, isWord, looksLikeYear } from './tokenize'
import type { LanguageCode } from './lang/types'
import type { Draft, Scan } from './types'

/** Reads the figure whose number starts at token `i` (the caller's full reader, without ranges). */
export type ReadFigure = (i: number) => Draft | undefined

const DASHES = ['-', '–', '—', '…']

/** Ratio links that say "of every": what follows the second number is what is shared out, a unit or not. */
const RATIO_OF_EVERY: ReadonlySet<string> = new Set([
  'de cada',
  'out of',
  'sur',
  'von',
  'з кожних',
  'из каждых',
])

/** The word for "even" after "or", widening a range: "six or even 12". */
const EVEN: Readonly<Record<LanguageCode, string[]>> = {
  en: ['even'],
  fr: ['même'],
  es: ['incluso', 'hasta'],
  de: ['sogar', 'gar'],
  uk: ['навіть'],
  ru: ['даже'],
}

/** One word for "or even": French "voire". */
const OR_EVEN: Readonly<Record<LanguageCode, string[]>> = {
  en: [],
  fr: ['voire'],
  es: [],
  de: [],
  uk: [],
  ru: [],
}

/** Extends `a` into a range or a ratio when the text continues with a second number. */
export function extendPair(scan: Scan, a: Draft, read: ReadFigure): Draft {
  return ratio(scan, a, read) ?? range(scan, read, a) ?? changeFrom(scan, read, a) ?? a
}

/**
 * The first number of a change, "зросла з 9 до 15 тис. га", "rose from 9 to 15 million": not a range, but
 * the first number shares the second's scale when it has none of its own (9,000 hectares, 9 million), and
 * the second's unit when it has none: "von 800'000 auf 1,2 Millionen Franken" (CHF), "скоротився з 38 до 21
 * години" (hours), "von zwölf auf sechzehn tägliche Verbindungen" (Verbindungen).
 */
function changeFrom(scan: Scan, read: ReadFigure, a: Draft): Draft | undefined {
  const { tokens, lex } = scan
  if ((a.kind !== 'digits' && a.kind !== 'words') || a.measure !== undefined || a.max !== undefined)
    return undefined
  if (!isWord(tokens[a.first - 1], ...lex.range.from) || !isWord(tokens[a.last + 1], ...lex.range.to))
    return undefined
  if (!changeBefore(scan, a.first - 1) && !changeInSentence(scan, a.first - 1)) return undefined
  const b = read(a.last + 2)
  if (b === undefined || b.kind === 'vague' || b.kind === 'ratio') return undefined
  let out = a
  if (a.kind === 'digits' && a.scale === undefined && b.scale !== undefined) {
    if (scaled(a, b.scale) > b.value) return undefined
    out = { ...a, value: scaled(a, b.scale), scale: b.scale }
  }
  if (b.measure !== undefined) return { ...out, measure: b.measure }
  const unit = countedHead(scan, b.last + 1)
  return unit === undefined ? (out === a ? undefined : out) : { ...out, unit }
}

function ratio(scan: Scan, a: Draft, read: ReadFigure): Draft | undefined {
  const { tokens } = scan
  if (a.measure !== undefined || a.scale !== undefined || !['digits', 'words'].includes(a.kind))
    return undefined
  const link = longestAt(tokens, a.last + 1, scan.lex.range.ratio, 'spaced')
  if (link === undefined || !Number.isInteger(a.value)) return undefined
  const b = read(link.last + 1)
  if (scan.lex.range.ratioOfDigits === false && a.kind === 'digits' && b?.kind === 'digits') return undefined
  // "uno de cada tres euros", "uno de cada cuatro litros": after "of every" a unit is what is counted
  const counted =
    b?.measure !== undefined && (/^[A-Z]{3}$/.test(b.measure) || RATIO_OF_EVERY.has(link.phrase))
  if (
    b === undefined ||
    b.first !== link.last + 1 ||
    (b.measure !== undefined && !counted) ||
    b.scale !== undefined
  )
    return undefined
  if (!Number.isInteger(b.value) || b.value <= a.value || b.kind === 'fraction' || b.kind === 'vague')
    return undefined
  // "14 prisons last year, against nine in 2023": a year after "in" counts nothing ("1 in 1500 patients" does)
  if (
    b.kind === 'digits' &&
    looksLikeYear(tokens[b.first], b.value) &&
    countedHead(scan, b.last + 1) === undefined
  )
    return undefined
  return { ...a, last: b.last, value: a.value / b.value, kind: 'ratio' }
}

function range(scan: Scan, read: ReadFigure, qualified: Draft): Draft | undefined {
  const { tokens, lex } = scan
  const words = lex.range
  // "від 3 до 5": a qualifier that is the range's own opener ("від" = from) opens the range instead
  const opens =
    qualified.qualifier !== undefined && [...words.between, ...words.from].includes(qualified.qualifier)
  const a = opens ? { ...qualified, first: qualified.first + 1, qualifier: undefined } : qualified
  const link = tokens[a.last + 1]
  const opener = tokens[a.first - 1]
  if (link === undefined || a.kind === 'fraction' || a.kind === 'vague' || a.kind === 'ratio')
    return undefined
  const between = isWord(opener, ...words.between) && a.qualifier === undefined
  const from =
    isWord(opener, ...words.from) &&
    a.qualifier === undefined &&
    !changeBefore(scan, a.first - 1) &&
    !changeInSentence(scan, a.first - 1)
  let ok = false
  let alike = false
  if (isSym(link, ...DASHES)) ok = link.text === '-' ? glued(link) && glued(tokens[a.last + 2]) : !between
  else if (isWord(link, ...words.and)) ok = between
  else if (isWord(link, ...words.to)) {
    ok = from || (!between && !isWord(opener, ...words.from, ...lex.changeWords))
    // after a change word, "A to B" is the change and the level it reached ("rose 8.4% to £10.35") unless
    // both amounts are written alike: "rise 7% to 9%", "reduce profit by 1.5 billion to 2 billion crowns"
    alike = !ok && !between && !isWord(opener, ...words.from)
    ok ||= alike
  } else if (isWord(link, ...words.or)) ok = a.measure === undefined && !between
  // "six or even 12 months", "six, voire douze mois", "seis o incluso doce", "sechs oder sogar zwölf",
  // "шість чи навіть дванадцять", "шесть или даже двенадцать"; "zwanzig, dreißig Interessenten"
  let at = a.last + 2
  if (ok && isWord(link, ...words.or) && EVEN[lex.code].some((w) => isWord(tokens[at], w))) at++
  if (!ok && a.measure === undefined && !between) {
    const even = isSym(link, ',') ? tokens[a.last + 2] : link
    if (OR_EVEN[lex.code].length > 0 && isWord(even, ...OR_EVEN[lex.code])) {
      ok = true
      at = tokens.indexOf(even) + 1
    } else if (
      isSym(link, ',') &&
      a.kind === 'words' &&
      isWord(tokens[at]) &&
      lex.isNumberWord(tokens[at].lower)
    ) {
      const b = read(at)
      // not a list: "two, three and four"
      const next = b === undefined ? undefined : tokens[b.last + 1]
      const list = isSym(next, ',') || isWord(next, ...words.and, ...words.or)
      ok = b?.kind === 'words' && b.value > a.value && b.value <= 2 * a.value && !list
    }
  }
  if (!ok || link.gap.includes('\n')) return undefined
  const b = read(at)
  if (b === undefined || b.qualifier !== undefined || b.kind === 'fraction' || b.kind === 'vague')
    return undefined
  if (b.kind === 'ratio') return undefined
  if (alike && !writtenAlike(a, b)) return undefined
  if (a.measure !== undefined && b.measure !== undefined && a.measure !== b.measure) return undefined
  // "raciones para 15 días a 52.000 personas": a unit written after the first number only is no range's
  // (a currency sign before it is: "$5 to 10 billion")
  if (a.measure !== undefined && b.measure === undefined && !/^[A-Z]{3}$/.test(a.measure)) return undefined
  let low = a.value
  // "3-5 million": the low end shares the high end's scale
  if (b.scale !== undefined && a.scale === undefined && scaled(a, b.scale) <= b.value)
    low = scaled(a, b.scale)
  if (!(b.value > low)) return undefined
  const first = between || (from && isWord(link, ...words.to)) ? a.first - 1 : a.first
  return {
    ...a,
    first,
    last: b.last,
    value: low,
    max: b.value,
    measure: b.measure ?? a.measure,
    scale: b.scale ?? a.scale,
  }
}

/** Two amounts written with the same unit or the same scale word, the second less than twice the first. */
function writtenAlike(a: Draft, b: Draft): boolean {
  const same =
    (a.measure !== undefined && a.measure === b.measure) || (a.scale !== undefined && a.scale === b.scale)
  return same && b.value > a.value && b.value < 2 * a.value
}
