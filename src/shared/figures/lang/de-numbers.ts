// Runs everywhere: reads German number words, written as one word the way German writes them
// ("dreiundzwanzig", "zweihundertfünfzig"), with scales ("zwei Millionen"), "anderthalb" and fractions
// ("ein Drittel", "die Hälfte"). Callers pass lower-case words with hyphens as separate `-` items.
import type { NumberWords } from '../number-words'

const UNITS: Readonly<Record<string, number>> = {
  null: 0,
  eins: 1,
  ein: 1,
  eine: 1,
  zwei: 2,
  zwo: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
  elf: 11,
  zwölf: 12,
  dreizehn: 13,
  vierzehn: 14,
  fünfzehn: 15,
  sechzehn: 16,
  siebzehn: 17,
  achtzehn: 18,
  neunzehn: 19,
}

const TENS: Readonly<Record<string, number>> = {
  zwanzig: 20,
  dreißig: 30,
  dreissig: 30,
  vierzig: 40,
  fünfzig: 50,
  sechzig: 60,
  siebzig: 70,
  achtzig: 80,
  neunzig: 90,
}

/** Genitive forms used in running text: "Mutter zweier Kinder". */
const INFLECTED: Readonly<Record<string, number>> = { zweier: 2, dreier: 3, zweien: 2, dreien: 3 }

const SCALES: Readonly<Record<string, number>> = {
  million: 1e6,
  millionen: 1e6,
  milliarde: 1e9,
  milliarden: 1e9,
  billion: 1e12,
  billionen: 1e12,
}

const HALVES: Readonly<Record<string, number>> = {
  anderthalb: 1.5,
  eineinhalb: 1.5,
  zweieinhalb: 2.5,
  dreieinhalb: 3.5,
  viereinhalb: 4.5,
  fünfeinhalb: 5.5,
}

const DENOMINATORS: Readonly<Record<string, number>> = {
  drittel: 3,
  viertel: 4,
  fünftel: 5,
  sechstel: 6,
  siebtel: 7,
  achtel: 8,
  zehntel: 10,
  // the dative plural: "zu zwei Dritteln"
  dritteln: 3,
  vierteln: 4,
  fünfteln: 5,
  sechsteln: 6,
  siebteln: 7,
  achteln: 8,
  zehnteln: 10,
}

/** "jeder vierte", "jede fünfte": the ordinal's stem, read as the number it counts in. */
const EVERY = new Set(['jeder', 'jede', 'jedes', 'jeden', 'jedem'])
const ORDINAL_SHARES: Readonly<Record<string, number>> = {
  zweit: 2,
  dritt: 3,
  viert: 4,
  fünft: 5,
  sechst: 6,
  siebt: 7,
  siebent: 7,
  acht: 8,
  neunt: 9,
  zehnt: 10,
  zwanzigst: 20,
  hundertst: 100,
}

/** Adjectives of length built on a number word: "dreistündigen", "zweitägiger", "zehnminütige". */
const LASTING = /^(\p{L}+?)(stündig|tägig|minütig|wöchig)(?:e[nrsm]?)?$/u
const LASTING_UNITS: Readonly<Record<string, string>> = {
  stündig: 'hours',
  tägig: 'days',
  minütig: 'minutes',
  wöchig: 'weeks',
}

/** The articles an indefinite "ein" takes; alone they are no number. */
const ARTICLES = new Set(['ein', 'eine', 'einen', 'einem', 'einer', 'eines'])

function below100(word: string): number | undefined {
  if (word in UNITS && word !== 'ein' && word !== 'eine') return UNITS[word]
  if (word in TENS) return TENS[word]
  const m = /^(ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und(\p{L}+)$/u.exec(word)
  if (m && m[2] in TENS) return (m[1] === 'ein' ? 1 : UNITS[m[1]]) + TENS[m[2]]
  return undefined
}

function below1000(word: string): number | undefined {
  const at = word.indexOf('hundert')
  if (at < 0) return below100(word)
  const head = word.slice(0, at)
  const rest = word.slice(at + 'hundert'.length).replace(/^und/, '')
  const count = head === '' || head === 'ein' ? 1 : below100(head)
  const tail = rest === '' ? 0 : below100(rest)
  if (count === undefined || count > 9 || tail === undefined) return undefined
  return count * 100 + tail
}

/** The value of one German number word ("dreiundzwanzig", "zweitausendfünfhundert"), or undefined. */
export function wordValue(word: string): number | undefined {
  if (word in INFLECTED) return INFLECTED[word]
  const at = word.indexOf('tausend')
  if (at < 0) return below1000(word)
  const head = word.slice(0, at)
  const rest = word.slice(at + 'tausend'.length).replace(/^und/, '')
  const count = head === '' || head === 'ein' ? 1 : below1000(head)
  const tail = rest === '' ? 0 : below1000(rest)
  return count === undefined || tail === undefined ? undefined : count * 1000 + tail
}

export const isGermanNumberWord = (word: string): boolean =>
  ARTICLES.has(word) ||
  word in SCALES ||
  word in HALVES ||
  word === 'dutzend' ||
  wordValue(word) !== undefined

/**
 * The longest number at the start of `words`: "zwei Millionen", "eine halbe Million", "ein Dutzend",
 * "anderthalb Milliarden", "zwei Drittel", "die Hälfte". A lone article ("ein", "eine") is no number.
 */
export function parseGermanNumberWords(words: readonly string[], fractions = true): NumberWords | undefined {
  const [first, second, third] = words
  if (first === undefined) return undefined
  // "jeder vierte Euro" (one in four)
  if (EVERY.has(first)) {
    const share = ORDINAL_SHARES[(second ?? '').replace(/e[nrsm]?$/, '')]
    return share === undefined ? undefined : { value: 1 / share, used: 2, fraction: false }
  }
  // "eine mehr als dreistündige Debatte", "der zweitägige Streik": a length written into an adjective
  const lasting = LASTING.exec(first)
  if (lasting) {
    const value = HALVES[lasting[1]] ?? wordValue(lasting[1])
    return value === undefined
      ? undefined
      : { value, used: 1, fraction: false, measure: LASTING_UNITS[lasting[2]] }
  }
  if (fractions && (first === 'die' || first === 'der') && second === 'hälfte')
    return { value: 0.5, used: 2, fraction: true }
  let value: number | undefined
  const used = 1
  if (ARTICLES.has(first)) {
    if (second === 'halbe' && third !== undefined && third in SCALES)
      return { value: SCALES[third] / 2, used: 3, fraction: false }
    if (second === undefined || !(second in SCALES || second === 'dutzend' || second in DENOMINATORS))
      return undefined
    value = 1
  } else value = HALVES[first] ?? wordValue(first)
  if (value === undefined) return undefined
  const next = words[used]
  if (next === 'dutzend') return { value: value * 12, used: used + 1, fraction: false }
  if (next !== undefined && next in DENOMINATORS) {
    if (!fractions || !Number.isInteger(value) || value >= DENOMINATORS[next]) {
      return ARTICLES.has(first) ? undefined : { value, used, fraction: false }
    }
    return { value: value / DENOMINATORS[next], used: used + 1, fraction: true }
  }
  if (next !== undefined && next in SCALES)
    return { value: value * SCALES[next], used: used + 1, fraction: false }
  return { value, used, fraction: false }
}
