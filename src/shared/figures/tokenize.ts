// Runs everywhere: splits text into numbers, words and single symbols, keeping offsets.
import type { Span, Token, TokenKind } from './types'

// Numbers as the language groups them (18,000 / 18.000 / 18 000), else plain (4.2, 4,2); words with
// apostrophes (Kyiv's, п'ять); any other non-space character is a token of its own (-, %, $, °, /).
const patterns = new Map<readonly string[], RegExp>()
/** English: 18,000.5, 12 000 000, 4.2 (the default, and how table phrases are read). */
export const ENGLISH_NUMBERS = [
  '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?(?!\\d)',
  '\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+(?:\\.\\d+)?(?!\\d)',
  '\\d+(?:\\.\\d+)?',
]

function tokenPattern(numbers: readonly string[]): RegExp {
  let pattern = patterns.get(numbers)
  if (pattern === undefined) {
    const grouped = numbers.map((n) => `(?:${n})`).join('|')
    pattern = new RegExp(`(${grouped})|(\\p{L}+(?:['’]\\p{L}+)*)|(\\S)`, 'gu')
    patterns.set(numbers, pattern)
  }
  return pattern
}

/** Tokens of `text`; `numbers` are the language's number patterns, tried in order (Lexicon.numberPatterns). */
export function tokenize(text: string, numbers: readonly string[] = ENGLISH_NUMBERS): Token[] {
  const tokens: Token[] = []
  let previousEnd = 0
  for (const match of text.matchAll(tokenPattern(numbers))) {
    const start = match.index
    const kind: TokenKind = match[2] !== undefined ? 'word' : match[3] !== undefined ? 'sym' : 'num'
    const end = start + match[0].length
    tokens.push({
      text: match[0],
      lower: match[0].toLowerCase(),
      start,
      end,
      kind,
      gap: text.slice(previousEnd, start),
    })
    previousEnd = end
  }
  return tokens
}

/** Space-grouped numbers that run into an excluded span (`December 29 100 people`) are split back apart. */
export function splitAtExclusions(tokens: Token[], excluded: Span[]): Token[] {
  const out: Token[] = []
  for (const token of tokens) {
    const grouped = token.kind === 'num' && /\s/.test(token.text)
    if (!grouped || !excluded.some((s) => s.start < token.end && token.start < s.end)) {
      out.push(token)
      continue
    }
    let offset = 0
    for (const [index, part] of token.text.split(/(\s)/).entries()) {
      if (index % 2 === 0) {
        const start = token.start + offset
        const gap = index === 0 ? token.gap : token.text.slice(offset - 1, offset)
        out.push({ text: part, lower: part, start, end: start + part.length, kind: 'num', gap })
      }
      offset += part.length
    }
  }
  return out
}

export const isWord = (token: Token | undefined, ...words: string[]): boolean =>
  token !== undefined && token.kind === 'word' && (words.length === 0 || words.includes(token.lower))

export const isSym = (token: Token | undefined, ...symbols: string[]): boolean =>
  token !== undefined && token.kind === 'sym' && (symbols.length === 0 || symbols.includes(token.text))

/** Joined to the previous token by plain spaces on one line (no punctuation, no paragraph break). */
export const spaced = (token: Token | undefined): boolean =>
  token !== undefined && token.gap.length > 0 && !token.gap.includes('\n')

export const glued = (token: Token | undefined): boolean => token !== undefined && token.gap === ''

/** A number a year could be (1800–2100). */
export const inYearRange = (n: number | undefined): boolean =>
  n !== undefined && Number.isInteger(n) && n >= 1800 && n <= 2100

/** Four digits a year could be: "2023" (not "2,023", nor 5000). */
export const looksLikeYear = (token: Token | undefined, value: number): boolean =>
  token !== undefined && /^\d{4}$/.test(token.text) && inYearRange(value)

/** True when the token begins a sentence (or a line, such as a title). */
export function startsSentence(tokens: Token[], index: number): boolean {
  let i = index - 1
  // (an opening quote or bracket, a Spanish opening mark: «Fabricamos 21 millones…», ¿Cuántos…)
  while (i >= 0 && isSym(tokens[i], '"', '“', '‘', "'", '(', '«', '„', '‹', '¿', '¡')) i--
  const before = tokens[i]
  if (before === undefined || tokens[i + 1].gap.includes('\n')) return true
  return isSym(before, '.', '!', '?', ':', ';')
}
