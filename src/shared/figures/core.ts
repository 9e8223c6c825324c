// Runs everywhere: reads the bare number at a token: digits, number words, fractions or a vague quantity.
import { KINDS } from './lang/kinds'
import { readMultiplier } from './multipliers'
import type { LanguageCode, Lexicon } from './lang/types'
import { longestAt, longestBefore } from './phrase'
import { glued, isSym, isWord } from './tokenize'
import type { Draft, Scan, Token } from './types'

/** The number starting at token `i`, before any scale, unit or qualifier is attached. */
export function readCore(scan: Scan, i: number): Draft | undefined {
  const token = scan.tokens[i]
  if (scan.blocked[i]) return undefined
  if (token.kind === 'num') return readDigits(scan, i)
  if (token.kind === 'sym' && token.text in VULGAR_FRACTIONS)
    return { first: i, last: i, value: VULGAR_FRACTIONS[token.text], kind: 'fraction' }
  if (token.kind !== 'word') return undefined
  return (
    readMultiplier(scan, i) ??
    readVague(scan, i) ??
    readHalfScale(scan, i) ??
    readArticleOne(scan, i) ??
    readWords(scan, i) ??
    readHalf(scan.lex, scan.tokens, i)
  )
}

/**
 * The article before a unit of time, after a qualifier, is one of it: "more than a year", "over a month", "más
 * de un año", "mehr als ein Jahr" (not "a year ago" alone, which no qualifier opens).
 */
const ARTICLE_ONE: Readonly<
  Partial<Record<LanguageCode, { articles: string[]; units: RegExp; before: string[] }>>
> = {
  en: {
    articles: ['a', 'an'],
    units: /^(?:year|month|week|day|hour|decade|minute)$/,
    before: ['earlier', 'ago', 'before', 'later', 'previously', 'prior', 'back'],
  },
  es: {
    articles: ['un', 'una'],
    units: /^(?:año|mes|semana|día|hora|década|minuto)$/,
    before: ['antes', 'atrás', 'después'],
  },
  de: {
    articles: ['ein', 'eine', 'einem', 'einen', 'einer'],
    units: /^(?:jahr|monat|woche|tag|stunde|jahrzehnt|minute)$/,
    before: ['zuvor', 'früher', 'davor', 'vorher', 'später'],
  },
}

function readArticleOne(scan: Scan, i: number): Draft | undefined {
  const { tokens, lex } = scan
  const forms = ARTICLE_ONE[lex.code]
  if (forms === undefined || !isWord(tokens[i], ...forms.articles)) return undefined
  const unit = tokens[i + 1]
  if (unit === undefined || unit.kind !== 'word' || !forms.units.test(unit.lower)) return undefined
  // "14% more than a year earlier" compares with a moment, it is no length of time
  if (isWord(tokens[i + 2], ...forms.before)) return undefined
  if (longestBefore(tokens, i - 1, lex.qualifiers) === undefined) return undefined
  return { first: i, last: i, value: 1, kind: 'words' }
}

/** "half a billion", "un demi-milliard", "полмиллиарда", "пів мільярда", "пол-миллиона": half of a scale word. */
function readHalfScale(scan: Scan, i: number): Draft | undefined {
  const { tokens } = scan
  const { half } = KINDS[scan.lex.code]
  const token = tokens[i]
  let at: number | undefined
  const prefix = half.prefixes?.find((p) => token.lower.startsWith(p))
  if (prefix !== undefined) {
    const rest = token.lower.slice(prefix.length)
    if (rest in half.scales) return { first: i, last: i, value: half.scales[rest] / 2, kind: 'words' }
    if (rest === '' && isSym(tokens[i + 1], '-') && glued(tokens[i + 1])) at = i + 2
  }
  if (at === undefined) {
    const found = longestAt(tokens, i, half.words, 'any')
    if (found === undefined) return undefined
    at = found.last + 1
    if (isSym(tokens[at], '-') && glued(tokens[at])) at++ // "un demi-milliard"
  }
  const scale = tokens[at]
  if (!isWord(scale) || scale.gap.includes('\n') || !(scale.lower in half.scales)) return undefined
  return { first: i, last: at, value: half.scales[scale.lower] / 2, kind: 'words' }
}

/** "every" opening a share: "jeder fünfte", "каждый десятый", "кожен п'ятий", "uno de cada tres" is a ratio already. */
const EVERY =
  /^(?:jede[rsnm]?|каждая|каждый|каждое|каждого|каждую|кожен|кожний|кожна|кожне|кожного|кожну|every|chaque)$/

/** Unicode's vulgar fractions: `¾`, and `2 ½` or `2½` as a mixed number. */
const VULGAR_FRACTIONS: Readonly<Record<string, number>> = {
  '½': 1 / 2,
  '⅓': 1 / 3,
  '⅔': 2 / 3,
  '¼': 1 / 4,
  '¾': 3 / 4,
  '⅕': 1 / 5,
  '⅖': 2 / 5,
  '⅗': 3 / 5,
  '⅘': 4 / 5,
  '⅙': 1 / 6,
  '⅚': 5 / 6,
  '⅛': 1 / 8,
  '⅜': 3 / 8,
  '⅝': 5 / 8,
  '⅞': 7 / 8,
}

function readDigits(scan: Scan, i: number): Draft | undefined {
  const token = scan.tokens[i]
  // A leading zero marks a code or a phone number, not a quantity (0.5 is fine).
  if (/^0\d/.test(token.text)) return undefined
  const digits = scan.lex.normalizeDigits(token.text)
  const next = scan.tokens[i + 1]
  if (/^\d+$/.test(digits) && next?.text in VULGAR_FRACTIONS && /^ ?$/.test(next.gap)) {
    const value = Number(digits) + VULGAR_FRACTIONS[next.text]
    return { first: i, last: i + 1, value, kind: 'digits', digits: String(value) }
  }
  return { first: i, last: i, value: Number(digits), kind: 'digits', digits }
}

function readVague(scan: Scan, i: number): Draft | undefined {
  const { vague, of } = scan.lex
  const found = longestAt(scan.tokens, i, Object.keys(vague), 'any')
  if (found === undefined) return undefined
  const entry = vague[found.phrase]
  let after = found.last + 1
  while (isSym(scan.tokens[after], '"', '”', "'", '’')) after++
  if (entry.needsOf && !isWord(scan.tokens[after], ...of)) return undefined
  return { first: i, last: found.last, value: entry.value, kind: 'vague', measure: entry.unit }
}

/** A fraction must not be followed by a noun: "a third of", "a third fewer", but not "a third term". */
function endsFraction(lex: Lexicon, next: Token | undefined): boolean {
  if (next === undefined || (next.kind === 'sym' && next.text !== '-')) return true
  if (next.kind !== 'word') return false
  // German writes its fractions as nouns of their own ("ein Drittel", "zwei Fünftel"; the ordinal is "dritte"):
  // a lower-case word after one is no noun it qualifies — "um ein Drittel gestiegen", "gut ein Viertel länger"
  if (lex.nouns?.capitalised === true && /^\p{Ll}/u.test(next.text)) return true
  // an elided function word glued to the next: "la moitié d'entre elles", "un quart qu’il…"
  const elided = /^\p{L}{1,3}['’]/u.exec(next.lower)?.[0]
  return (
    lex.stopWords.has(next.lower) ||
    lex.comparatives.has(next.lower) ||
    (elided !== undefined && lex.stopWords.has(elided.replace('’', "'")))
  )
}

function readHalf(lex: Lexicon, tokens: Token[], i: number): Draft | undefined {
  if (lex.code !== 'en' || tokens[i].lower !== 'half') return undefined
  if (isWord(tokens[i - 1], 'the', 'first', 'second', 'last', 'other', 'a', 'an', 'and')) return undefined
  if (!endsFraction(lex, tokens[i + 1])) return undefined
  return { first: i, last: i, value: 0.5, kind: 'fraction' }
}

function readWords(scan: Scan, i: number): Draft | undefined {
  const items: string[] = []
  for (let k = i; k < scan.tokens.length && items.length < 12; k++) {
    const token = scan.tokens[k]
    if (scan.blocked[k] || (k > i && token.gap.includes('\n'))) break
    if (token.kind === 'word') items.push(token.lower)
    else if (isSym(token, '-') && glued(token) && glued(scan.tokens[k + 1])) items.push('-')
    else break
  }
  const { lex } = scan
  let parsed = lex.parseNumberWords(items)
  if (parsed === undefined) return undefined
  if (
    parsed.fraction &&
    (isSym(scan.tokens[i + parsed.used], '-') || !endsFraction(lex, scan.tokens[i + parsed.used]))
  ) {
    // "three quarter-point cuts" is three cuts; "a third term" is no number at all
    parsed = lex.parseNumberWords(items, false)
    if (parsed === undefined || isSym(scan.tokens[i + parsed.used], '-')) return undefined
  }
  const last = i + parsed.used - 1
  // "jeder fünfte", "каждый десятый": a share read from an ordinal is a ratio (no counted noun)
  const share =
    !parsed.fraction &&
    parsed.measure === undefined &&
    parsed.value > 0 &&
    parsed.value < 1 &&
    EVERY.test(scan.tokens[i].lower)
  const kind = parsed.fraction ? 'fraction' : share ? 'ratio' : 'words'
  const draft: Draft = { first: i, last, value: parsed.value, kind }
  return parsed.measure === undefined ? draft : { ...draft, measure: parsed.measure }
}
