// Runs everywhere: French numbers as written: digits grouped by spaces (1 234,5, with U+00A0 or U+202F),
// and number words ("vingt et un", "soixante-dix", "quatre-vingts", "deux millions et demi", "un tiers").
// Callers pass lower-case words, with glued hyphens as their own `-` items.
import type { NumberWords } from '../number-words'

/** 1 234 567,8 (plain, no-break or narrow no-break spaces), then plain 4,2 and 4. */
export const FRENCH_NUMBERS = ['\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+(?:,\\d+)?(?!\\d)', '\\d+(?:,\\d+)?']

/** `1 234,5` → `1234.5`. */
export const normalizeFrenchDigits = (text: string): string => text.replace(/\s/g, '').replace(',', '.')

const UNITS: Readonly<Record<string, number>> = {
  zéro: 0,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
}

const TENS: Readonly<Record<string, number>> = {
  vingt: 20,
  vingts: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  soixante: 60,
}

const SCALES: Readonly<Record<string, number>> = {
  mille: 1e3,
  mil: 1e3,
  million: 1e6,
  millions: 1e6,
  milliard: 1e9,
  milliards: 1e9,
  billion: 1e12,
  billions: 1e12,
}

/** "une vingtaine", "un millier": a round number, said as a noun. */
const ROUND: Readonly<Record<string, number>> = {
  dizaine: 10,
  douzaine: 12,
  quinzaine: 15,
  vingtaine: 20,
  trentaine: 30,
  quarantaine: 40,
  cinquantaine: 50,
  soixantaine: 60,
  centaine: 100,
  millier: 1000,
}

const DENOMINATORS: Readonly<Record<string, number>> = {
  demi: 2,
  demie: 2,
  tiers: 3,
  quart: 4,
  quarts: 4,
  cinquième: 5,
  cinquièmes: 5,
  sixième: 6,
  sixièmes: 6,
  huitième: 8,
  huitièmes: 8,
  dixième: 10,
  dixièmes: 10,
}

/** "d'un", "d’une": the elided "de" before "un" ("près d'un quart", "plus d'un million"). */
const ONE_ELIDED = /^d['’]une?$/

export const isFrenchNumberWord = (word: string): boolean =>
  (word in UNITS && word !== 'un' && word !== 'une') ||
  word in TENS ||
  word in SCALES ||
  word === 'cent' ||
  word === 'cents'

const isOne = (word: string): boolean => word === 'un' || word === 'une' || ONE_ELIDED.test(word)

/** "un"/"une" is the article unless a scale, a round noun or a fraction follows ("un million", "un tiers"). */
/** "le quart de", "le tiers des", "le double", "du triple": a share or a multiple named with its article. */
const ARTICLE_SHARES: Readonly<Record<string, number>> = {
  quart: 1 / 4,
  tiers: 1 / 3,
  double: 2,
  triple: 3,
  quadruple: 4,
}
const SHARE_ARTICLES = new Set(['le', 'du', 'au'])

function startsNumber(words: readonly string[]): boolean {
  const [word, next] = words
  if (word === 'moitié') return true
  if (SHARE_ARTICLES.has(word)) return next !== undefined && next in ARTICLE_SHARES
  if (isOne(word))
    return next !== undefined && (next in SCALES || next in ROUND || next in DENOMINATORS || next === 'sur')
  return (word in UNITS && word !== 'zéro') || word in TENS || word === 'cent' || word === 'mille'
}

/**
 * Reads the longest French number at the start of `words`; `used` counts the items consumed. With
 * `fractions: false`, denominators end the number instead.
 */
export function parseFrenchNumberWords(words: readonly string[], fractions = true): NumberWords | undefined {
  if (words.length === 0 || !startsNumber(words)) return undefined
  if (words[0] === 'moitié') return fractions ? { value: 0.5, used: 1, fraction: true } : undefined
  // "presque le quart de son domaine" (not "le quart sud-est", which is no number: the caller checks what follows)
  if (SHARE_ARTICLES.has(words[0]))
    return fractions ? { value: ARTICLE_SHARES[words[1]], used: 2, fraction: true } : undefined
  // "une cinquième séance" is an ordinal after the article, not a count of one
  if (!fractions && isOne(words[0]) && words[1] in DENOMINATORS) return undefined
  if (isOne(words[0]) && words[1] === 'sur') return { value: 1, used: 1, fraction: false }
  let total = 0
  let current = 0
  let lastScale = Infinity
  let last: 'none' | 'unit' | 'tens' | 'hundred' | 'scale' | 'and' | 'dash' = 'none'
  let lastValue = 0
  let used = 0
  for (; used < words.length; used++) {
    const word = isOne(words[used]) ? 'un' : words[used]
    const next = words[used + 1] ?? ''
    const before = last
    if (word === '-') {
      if (!(before === 'unit' || before === 'tens' || before === 'hundred')) break
      if (!(next in UNITS || next in TENS || next === 'cent' || next === 'cents' || next in DENOMINATORS))
        break
      last = 'dash'
      continue
    }
    const afterDash = before === 'dash'
    const prior = afterDash ? (words[used - 2] ?? '') : ''
    if (word in UNITS && !(isOne(words[used]) && used > 0 && before !== 'and' && before !== 'none')) {
      const value = UNITS[word]
      const tensBefore = lastValue === 20 || lastValue >= 30 || lastValue === 80
      if (before === 'none' || before === 'hundred' || before === 'scale' || before === 'and') {
        if (before === 'and' && value !== 1 && value !== 11) break
        current += value
      } else if (afterDash && (lastValue === 10 || tensBefore) && value < 10) current += value
      else if (afterDash && (lastValue === 60 || lastValue === 80) && value >= 10) current += value
      else break
      last = 'unit'
      lastValue = value
    } else if (word in TENS) {
      if (afterDash && prior === 'quatre' && word.startsWith('vingt') && lastValue === 4) {
        current += 76 // quatre-vingt(s): the four already counted becomes eighty
        lastValue = 80
      } else if (before === 'none' || before === 'hundred' || before === 'scale') {
        current += TENS[word]
        lastValue = TENS[word]
      } else break
      last = 'tens'
    } else if (word === 'cent' || word === 'cents') {
      if (current % 1000 >= 100) break
      current = (current || 1) * 100
      last = 'hundred'
      lastValue = 100
    } else if (word in SCALES && SCALES[word] < lastScale && before !== 'and') {
      total += (current || 1) * SCALES[word]
      current = 0
      lastScale = SCALES[word]
      last = 'scale'
      lastValue = 0
    } else if (word in ROUND && used === 1 && isOne(words[0])) {
      return { value: ROUND[word], used: 2, fraction: false }
    } else if (word === 'et' && (next === 'demi' || next === 'demie') && before !== 'none') {
      // "deux millions et demi", "trois et demi"
      if (before === 'scale') total += lastScale / 2
      else current += 0.5
      used += 2
      break
    } else if (
      word === 'et' &&
      (before === 'tens' || before === 'unit') &&
      (next === 'un' || next === 'une' || next === 'onze')
    ) {
      last = 'and'
    } else if (word in DENOMINATORS && fractions && total === 0 && (before === 'unit' || afterDash)) {
      if (word.startsWith('demi') && current !== 1) break
      return { value: current / DENOMINATORS[word], used: used + 1, fraction: true }
    } else break
  }
  if (last === 'none' || last === 'and' || last === 'dash') {
    if (last === 'dash') used--
    else return undefined
  }
  if (total + current === 0 && !(words[0] === 'zéro')) return undefined
  return { value: total + current, used, fraction: false }
}
