// Runs everywhere: what figure detection needs to know about one language. Every table the detector reads
// comes from here, so a language is added by writing one profile (lang/<code>.ts), not by editing the
// pipeline. Phrases are matched token by token, case-insensitively.
import type { Day } from '../dates'
import type { NumberWords } from '../number-words'
import type { FoundPeriod } from '../period-phrases'

export const LANGUAGES = ['en', 'fr', 'es', 'de', 'uk', 'ru'] as const
export type LanguageCode = (typeof LANGUAGES)[number]

/**
 * Someone who speaks in a sentence, and where. Kept here, not in speakers.ts (which re-exports it), so that the
 * language tables import nothing of the code that reads them: a type-only import loop is still a loop.
 */
export type Speaker = { name: string; kind: 'person' | 'org' | 'role' | 'pronoun'; index: number }

/** A person introduced with a title: "President Volodymyr Zelenskyy" → title `president`. */
export type TitledPerson = { title: string; name: string; index: number }

/** The words that tell who is speaking: `X said`, `said X`, `according to X`, titles and bodies. */
export type SpeechWords = {
  /**
   * A language's own reading of speakers, in place of the one built from these words (Ukrainian: bodies
   * capitalise only their first word, roles run in lower case before a name, names are declined).
   */
  reader?: {
    findSpeakers: (sentence: string) => Speaker[]
    findTitledPeople: (text: string) => TitledPerson[]
    /** "Кравчук" → "Тарас Кравчук", "Генштаб" → "Генеральний штаб ЗСУ": a name as the article gives it in full. */
    fullName?: (name: string, text: string) => string
  }
  /**
   * Ukrainian news: a sentence without a speaker, after the earlier ones of its paragraph (as in every
   * language), takes a later one opening with `reportsBack` ("Про це повідомив"); a role nobody in the text
   * holds answers nothing.
   */
  carry?: { reportsBack: readonly (readonly string[])[] }
  /**
   * Reported speech that carries the speaker of an earlier sentence in its paragraph (German Konjunktiv:
   * "Rund 2.300 Haushalte seien noch ohne Strom").
   */
  reported?: RegExp
  /** The language leaves out a subject pronoun: a sentence opening with a reporting verb ("Añadió que") goes on with the speaker before. */
  dropsSubject?: boolean
  /** Words that may stand between an inverted verb and its speaker: "сообщил в среду X". */
  afterVerb?: readonly (readonly string[])[]
  /** Reporting verbs after the speaker: "X said", "X a déclaré" (the verb's last word). */
  verbs: ReadonlySet<string>
  /** Reporting verbs the speaker may follow: "said Iryna Kovalska". */
  inverted: ReadonlySet<string>
  titles: ReadonlySet<string>
  orgs: ReadonlySet<string>
  pronouns: ReadonlySet<string>
  /** Capitalised at the start of a sentence, but never part of a name. */
  functionWords: ReadonlySet<string>
  phraseBreaks: ReadonlySet<string>
  /** Lower-case words inside a name of a body: "Ministry of Health", "ministère de la Santé". */
  connectors: ReadonlySet<string>
  /** Lower-case particles that open a surname: "de Vries". */
  particles: ReadonlySet<string>
  determiners: ReadonlySet<string>
  /** One written word read as several, in reading order: "l'Agence" → ["l'", "Agence"], "a-t-il" → ["il", "a"]. */
  splitWord?: (word: string) => string[]
  /** Auxiliaries of a compound past between the speaker and the participle: "X a déclaré". */
  auxiliaries?: ReadonlySet<string>
  /** Bodies are named in lower case after their head word: "le ministère russe de la Défense". */
  nounPhrases?: boolean
  /** "il"/"elle" may stand for a body as well as a person: « … », a-t-elle affirmé, after "selon l'armée". */
  pronounsForBodies?: boolean
  /** Phrases (as lower-case words) before a source: ["according", "to"], ["selon"], ["за", "словами"]. */
  according: readonly (readonly string[])[]
  by: readonly string[]
  who: readonly string[]
  /**
   * A name in the nominative, where the language declines names ("по словам Марата Хайруллина" →
   * "Марат Хайруллин"), read with `before`, the sentence's text before it; names are kept as found when absent.
   */
  normalizeName?: (name: string, before: string) => string
}

/** How periods are read in one language: chrono-node's parser, and what it does not read as a researcher means. */
export type PeriodWords = {
  chrono: 'en' | 'fr' | 'es' | 'de' | 'uk' | 'ru'
  /** Phrases chrono misreads or misses: "late December", "the past 24 hours", "last week", "in 2023". */
  phrases: (text: string, ref: Day | undefined) => FoundPeriod[]
  /** The whole gap between two periods that joins them into one: " to ", "–". */
  joiner: RegExp
  /** The gap " and ", which joins two periods after `between`, or two parts of months. */
  and: RegExp
  /** A part of a month ("late December", "early January"): two of them joined by `and` make one span. */
  partOfMonth?: RegExp
  /** Just before a period that then runs to the article's date: "since ". */
  since: RegExp
  /** Just before the first of two periods joined by "and": "between ", "from ". */
  between: RegExp
  /** What chrono finds that is a duration, not a period: "for several days", "in 3 weeks". */
  duration: RegExp
  /** Relative to an unknown moment: "now", "two weeks before". */
  relative: RegExp
  /** Just before a period the figure is compared with, not measured over: "than in August" ("ніж у серпні"). */
  comparison?: RegExp
  /** When a statement was made, not what its figures cover: "сообщила в среду" (global flag). */
  said?: RegExp
}

export type VagueEntry = { value: number; unit?: string; needsOf?: boolean }

export type Lexicon = {
  code: LanguageCode
  /**
   * Alternatives of a regular expression (no capture groups) for a number as written, tried in order, the
   * last being plain digits: `1,234.5` in English, `1.234,5` in German and Spanish, `1 234,5` in French,
   * Ukrainian and Russian.
   */
  numberPatterns: readonly string[]
  /** `1 234,5` → `1234.5`: the digits of a number token as JavaScript reads them. */
  normalizeDigits: (text: string) => string
  qualifiers: readonly string[]
  currencyPrefixes: Readonly<Record<string, string>>
  currencySuffixes: Readonly<Record<string, string>>
  scaleWords: Readonly<Record<string, number>>
  /** Scale abbreviations that only count after a currency: `$5k`, `£300m`. */
  moneyScales: Readonly<Record<string, number>>
  vague: Readonly<Record<string, VagueEntry>>
  /** The word that links a quantity to what it counts: of, de, d', von. */
  of: readonly string[]
  percentWords: Readonly<Record<string, string>>
  measures: Readonly<Record<string, string>>
  parseNumberWords: (words: readonly string[], fractions?: boolean) => NumberWords | undefined
  isNumberWord: (word: string) => boolean
  /** Glued letters that make digits an ordinal or a label: 47th, 1er, 2e, 5G. */
  ordinalSuffix: RegExp
  /**
   * After a time span, makes it a time reference, not a figure: "three years ago", "a week earlier", "six mois
   * plus tôt", "doce meses antes" (decided in session 10).
   */
  ago: readonly string[]
  months: readonly string[]
  /** Spans whose digits are not figures in this language: dates, times, ages, addresses. */
  exclusions: readonly RegExp[]
  stopWords: ReadonlySet<string>
  commonVerbs: ReadonlySet<string>
  designationKeywords: ReadonlySet<string>
  casualtyWords: ReadonlySet<string>
  changeWords: ReadonlySet<string>
  comparatives: ReadonlySet<string>
  range: {
    between: readonly string[]
    and: readonly string[]
    from: readonly string[]
    to: readonly string[]
    or: readonly string[]
    /** one in five, 3 out of 10 */
    ratio: readonly string[]
    /**
     * Whether two numbers in digits joined by a ratio word are a ratio (true when absent): Ukrainian reads "дві з
     * семи" as a share but "780 із 1 214" as two figures, a count and its total (as Russian reads "21 из 35").
     */
    ratioOfDigits?: boolean
  }
  /** Words that are the number one when alone ("one", "un", "une", "ein", "один"); judged with care. */
  one: readonly string[]
  /** Determiners that make a small number anaphoric: "the two attacks". */
  anaphoric: readonly string[]
  speech: SpeechWords
  period: PeriodWords
  /**
   * Whether a capitalised word inside a sentence names the number after it ("Boeing 737", "Leopard 2"); true
   * unless set false (Ukrainian: "атакували Україну 117 дронами", its product names excluded by pattern).
   */
  capitalNames?: boolean
  /** How a counted noun phrase is read where nouns are capitalised (German): "24 zusätzliche Klassen eröffnet" → "Klassen". */
  nouns?: {
    /** Nouns carry a capital: the phrase ends at the first lower-case word after one; headlines are no hint. */
    capitalised: boolean
    /** Words skipped before the noun, like English "more" and "additional". */
    skippedFirst: readonly string[]
    /** At most this many words (Spanish puts adjectives after the noun: "8 millones de turistas internacionales" → "turistas"). */
    maxWords?: number
  }
}
