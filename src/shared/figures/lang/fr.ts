// Runs everywhere: French: spaces group thousands (1 234,5), a comma marks decimals, "%" and "€" follow
// the number, and "un"/"une" is an article far more often than a count.
import {
  FRENCH_NUMBERS,
  isFrenchNumberWord,
  normalizeFrenchDigits,
  parseFrenchNumberWords,
} from './fr-numbers'
import { findFrenchPeriods, FR_MONTH, FR_MONTHS, FR_SAID, FR_WEEKDAY } from './fr-periods'
import { frSpeech } from './fr-speech'
import {
  FR_CASUALTY_WORDS,
  FR_CHANGE_WORDS,
  FR_COMMON_VERBS,
  FR_COMPARATIVES,
  FR_CURRENCY_PREFIXES,
  FR_CURRENCY_SUFFIXES,
  FR_DESIGNATION_KEYWORDS,
  FR_MONEY_SCALES,
  FR_QUALIFIERS,
  FR_SCALE_WORDS,
  FR_STOP_WORDS,
  FR_VAGUE,
} from './fr-words'
import { FR_MEASURES, FR_PERCENT_WORDS } from './fr-units'
import type { Lexicon } from './types'

const DAY = '(?:1er|[12]\\d|3[01]|0?[1-9])'
const SP = '[\\s\\u00a0\\u202f]'
const NUMBER_WORD =
  '(?:Un|Une|Deux|Trois|Quatre|Cinq|Six|Sept|Huit|Neuf|Dix|Onze|Douze|Treize|Quatorze|Quinze|Seize|Vingt|Trente|Quarante|Cinquante|Soixante|Cent|Mille)'
/** Nouns of a term's length: "une durée de 20 ans" is no age. */
const TERM_NOUNS =
  '(?:durée|période|bail|contrat|mandat|peine|concession|licence|prêt|emprunt|garantie|engagement|délai|moratoire|plan|programme)'
const AGE_PEOPLE = `(?:de|à|âgée?s?${SP}+de|d['’]environ)`
/** A word boundary that knows accented letters (\\b does not, even with the u flag). */
const W = '(?<![\\p{L}\\d])'

export const fr: Lexicon = {
  code: 'fr',
  numberPatterns: FRENCH_NUMBERS,
  normalizeDigits: normalizeFrenchDigits,
  qualifiers: FR_QUALIFIERS,
  currencyPrefixes: FR_CURRENCY_PREFIXES,
  currencySuffixes: FR_CURRENCY_SUFFIXES,
  scaleWords: FR_SCALE_WORDS,
  moneyScales: FR_MONEY_SCALES,
  vague: FR_VAGUE,
  of: ['de', 'du', 'des'],
  percentWords: FR_PERCENT_WORDS,
  measures: FR_MEASURES,
  parseNumberWords: parseFrenchNumberWords,
  isNumberWord: isFrenchNumberWord,
  // 1er, 2e, 3ème, 2nde, 5G (a capital G is a network generation, 30 g grams)
  ordinalSuffix: /^(?:er|re|ère|ers|res|e|es|ème|èmes|eme|emes|è|nd|nde|nds|ndes|bis|ter|G)$/,
  ago: ['auparavant', 'plus tôt', 'plus tard'],
  months: FR_MONTHS,
  exclusions: [
    // dates: le 5 décembre, les 5 et 6 décembre, mercredi 4 décembre 2024, 14 nov 2024, mars 2022
    new RegExp(
      `(?<![\\p{L}\\d])(?:${FR_WEEKDAY}${SP}+)?${DAY}(?:${SP}*(?:et|au|-|–|,)${SP}*${DAY})*${SP}+${FR_MONTH}(?![\\p{L}])(?:${SP}+\\d{4})?`,
      'giu',
    ),
    new RegExp(`(?<![\\p{L}\\d])${FR_MONTH}${SP}+\\d{4}\\b`, 'giu'),
    // times: 8 h 30, 18h05, 13H30 GMT, à 8 heures, vers 23 heures, lundi 20 heures, 6 heures du matin
    /\b\d{1,2}[\s\u00a0\u202f]?[hH][\s\u00a0\u202f]?\d{2}\b/g,
    new RegExp(
      `(?<=(?:${W}(?:à|vers|dès|avant|jusqu['’]à|${FR_WEEKDAY}|hier|demain|midi)${SP}+))(?:[01]?\\d|2[0-4])${SP}*(?:h|heures?)(?![\\p{L}])(?!${SP}+(?:de|d['’]|par))`,
      'giu',
    ),
    new RegExp(
      `\\b\\d{1,2}${SP}*(?:h|heures?)${SP}+(?:du matin|du soir|de l['’]après-midi|ce matin|ce soir|cet après-midi|GMT|UTC|heure de Paris|heure locale|heures? de Paris|HNE)`,
      'giu',
    ),
    /\b\d{1,4}\s*(?:GMT|UTC)\b/g,
    /\b\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.m\.?|[ap]m\b)/gi,
    // numbered lists: "1. Une contribution…" at the start of a line
    /^[ \t]*\d{1,2}[.)](?=\s)/gm,
    // versions: 2.4.1; decades: les années 90
    /\b\d+(?:\.\d+){2,}\b/g,
    /\bannées\s+\d{2}\b/gi,
    // phone numbers: 04 72 18 55 90, 0 800 940 211
    /\b0\d(?:[\s\u00a0\u202f.-]?\d{2}){4}\b/g,
    /\b0[\s\u00a0\u202f]?[89]\d{2}(?:[\s\u00a0\u202f]?\d{2,3}){2,3}\b/g,
    // "le 3635", "le 15-80", "le 49.3": a singular article before digits makes them a label, never a count
    /(?<=\b[Ll]e[\s\u00a0\u202f]+)\d+(?:[-–.]\d+)*(?![\d,]|[\s\u00a0\u202f]*(?:%|milliards?|millions?|mille\b|pour\s?cent|points?\b))/g,
    // ages: Marc Delaunay, 61 ans; un homme de 45 ans; la retraite à 67 ans; les moins de 26 ans; les 18-25 ans
    new RegExp(`(?<=\\p{Lu}[\\p{L}'’-]+,${SP})\\d{1,3}${SP}+ans\\b`, 'gu'),
    // (not the length of a term: "pour une durée de 20 ans", "un bail de 9 ans", "un mandat de cinq ans")
    new RegExp(
      `(?<=${W}${AGE_PEOPLE}${SP}+)(?<!${TERM_NOUNS}${SP}+de${SP}+)\\d{1,3}${SP}+ans\\b(?!${SP}+(?:de|d['’]))`,
      'giu',
    ),
    new RegExp(`\\b(?:de|des|les|aux)${SP}+(?:plus|moins)${SP}+de${SP}+\\d{1,3}${SP}+ans\\b`, 'giu'),
    new RegExp(`\\b\\d{1,2}${SP}*[-–]${SP}*\\d{1,2}${SP}+ans\\b`, 'giu'),
    // a span's length, not a count: les trois derniers mois, ces 24 dernières heures
    new RegExp(
      `(?<=\\b(?:les|ces|des)${SP}+)[\\p{L}\\d-]+(?=${SP}+derni(?:er|ère)s${SP}+(?:ans|années|mois|semaines|jours|heures)\\b)`,
      'giu',
    ),
    // "un Français sur cinq" is a share, not five of anything
    /(?<=\b(?:un|une)\s+[\p{L}-]+\s+sur\s+)(?:\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)(?![\p{L}\d])/giu,
    // time ago: il y a trente ans
    new RegExp(
      `\\bil${SP}+y${SP}+a${SP}+(?:(?:près|plus|moins)${SP}+de${SP}+|quelque${SP}+)?[\\p{L}\\d-]+${SP}+(?:ans|années|mois|semaines|jours|heures|minutes|siècles|décennies)\\b`,
      'giu',
    ),
    // a capitalised number word inside a sentence is a name: les Trente Glorieuses, les Deux-Sèvres
    new RegExp(`(?<=[\\p{L}]${SP}+)${NUMBER_WORD}(?:-\\p{L}+)?(?![\\p{L}])`, 'gu'),
    // a capitalised word inside a sentence names the number after it: CAC 40, PlayStation 5, Forza Horizon 5
    /(?<=(?<![.!?:;–—«"(\n][\s\u00a0\u202f]*)(?<!^)(?<![\p{L}\d])\p{Lu}[\p{L}\d'’-]*[ \u00a0])\d+(?!\d|,\d|[\s\u00a0\u202f]*%|[\s\u00a0\u202f]\d{3}(?!\d))/gu,
    // scores: s'est imposé 3-1
    /(?<=\b(?:victoire|défaite|battue?s?|gagné|perdu|imposée?s?|score|nul|menait|mène)\b[^.!?]{0,30})\d{1,2}\s*[-–]\s*\d{1,2}\b/gi,
    // street addresses: 12 rue de la Paix
    /\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|boulevard|bd|place|allée|impasse|quai|chemin|route|cours)\b/gi,
  ],
  stopWords: FR_STOP_WORDS,
  commonVerbs: FR_COMMON_VERBS,
  designationKeywords: FR_DESIGNATION_KEYWORDS,
  casualtyWords: FR_CASUALTY_WORDS,
  changeWords: FR_CHANGE_WORDS,
  comparatives: FR_COMPARATIVES,
  range: {
    between: ['entre'],
    and: ['et'],
    from: ['de', 'du'],
    to: ['à', 'au'],
    or: ['ou'],
    ratio: ['sur'],
  },
  one: [],
  anaphoric: ['les', 'ces', 'leurs', 'nos', 'ses'],
  speech: frSpeech,
  period: {
    chrono: 'fr',
    phrases: findFrenchPeriods,
    // one space either side: a wider gap held a figure ("cette année à 4,9 % en 2025" joins nothing)
    joiner: /^\s?(?:à|au|jusqu['’](?:à|au)|-|–|—)\s?$/i,
    and: /^\s?et\s?(?:(?:le|la)\s|l['’])?$/i,
    // "depuis 2019", "depuis le 1er janvier", and "depuis la suppression du numerus clausus, en 2021"
    since:
      /(?:\b(?:depuis|dès)\s+(?:(?:le|la|les)\s+|l['’])?|\bdepuis\b[^.;:!?]{0,80},\s*(?:(?:en|le)\s+)?)$/i,
    between: /\b(?:entre|de|du)\s+(?:(?:le|la)\s+|l['’])?$/i,
    // "pendant trois semaines"; and "de 17 ans", which chrono reads as seventeen years from now
    duration:
      /^(?:pendant|durant|en|dans|depuis|d['’]ici|sur)\b|^(?!il y a\b).*\b(?:ans?|années?|mois|jours?|semaines?|heures?|minutes?)$/i,
    // "2 % de plus qu'en 2023", "contre 13,4 % en 2023", "par rapport à 2019": the period compared with
    comparison:
      /(?:(?<!\p{L})(?:plus|moins|davantage|supérieur\p{L}*|inférieur\p{L}*)(?!\p{L})[^.;]{0,30}?(?<!\p{L})(?:que\s+|qu['’]\s*)(?:(?:en|à|au|l['’]|la|le)\s*)?|(?<!\p{L})(?:contre|par\s+rapport\s+(?:à|au)|comparé\p{L}*\s+(?:à|au))\s+(?:(?:en|à|au|l['’]|la|le)\s*)?)$/iu,
    // chrono's French parser reads weekdays (and "Mar" in "Maréchal") forwards: findFrenchPeriods reads them
    relative:
      /^maintenant$|\b(?:avant|après|plus tard|plus tôt|auparavant)\b|\b(?:lun|mar|mer|jeu|ven|sam|dim)(?:di|credi|redi|ndredi|edi|anche)?\b|^(?:ce\s+)?(?:matin|soir)$|^à\s/i,
    // "a publié jeudi", "a indiqué mercredi": when it was said, not what the figures cover
    said: FR_SAID,
  },
}
