// Runs everywhere: multipliers (conventions §16). A word or a number that states a ratio is a figure with that
// value and no unit — "twice as many", "three times the limit", "2.5 times", "вдвое", "втричі", "в 2 раза",
// "el triple", "le double", "deux fois plus", "doppelt so viele", "das Dreifache", "dreimal so hoch". A verb
// alone ("doubled", "удвоилось", "se duplicó") is no figure, and neither is a count of occasions ("scored
// twice", "three times a week", "zweimal im Monat", "два раза в неделю"), which keeps its noun.
import type { LanguageCode } from './lang/types'
import { glued, isSym, isWord } from './tokenize'
import type { Draft, Scan } from './types'

type Forms = {
  /** A word that is a multiplier by itself: "вдвое", "втричі", "threefold". */
  words: Readonly<Record<string, number>>
  /** A word that is a multiplier only before one of `then`: "twice as", "doppelt so", "dreimal höher". */
  before?: { words: Readonly<Record<string, number>>; then: ReadonlySet<string> }
  /** A multiplier noun after its article: "das Dreifache", "the double" is not written (French and Spanish read theirs). */
  article?: { articles: ReadonlySet<string>; words: Readonly<Record<string, number>> }
  /** The word for "times" after a number. */
  times: ReadonlySet<string>
  /** Words after `times` that make it a ratio: "three times more", "deux fois plus". */
  ratioAfter?: ReadonlySet<string>
  /** Words before the number that make `times` a ratio: "в 2 раза", "у три рази". */
  ratioBefore?: ReadonlySet<string>
  /** Glued after a number and a hyphen: "2,5-fache", "3-fold". */
  glued?: ReadonlySet<string>
}

const set = (words: string): ReadonlySet<string> => new Set(words.split(' '))

/** What a ratio compares: the words after "twice", "three times" (not "twice a year", "three times in a row"). */
const EN_RATIO = set(
  'as the that what its their his her our my your more less fewer higher lower bigger larger greater smaller ' +
    'faster slower longer shorter cheaper dearer over above below expected normal usual',
)

const FORMS: Readonly<Record<LanguageCode, Forms>> = {
  en: {
    words: { twofold: 2, threefold: 3, fourfold: 4, fivefold: 5, sixfold: 6, tenfold: 10, hundredfold: 100 },
    before: { words: { twice: 2, thrice: 3, double: 2, triple: 3, quadruple: 4 }, then: EN_RATIO },
    times: set('times'),
    ratioAfter: EN_RATIO,
    glued: set('fold'),
  },
  fr: {
    words: {},
    times: set('fois'),
    ratioAfter: set(
      'plus moins supérieur supérieure supérieurs supérieures inférieur inférieure inférieurs inférieures ' +
        "autant mieux davantage le la les l’ l' sa son ses leur leurs",
    ),
  },
  es: {
    words: {},
    times: set('veces'),
    ratioAfter: set(
      'más menos mayor mayores menor menores superior superiores inferior inferiores el la lo los las su sus',
    ),
  },
  de: {
    words: {},
    before: {
      words: {
        doppelt: 2,
        zweimal: 2,
        dreimal: 3,
        viermal: 4,
        fünfmal: 5,
        sechsmal: 6,
        zehnmal: 10,
        hundertmal: 100,
      },
      then: set('so mehr weniger höher größer teurer schneller länger häufiger öfter'),
    },
    article: {
      articles: set('das dem des'),
      words: {
        doppelte: 2,
        doppelten: 2,
        dreifache: 3,
        dreifachen: 3,
        vierfache: 4,
        vierfachen: 4,
        fünffache: 5,
        fünffachen: 5,
        zehnfache: 10,
        zehnfachen: 10,
      },
    },
    times: set('mal'),
    ratioAfter: set('so mehr weniger höher größer teurer schneller länger häufiger öfter'),
    glued: set('fache fachen mal'),
  },
  uk: {
    words: {
      вдвічі: 2,
      удвічі: 2,
      втричі: 3,
      утричі: 3,
      вчетверо: 4,
      учетверо: 4,
      "вп'ятеро": 5,
      "уп'ятеро": 5,
      'вп’ятеро': 5,
      'уп’ятеро': 5,
      вшестеро: 6,
      ушестеро: 6,
      вдесятеро: 10,
      удесятеро: 10,
    },
    times: set('рази раза разів раз'),
    ratioBefore: set('в у'),
  },
  ru: {
    words: {
      вдвое: 2,
      втрое: 3,
      вчетверо: 4,
      впятеро: 5,
      вшестеро: 6,
      всемеро: 7,
      ввосьмеро: 8,
      вдевятеро: 9,
      вдесятеро: 10,
    },
    times: set('раза раз'),
    ratioBefore: set('в во'),
  },
}

/** A multiplier written as one word (or an article and its noun) at token `i`, read as its factor. */
export function readMultiplier(scan: Scan, i: number): Draft | undefined {
  const { tokens } = scan
  const forms = FORMS[scan.lex.code]
  const token = tokens[i]
  if (!isWord(token)) return undefined
  if (token.lower in forms.words) return { first: i, last: i, value: forms.words[token.lower], kind: 'ratio' }
  const before = forms.before
  if (before !== undefined && token.lower in before.words) {
    const next = tokens[i + 1]
    if (isWord(next) && before.then.has(next.lower) && !next.gap.includes('\n'))
      return { first: i, last: i, value: before.words[token.lower], kind: 'ratio' }
  }
  const article = forms.article
  const noun = tokens[i + 1]
  if (article?.articles.has(token.lower) && isWord(noun) && noun.lower in article.words)
    return { first: i, last: i + 1, value: article.words[noun.lower], kind: 'ratio' }
  return undefined
}

/**
 * The multiplier word after a read number, when it states a ratio: "three times the limit", "deux fois plus",
 * "в 2,3 раза больше", "2,5-mal so hoch", "das 2,5-Fache"; its index, or undefined (a count of occasions keeps
 * its noun: "shared 12,000 times", "tres o cuatro veces al año").
 */
export function ratioWordAfter(scan: Scan, draft: Draft): number | undefined {
  const { tokens } = scan
  const forms = FORMS[scan.lex.code]
  let at = draft.last + 1
  const gluedHyphen = isSym(tokens[at], '-') && glued(tokens[at]) && glued(tokens[at + 1])
  if (gluedHyphen && forms.glued?.has(tokens[at + 1]?.lower)) return at + 1
  const word = tokens[at]
  if (!isWord(word) || !forms.times.has(word.lower) || word.gap.includes('\n')) return undefined
  at++
  const before = tokens[draft.first - 1]
  if (forms.ratioBefore !== undefined) return isWord(before, ...forms.ratioBefore) ? at - 1 : undefined
  const next = tokens[at]
  if (forms.ratioAfter !== undefined && isWord(next) && forms.ratioAfter.has(next.lower)) return at - 1
  return undefined
}
