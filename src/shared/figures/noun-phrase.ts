// Runs everywhere: the counted noun phrase after a figure ("500 missile and drone strikes" →
// "missile and drone strikes"): at most five words, ending at prepositions, verbs, punctuation and clauses.
import { KINDS } from './lang/kinds'
import type { Lexicon } from './lang/types'
import { glued, isSym, isWord, spaced } from './tokenize'
import type { Scan, Token } from './types'
import { LY_NOUNS } from './word-classes'

const MAX_WORDS = 5
const SKIPPED_FIRST = ['more', 'additional', 'extra', 'further']
const ING_NOUNS = new Set([
  'building',
  'meeting',
  'evening',
  'morning',
  'shelling',
  'bombing',
  'training',
  'housing',
])

/** A word, with any glued hyphenated parts: `Shahed-type`, `low-floor`, `IRIS-T`. Returns its last index. */
function wordEnd(tokens: Token[], at: number): number {
  let end = at
  while (
    isSym(tokens[end + 1], '-') &&
    glued(tokens[end + 1]) &&
    glued(tokens[end + 2]) &&
    tokens[end + 2].kind !== 'sym'
  )
    end += 2
  return end
}

const isAdverb = (lex: Lexicon, word: Token): boolean =>
  lex.code === 'en' &&
  word.text === word.lower &&
  word.lower.length > 4 &&
  word.lower.endsWith('ly') &&
  !LY_NOUNS.has(word.lower)

// A vague quantity starts a figure of its own: "480 drones and dozens of missiles" counts drones only.
const ends = (lex: Lexicon, word: Token): boolean =>
  lex.stopWords.has(word.lower) ||
  lex.commonVerbs.has(word.lower) ||
  lex.isNumberWord(word.lower) ||
  word.lower in lex.vague ||
  KINDS[lex.code].minus.includes(word.lower) ||
  isAdverb(lex, word)

const participle = (lex: Lexicon, text: string, suffix: 'ed' | 'ing'): boolean =>
  lex.code === 'en' && text.endsWith(suffix) && text.length > suffix.length + 2 && !ING_NOUNS.has(text)

/** The noun phrase starting at token `from` (skipping `of` when `afterOf`), or undefined. */
export function countedNoun(scan: Scan, from: number, afterOf = false): string | undefined {
  const { text, tokens, lex } = scan
  let at = from
  while (isSym(tokens[at], '"', '”', '’')) at++
  // a language without a word for "of" puts the counted noun straight after: "десятки вікон"
  if (afterOf && lex.of.length > 0) {
    if (!isWord(tokens[at], ...lex.of)) return undefined
    at++
    if (isWord(tokens[at], 'the')) at++
  }
  if (isWord(tokens[at], ...(lex.nouns?.skippedFirst ?? SKIPPED_FIRST))) at++
  const words: { start: number; end: number; lower: string }[] = []
  let usedAnd = false
  while (words.length < (lex.nouns?.maxWords ?? MAX_WORDS) && spaced(tokens[at])) {
    const token = tokens[at]
    const capitalisedBefore = words.length > 0 && /^\p{Lu}/u.test(text.slice(words[words.length - 1].start))
    if (token.kind === 'num' && capitalisedBefore && isWord(tokens[at + 1])) {
      words.push({ start: token.start, end: token.end, lower: token.lower }) // "Leopard 1 tanks"
      at++
      continue
    }
    if (token.kind !== 'word') break
    // German: "3.200 Arbeitsplätze abbauen": a lower-case word after a noun ends the phrase
    if (
      lex.nouns?.capitalised &&
      capitalisedBefore &&
      token.text === token.lower &&
      !lex.range.and.includes(token.lower)
    )
      break
    if (lex.range.and.includes(token.lower) && !usedAnd && words.length > 0) {
      const next = tokens[at + 1]
      if (next === undefined || next.kind !== 'word' || !spaced(next) || ends(lex, next)) break
      usedAnd = true
    } else if (
      ends(lex, token) ||
      (words.length > 0 && (participle(lex, token.lower, 'ing') || KINDS[lex.code].verbs?.test(token.lower)))
    )
      break
    const end = wordEnd(tokens, at)
    words.push({ start: token.start, end: tokens[end].end, lower: token.lower })
    at = end + 1
    if (words.length === 1 && token.lower === 'times') break // "35 times expected earnings"
  }
  while (words.length > 0) {
    const lastWord = words[words.length - 1].lower
    // German: "187 Millionen verbauen": the phrase ends with its (capitalised) noun
    if (scan.lex.nouns?.capitalised && !/^\p{Lu}/u.test(text.slice(words[words.length - 1].start))) {
      words.pop()
      continue
    }
    if (
      !scan.lex.range.and.includes(lastWord) &&
      !participle(lex, lastWord, 'ed') &&
      !participle(lex, lastWord, 'ing')
    )
      break
    words.pop()
  }
  if (words.length === 0) return undefined
  return text.slice(words[0].start, words[words.length - 1].end)
}
