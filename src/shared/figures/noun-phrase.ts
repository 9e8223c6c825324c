// Runs everywhere: the counted noun phrase after a figure ("500 missile and drone strikes" →
// "missile and drone strikes"): at most five words, ending at prepositions, verbs, punctuation and clauses;
// and its head noun as written, the figure's unit (conventions §13: "strikes", "домов", "Lehrkräfte").
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

/**
 * A word, with any glued hyphenated parts and glued digits: `Shahed-type`, `low-floor`, `IRIS-T`, `A320neo`,
 * `E12`. Returns its last index.
 */
function wordEnd(tokens: Token[], at: number): number {
  let end = at
  for (;;) {
    if (
      isSym(tokens[end + 1], '-') &&
      glued(tokens[end + 1]) &&
      glued(tokens[end + 2]) &&
      tokens[end + 2].kind !== 'sym'
    )
      end += 2
    else if (glued(tokens[end + 1]) && tokens[end + 1].kind !== 'sym') end += 1
    else return end
  }
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

type Word = { start: number; end: number; lower: string; text: string }

/** The noun phrase starting at token `from` (skipping `of` when `afterOf`), or undefined. */
export function countedNoun(scan: Scan, from: number, afterOf = false): string | undefined {
  const words = phraseWords(scan, from, afterOf)
  if (words.length === 0) return undefined
  return scan.text.slice(words[0].start, words[words.length - 1].end)
}

/**
 * The head noun of the counted phrase after a figure, as the text writes it (conventions §13): no adjectives,
 * complements or model names — `300 Leopard 1 tanks` → `tanks`, `12 частных домов` → `домов`, `2.400
 * zusätzliche Lehrkräfte` → `Lehrkräfte`, `4 missiles de croisière` → `missiles`; a bare model name (`40
 * A320neo`) has none. Two heads joined by "and" stay one unit (`missiles and drones`, `Starts und Landungen`).
 */
export function countedHead(scan: Scan, from: number, afterOf = false): string | undefined {
  const words = phraseWords(scan, from, afterOf)
  if (words.length === 0) return undefined
  const { lex, text } = scan
  // a new sentence after an abbreviation's full stop: "на образование — 92,5 млрд. Расходы на дороги"
  if (!lex.nouns?.capitalised && capitalised(words[0]) && /\.\s*$/.test(text.slice(0, words[0].start)))
    return undefined
  if (
    words.length === 3 &&
    lex.range.and.includes(words[1].lower) &&
    !isModel(words[0]) &&
    !isModel(words[2])
  )
    return text.slice(words[0].start, words[2].end)
  const and = words.findIndex((w) => lex.range.and.includes(w.lower))
  // English "missile and drone strikes" counts strikes; elsewhere the first of two nouns ("avions et supprime")
  const head = pickHead(lex, and > 0 && lex.code !== 'en' ? words.slice(0, and) : words)
  if (head === undefined || isModel(head)) return undefined
  // French "d'abonnés" after a scale word; "d'ici 2028", "d'entre eux" count nothing
  const elided = /^d['’]/.test(head.lower) ? head.text.slice(2) : head.text
  const lower = elided.toLowerCase()
  if (elided.length < 2 || lex.stopWords.has(lower) || NOT_NOUNS.has(lower) || notNoun(lex, lower))
    return undefined
  // a measure the phrase reading met after an adjective or "de": "drei bis vier magere Jahre", "millones de toneladas"
  return lex.measures[lower] ?? elided
}

/** Words that are never a counted noun though they may follow a number: "d'ici", "d'entre", "pese a". */
const NOT_NOUNS = new Set(['ici', 'entre', 'pese', 'проти', 'против'])

/**
 * A word that is a verb or an adverb by its ending where a number's noun was elided: "dont trois grièvement",
 * "de los que 7,1 millones proceden", "ще 20 прибудуть", "ще 35 локаційно втрачені".
 */
function notNoun(lex: Lexicon, lower: string): boolean {
  if (KINDS[lex.code].verbs?.test(lower)) return true
  switch (lex.code) {
    case 'fr':
      return /\p{L}{4,}ment$/u.test(lower)
    case 'es':
      return /\p{L}{4,}mente$/u.test(lower) || /\p{L}{4,}(?:an|en|aron|ieron)$/u.test(lower)
    case 'uk':
    case 'ru':
      return /\p{L}{4,}(?:[ьнк]о)$/u.test(lower)
    default:
      return false
  }
}

/** A model or a name with digits in it ("A320neo", "Kh-59", "2"), never a head noun. */
const isModel = (word: Word): boolean => /\d/.test(word.text)

const capitalised = (word: Word): boolean => /^\p{Lu}/u.test(word.text)

/** Words that stand before the noun in French and Spanish ("nouveaux postes", "otras tres"). */
const BEFORE_NOUN = new Set(
  (
    'nouveaux nouvelles nouveau nouvelle autres petits petites grands grandes jeunes premiers premières derniers ' +
    'dernières anciens anciennes vieux principaux principales seuls seules gros grosses hauts ' +
    'nuevos nuevas otros otras pequeños pequeñas primeros primeras últimos últimas antiguos antiguas viejos ' +
    'viejas buenos buenas malos malas posibles distintos distintas diferentes diversos diversas varios varias'
  ).split(' '),
)

/**
 * Ukrainian and Russian adjectives and participles by their ending, as they stand before a counted noun
 * ("ударні дрони", "крилатих ракет", "частных домов", "узкофюзеляжных лайнера", "жилых дома").
 */
const SLAVIC_ADJECTIVE = {
  uk: /\p{L}{3,}(?:их|ими|[нтвкшсц]і)$/u,
  ru: /\p{L}{3,}(?:ых|их|ыми|ими|ые|[кгхжшчщ]ие)$/u,
} as const

function pickHead(lex: Lexicon, words: Word[]): Word | undefined {
  const plain = words.filter((w) => !isModel(w))
  switch (lex.code) {
    case 'en': {
      // English nouns before the head are singular ("missile and drone strikes", "cruise missiles"), so the
      // head is the first plural common noun ("lawmakers present"), else the last word ("Airbus aircraft")
      const plural = plain.find(
        (w) => !capitalised(w) && /[^su]s$/.test(w.lower) && !/(?:as|is)$/.test(w.lower),
      )
      return plural ?? words[words.length - 1]
    }
    case 'de': {
      // every noun is capitalised, adjectives are not: the first capitalised word, past a model's maker
      // ("14 Leopard 2 Panzer"; not a dative plural before another count: "elf Verhandlungstagen 23 Zeugen")
      const at = words.findIndex(
        (w, i) => capitalised(w) && !isModel(w) && !(isModel(words[i + 1] ?? w) && !/n$/.test(w.lower)),
      )
      return at < 0 ? undefined : words[at]
    }
    case 'fr':
    case 'es': {
      // the noun comes first, its adjectives and complements after ("missiles balistiques Iskander-M")
      let at = 0
      while (at < words.length - 1 && BEFORE_NOUN.has(words[at].lower)) at++
      const head = words[at]
      // a name and no noun: "40 Airbus A320neo"
      return capitalised(head) && words.slice(at + 1).some(isModel) ? undefined : head
    }
    case 'uk':
    case 'ru': {
      const adjective = SLAVIC_ADJECTIVE[lex.code]
      let at = 0
      while (at < words.length - 1 && adjective.test(words[at].lower) && !capitalised(words[at + 1])) at++
      return words[at]
    }
  }
}

function phraseWords(scan: Scan, from: number, afterOf: boolean): Word[] {
  const { text, tokens, lex } = scan
  let at = from
  while (isSym(tokens[at], '"', '”', '’')) at++
  // a language without a word for "of" puts the counted noun straight after: "десятки вікон"
  if (afterOf && lex.of.length > 0) {
    // French writes "de" glued to the noun: "des milliers d'habitants"
    const glued = lex.code === 'fr' && tokens[at]?.kind === 'word' && /^d['’]\p{L}/u.test(tokens[at].lower)
    if (!glued && !isWord(tokens[at], ...lex.of)) return []
    if (!glued) at++
    if (isWord(tokens[at], 'the', 'their', 'its', 'his', 'her', 'our', 'these', 'those')) at++
  }
  if (isWord(tokens[at], ...(lex.nouns?.skippedFirst ?? SKIPPED_FIRST))) at++
  const words: Word[] = []
  let usedAnd = false
  while (words.length < (lex.nouns?.maxWords ?? MAX_WORDS) && spaced(tokens[at])) {
    const token = tokens[at]
    const capitalisedBefore = words.length > 0 && /^\p{Lu}/u.test(text.slice(words[words.length - 1].start))
    if (token.kind === 'num' && capitalisedBefore && isWord(tokens[at + 1])) {
      words.push({ start: token.start, end: token.end, lower: token.lower, text: token.text }) // "Leopard 1 tanks"
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
    words.push({
      start: token.start,
      end: tokens[end].end,
      lower: token.lower,
      text: text.slice(token.start, tokens[end].end),
    })
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
  return words
}
