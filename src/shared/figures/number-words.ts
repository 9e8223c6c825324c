// Runs everywhere: reads English number words ("five hundred", "twenty-three", "two and a half million",
// "a dozen", "two-thirds"). Callers pass lower-case words with hyphens already dropped.

const SMALL: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
}

const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
}

const SCALES: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 }

const DENOMINATORS: Readonly<Record<string, number>> = {
  half: 2,
  halves: 2,
  third: 3,
  thirds: 3,
  quarter: 4,
  quarters: 4,
  fifth: 5,
  fifths: 5,
  sixth: 6,
  sixths: 6,
  eighth: 8,
  eighths: 8,
  tenth: 10,
  tenths: 10,
}

/** `measure`: the unit written into the word itself ("dreistündigen" → hours, "трирічного" → years). */
export type NumberWords = { value: number; used: number; fraction: boolean; measure?: string }

export const isNumberWord = (word: string): boolean =>
  word in SMALL || word in TENS || word in SCALES || word === 'hundred' || word === 'dozen'

const startsNumber = (word: string, next: string | undefined): boolean =>
  word in SMALL ||
  word in TENS ||
  (word === 'a' &&
    next !== undefined &&
    (next in SCALES || next === 'hundred' || next === 'dozen' || next in DENOMINATORS || next === 'score'))

/**
 * Reads the longest number at the start of `words` (lower-case words and `-` tokens); `used` counts the
 * items consumed. A leading `a` only counts before hundred/thousand/…/dozen or a fraction ("a quarter").
 * With `fractions: false`, denominators end the number instead ("three quarter-point cuts").
 */
export function parseNumberWords(words: readonly string[], fractions = true): NumberWords | undefined {
  if (
    words[0] === 'half' &&
    words[1] === 'a' &&
    (words[2] in SCALES || words[2] === 'dozen' || words[2] === 'hundred')
  ) {
    const whole = parseNumberWords(words.slice(1), fractions)
    return whole && !whole.fraction
      ? { value: whole.value / 2, used: whole.used + 1, fraction: false }
      : undefined
  }
  if (words.length === 0 || !startsNumber(words[0], words[1])) return undefined
  let total = 0
  let current = 0
  let used = 0
  let last: 'none' | 'a' | 'small' | 'tens' | 'hundred' | 'scale' | 'and' = 'none'
  let lastScale = Infinity
  const after = (...states: (typeof last)[]): boolean => states.includes(last)
  for (; used < words.length; used++) {
    const word = words[used]
    const next = words[used + 1] ?? ''
    if (used === 0 && word === 'a') {
      last = 'a'
    } else if (word === '-') {
      const joinsTens = last === 'tens' && SMALL[next] > 0 && SMALL[next] < 10
      if (!joinsTens && !(fractions && last === 'small' && next in DENOMINATORS)) break
    } else if (
      word in SMALL &&
      (after('none', 'hundred', 'scale', 'and') || (last === 'tens' && SMALL[word] < 10))
    ) {
      current += SMALL[word]
      last = 'small'
    } else if (word in TENS && after('none', 'hundred', 'scale', 'and')) {
      current += TENS[word]
      last = 'tens'
    } else if (word === 'hundred' && after('a', 'small', 'tens') && current < 100) {
      current = (current || 1) * 100
      last = 'hundred'
    } else if (
      word === 'score' &&
      after('a') &&
      next === 'of' &&
      !/^(?:\d|$)/.test(words[used + 2] ?? '') &&
      !isNumberWord(words[used + 2] ?? '')
    ) {
      // "a score of protesters" (twenty, "of" read with it), not "a score of 7" nor "the score"
      current = 20
      last = 'small'
      used++
    } else if (word === 'dozen' && after('a', 'small')) {
      current = (current || 1) * 12
      last = 'small'
    } else if (word in SCALES && SCALES[word] < lastScale && after('a', 'small', 'tens', 'hundred')) {
      total += (current || 1) * SCALES[word]
      current = 0
      lastScale = SCALES[word]
      last = 'scale'
    } else if (word === 'and' && last === 'small' && words[used + 1] === 'a' && words[used + 2] === 'half') {
      current += 0.5
      used += 2
    } else if (word === 'and' && after('hundred', 'scale') && (next in SMALL || next in TENS)) {
      last = 'and'
    } else if (word in DENOMINATORS && fractions && (last === 'a' || (last === 'small' && total === 0))) {
      const numerator = last === 'a' ? 1 : current
      if (word.startsWith('half') && numerator !== 1) break
      return { value: numerator / DENOMINATORS[word], used: used + 1, fraction: true }
    } else break
  }
  if (after('none', 'a', 'and')) return undefined
  return { value: total + current, used, fraction: false }
}
