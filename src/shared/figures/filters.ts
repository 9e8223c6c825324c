// Runs everywhere: decides whether a number read from the text is a figure, a year, a designation
// (F-16, Article 5, Windows 11, Air Force One) or a pronoun (`one of them`).
import { KINDS } from './lang/kinds'
import { countedNoun } from './noun-phrase'
import { glued, inYearRange, isSym, isWord, looksLikeYear, spaced, startsSentence } from './tokenize'
import type { Draft, Scan } from './types'
import { TIME_MEASURES } from './units'

/** `needs-company`: a lone `one` is kept only beside another figure or a casualty verb. */
export type Verdict = 'keep' | 'drop' | 'needs-company'

const ONE_DROPPED_AFTER = [
  'no',
  'the',
  'this',
  'that',
  'any',
  'every',
  'each',
  'which',
  'at',
  'in',
  'on',
  'from',
]
const ONE_KEPT_FOR_TIME_AFTER = [
  'at', // capped at one month
  'for',
  'in',
  'within',
  'over',
  'after',
  'than',
  'only',
  'just',
  'per',
  'about',
  // Ukrainian and Russian: "за одну добу", "на одну ніч", "лише одну годину", "за одни сутки"
  'за',
  'на',
  'протягом',
  'лише',
  'тільки',
  'лишь',
  'только',
]

/** The word for "of" before an article and a small number that gives a whole: "most of the nine", "von den sieben". */
const PARTITIVE: Readonly<Record<string, readonly string[]>> = { en: ['of'], de: ['von'], es: ['de'] }

/**
 * Demonstratives: a small number after one refers back even when it measures ("Pendant ces trois jours",
 * "over these four days", "в эти три дня"), where "the" does not ("the past four days" is a span).
 */
const DEMONSTRATIVES: Readonly<Record<string, readonly string[]>> = {
  en: ['these', 'those'],
  fr: ['ces'],
  es: ['estos', 'estas', 'esos', 'esas', 'aquellos', 'aquellas'],
  de: ['diese', 'diesen', 'dieser', 'diesem', 'jene', 'jenen'],
  uk: ['ці', 'цих', 'цим', 'цими', 'ті', 'тих'],
  ru: ['эти', 'этих', 'этим', 'этими', 'те', 'тех'],
}

/** Judges `figure`, grown from the bare number `core`. */
export function judge(scan: Scan, figure: Draft, core: Draft): Verdict {
  if (isYear(scan, figure, core) || isDesignation(scan, figure, core)) return 'drop'
  if (core.kind !== 'words' || figure.kind === 'ratio' || figure.max !== undefined) return 'keep'
  const { tokens, lex } = scan
  const word = tokens[core.first].lower
  const before = tokens[figure.first - 1]
  if (lex.one.includes(word) && core.last === core.first) return judgeOne(scan, figure)
  const small = core.value >= 2 && core.value <= 10
  // "the two attacks" refers back; "der zweitägige Streik" (a length read from an adjective) does not
  // (not after a partitive: "most of the nine brigades", "von den sieben Werken … sollen zwei" give the total)
  // (a lower-case number word and a noun after it: not "the largest of the three,", "west of the Seven Sisters")
  const of = PARTITIVE[lex.code]
  const noun = tokens[figure.last + 1]
  const partitive =
    of !== undefined &&
    isWord(tokens[figure.first - 2], ...of) &&
    !/^\p{Lu}/u.test(tokens[core.first].text) &&
    (lex.nouns?.capitalised === true || /^\p{Ll}/u.test(noun?.text ?? '')) &&
    !lex.commonVerbs.has(noun?.lower ?? '') &&
    countsAfter(scan, figure)
  const refersBack =
    isWord(before, ...lex.anaphoric) &&
    (figure.measure === undefined || isWord(before, ...(DEMONSTRATIVES[lex.code] ?? [])))
  if (small && refersBack && lex.isNumberWord(word)) return partitive ? 'keep' : 'drop'
  return 'keep'
}

function isYear(scan: Scan, figure: Draft, core: Draft): boolean {
  if (core.kind !== 'digits' || !looksLikeYear(scan.tokens[core.first], core.value)) return false
  if (figure.scale !== undefined) return false
  // "между 2019 и 2024 годами", "між 2019 і 2024 роками": two years and the word for years is a span of time
  if (figure.measure === 'years' && inYearRange(figure.max)) return true
  return figure.measure === undefined && !countsNoun(scan, figure)
}

/**
 * "over 1800 arrests", "ordered 1500 troops": a number that looks like a year counts the noun right after
 * it, unless a preposition or determiner before it makes it a date ("in 2014 troops", "the 2024 elections").
 */
function countsNoun(scan: Scan, figure: Draft): boolean {
  const { tokens, lex } = scan
  const next = tokens[figure.last + 1]
  const before = tokens[figure.first - 1]
  // "zwischen 2019 und 2022 Förderanträge" is a span of years ("zwischen 1800 und 2000 Besucher" a count)
  const yearSpan =
    figure.max !== undefined &&
    Number.isInteger(figure.max) &&
    figure.max <= 2100 &&
    figure.max - figure.value <= 30
  // German writes its nouns with a capital: "über 1800 Festnahmen" counts, "1984 gründete sie" is a year
  if (lex.nouns?.capitalised)
    return !yearSpan &&
      isWord(next) &&
      spaced(next) &&
      !lex.months.includes(next.lower) &&
      countsAfter(scan, figure)
      ? figure.qualifier !== undefined ||
          !isWord(before) ||
          !(
            lex.stopWords.has(before.lower) ||
            lex.months.includes(before.lower) ||
            YEAR_NOUNS.has(before.lower)
          )
      : false
  if (!isWord(next) || !spaced(next) || next.text !== next.lower || lex.stopWords.has(next.lower))
    return false
  const plural = KINDS[lex.code].plural
  if (lex.months.includes(next.lower) || (plural !== undefined && !plural.test(next.lower))) return false
  if (figure.qualifier !== undefined) return true
  return !isWord(before) || !(lex.stopWords.has(before.lower) || lex.months.includes(before.lower))
}

/** The number names something (Boeing 737, Gen 3, Article 5) rather than counting it. */
export function isDesignation(scan: Scan, figure: Draft, core: Draft): boolean {
  const { tokens } = scan
  const before = tokens[core.first - 1]
  if (core.kind === 'digits') {
    // G7, MH17; and the second half of a compound whose first half was not a figure (2024-2027)
    if (before?.kind === 'word' && glued(tokens[core.first])) return true
    if (
      isSym(before, '-', '–', '/', '.') &&
      glued(tokens[core.first]) &&
      tokens[core.first - 2]?.kind === 'num'
    )
      return glued(before)
  }
  if (figure.first !== core.first || !isWord(before) || !spaced(tokens[core.first])) return false
  // a scale word makes a quantity: no name's number is "1,9 Millionen" ("des Tierparks 1,9 Millionen")
  if (figure.scale !== undefined) return false
  // a number word before a unit is a quantity, whatever stands before it: "hatte der Absatz drei Monate …"
  if (core.kind === 'words' && figure.measure !== undefined && !/^\p{Lu}/u.test(tokens[core.first].text))
    return false
  const nouns = scan.lex.nouns?.capitalised === true
  // German capitalises every noun: "hat Hansen 1.150 Tonnen geladen" is a quantity, not a name
  if (nouns && figure.measure !== undefined && !scan.lex.designationKeywords.has(before.lower)) return false
  // "cédé à l'Irlande 2 000 tonnes": a number grouped in thousands before what it counts is a quantity in every
  // language (a name's number is not grouped: "Boeing 737", "Linie 640"; "Ley 1.447, artículo 9" counts nothing)
  const grouped = /^\d{1,3}(?:[\s\u00a0\u202f.,']\d{3})+$/u.test(scan.tokens[core.first].text)
  if (core.kind === 'digits' && grouped && (figure.measure !== undefined || countsAfter(scan, figure)))
    return false
  if (scan.lex.designationKeywords.has(before.lower)) return true
  // "Boeing 737", "Leopard 2", "Air Force One": a capitalised word inside a sentence names the number
  // (not where the profile says proper nouns before numbers are names in a case: Ukrainian "Україну 117")
  const capitalised = /^\p{Lu}/u.test(before.text) && scan.lex.capitalNames !== false
  const numberCapitalised = core.kind === 'digits' || /^\p{Lu}/u.test(tokens[core.first].text)
  // "Half-Life 2", "Counter-Strike 2": a hyphenated capitalised name before digits is a title, wherever it stands
  const hyphenated =
    isSym(tokens[core.first - 2], '-') && glued(before) && /^\p{Lu}/u.test(tokens[core.first - 3]?.text ?? '')
  if (capitalised && core.kind === 'digits' && hyphenated) return true
  if (
    !capitalised ||
    !numberCapitalised ||
    (startsSentence(tokens, core.first - 1) && !properNoun(scan, core.first - 1)) ||
    (!nouns && titleCase(scan, core.first))
  )
    return false
  const month = scan.lex.months.includes(before.lower)
  if (month || /['’]s$/.test(before.text) || before.text === 'I') return false
  // a capitalised function word names nothing: "07:05 — Only 38% ran" (a live blog's entry after its time)
  if (!nouns && scan.lex.stopWords.has(before.lower)) return false
  // German: "am Sonntag 14 Lauben", "nach Hagen 12 zusätzliche Busse": the noun after the number is what it
  // counts ("RB 52 zudem", "Cyberpunk 2077 läuft" name the number, and so does a capitalised number word
  // inside a sentence: "im Ortsteil Drei Eichen")
  const lowerNumber = core.kind === 'digits' || !/^\p{Lu}/u.test(tokens[core.first].text)
  // "14 Leopard 2 Panzer", "drei Boeing 737 Maschinen": a number before the name counts the named thing
  // (not "in sechs Stunden 1.284 Fahrzeuge", where the word between is a unit)
  const twoBefore = tokens[core.first - 2]
  const counted =
    // (not a clock time before it: "zwischen 6.15 Uhr und 9.40 Uhr 23 Flüge")
    ((twoBefore?.kind === 'num' && !scan.blocked[core.first - 2]) ||
      scan.lex.isNumberWord(twoBefore?.lower ?? '')) &&
    !(before.lower in scan.lex.measures) &&
    !/n$/.test(before.lower) // a plural noun in the dative: "an elf Verhandlungstagen 23 Zeugen"
  return !(nouns && lowerNumber && !counted && (countsAfter(scan, figure) || rangeCounts(scan, figure)))
}

/**
 * "erwartet der Verband 640.000 bis 660.000 neue Elektroautos", "nennt der Bericht 310 bis 340 Millionen
 * Euro": the first number of a range counts what the second counts (not "Linie 640 bis 22 Uhr").
 */
function rangeCounts(scan: Scan, figure: Draft): boolean {
  const { tokens, lex } = scan
  const link = tokens[figure.last + 1]
  let end = figure.last + 2
  if (!isWord(link, ...lex.range.to) && !isSym(link, '–', '—')) return false
  if (tokens[end]?.kind !== 'num' || scan.blocked[end] || !spaced(link)) return false
  if (tokens[end + 1] !== undefined && tokens[end + 1].lower in lex.scaleWords) end++
  const after = tokens[end + 1]
  return isWord(after) && (after.lower in lex.measures || countsAfter(scan, { ...figure, last: end }))
}

/** German nouns a year follows: "im Jahr 2024 Rekordzahlen", "Ende 2023 Schulden". */
const YEAR_NOUNS = new Set(
  'jahr jahre jahres ende anfang mitte beginn frühjahr frühling sommer herbst winter saison'.split(' '),
)

/** Words after a model's number that are part of its name: "iPhone 15 Pro", "Galaxy Tab 9 Ultra". */
const MODEL_WORDS = new Set(
  'pro max ultra plus mini lite air gen edition se gt rs neo fe xl richtung'.split(' '),
)

/** A noun phrase follows the number (in a language whose nouns are capitalised): "46 Einsätze", "12 zusätzliche Busse". */
function countsAfter(scan: Scan, figure: Draft): boolean {
  const next = scan.tokens[figure.last + 1]
  if (!isWord(next) || !spaced(next) || MODEL_WORDS.has(next.lower)) return false
  return countedNoun(scan, figure.last + 1) !== undefined
}

/**
 * Headline Case ("Russia Fires 500 Drones At Cities"): the words around the number are capitalised, all of
 * them when there are only three or four ("the Harbourline 250 index", "The Aster Nova 3 review" are not).
 */
function titleCase(scan: Scan, at: number): boolean {
  const near = scan.tokens
    .slice(Math.max(0, at - 4), at + 5)
    .filter((t) => t.kind === 'word' && t.text.length > 3)
  const lower = near.filter((t) => !/^\p{Lu}/u.test(t.text)).length
  return near.length >= 3 && lower <= (near.length >= 5 ? 1 : 0)
}

const WEEKDAYS = new Set('monday tuesday wednesday thursday friday saturday sunday'.split(' '))

/**
 * A capitalised word at a sentence's start is a name when the text writes it capitalised inside a sentence
 * too: "Android 15 comes with…" after "the mid-priced Android phone" (not a function word or a weekday).
 */
function properNoun(scan: Scan, at: number): boolean {
  const { text, tokens, lex } = scan
  const word = tokens[at]
  if (lex.nouns?.capitalised || lex.stopWords.has(word.lower) || WEEKDAYS.has(word.lower)) return false
  if (lex.qualifiers.some((q) => q.split(' ')[0] === word.lower)) return false
  const inside = new RegExp(
    `[\\p{Ll}\\d,]\\s+${word.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\d])`,
    'u',
  )
  return inside.test(text)
}

function judgeOne(scan: Scan, figure: Draft): Verdict {
  const { tokens, lex } = scan
  const before = tokens[figure.first - 1]
  const after = tokens[figure.last + 1]
  if (figure.measure !== undefined && TIME_MEASURES.has(figure.measure))
    return figure.first === figure.last - 1 && !isWord(before, ...ONE_KEPT_FOR_TIME_AFTER) ? 'drop' : 'keep'
  if (figure.qualifier !== undefined || figure.scale !== undefined) return 'keep'
  if (isWord(before, ...ONE_DROPPED_AFTER)) return 'drop' // at one point, in one hospital, no one
  if (figure.measure !== undefined) return 'keep'
  if (isSym(after, '-') || isWord(after, 'of', 'another', 'by', 'or', 'and')) return 'drop'
  if (after?.kind !== 'word' || lex.stopWords.has(after.lower) || lex.commonVerbs.has(after.lower))
    return 'drop'
  return 'needs-company'
}
