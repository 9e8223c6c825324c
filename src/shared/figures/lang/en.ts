// Runs everywhere: English, the language the detector was first written for.
import {
  CURRENCY_PREFIXES,
  CURRENCY_SUFFIXES,
  MONEY_SCALES,
  MONTHS,
  QUALIFIERS,
  SCALE_WORDS,
  VAGUE,
} from '../lexicon'
import { isNumberWord, parseNumberWords } from '../number-words'
import { ENGLISH_NUMBERS } from '../tokenize'
import { MEASURES, PERCENT_WORDS } from '../units'
import {
  CASUALTY_WORDS,
  CHANGE_WORDS,
  COMMON_VERBS,
  COMPARATIVES,
  DESIGNATION_KEYWORDS,
  STOP_WORDS,
} from '../word-classes'
import { findPhrasePeriods } from '../period-phrases'
import { enSpeech } from './en-speech'
import type { Lexicon } from './types'

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?'
const DAY = '(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?'
const SMALL_WORD =
  '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\w+teen|twenty|thirty|forty|fifty)'

export const en: Lexicon = {
  code: 'en',
  numberPatterns: ENGLISH_NUMBERS,
  normalizeDigits: (text) => text.replace(/[,\s]/g, ''),
  qualifiers: QUALIFIERS,
  currencyPrefixes: CURRENCY_PREFIXES,
  currencySuffixes: CURRENCY_SUFFIXES,
  scaleWords: SCALE_WORDS,
  moneyScales: MONEY_SCALES,
  vague: VAGUE,
  of: ['of'],
  percentWords: PERCENT_WORDS,
  measures: MEASURES,
  parseNumberWords,
  isNumberWord,
  ordinalSuffix: /^(st|nd|rd|th|s|am|pm)$/i,
  ago: ['ago', 'earlier', 'later'],
  months: MONTHS,
  exclusions: [
    new RegExp(`\\b${MONTH}\\s+${DAY}(?!\\d)(?:,?\\s+\\d{4}\\b)?`, 'g'),
    new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH}(?![a-z])(?:,?\\s+\\d{4}\\b)?`, 'g'),
    new RegExp(`\\b${MONTH}\\s+\\d{4}\\b`, 'g'),
    /\b\d{1,2}(?:\.\d{2})?\s*(?:[ap]\.m\.?|[ap]m\b)/gi,
    /\b\d{1,2}\s+o['’]clock\b/gi,
    /\b\d{1,4}[A-Za-z]?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Square|Lane|Boulevard|Place|Drive|Way)\b/g,
    /(?:\b\d{2,4}|['’]\d{2})s\b/g,
    /\b\d+(?:st|nd|rd|th)\b/g,
    // ages: a 46-year-old, children under five, aged 30
    new RegExp(`\\b(?:\\d+|${SMALL_WORD})(?:-\\w+)?-(?:year|month|week)-olds?\\b`, 'gi'),
    new RegExp(
      `\\b(?:children|kids|babies|infants|pupils|people|adults|those|men|women)\\s+(?:under|over|aged|older than|younger than)\\s+(?:\\d+|${SMALL_WORD})\\b(?!\\s*(?:%|per))`,
      'gi',
    ),
    /\baged\s+\d+(?:\s*(?:-|–|to|and)\s*\d+)?/gi,
    // clock times written with a dot: "at about 7.15", "the 8.05 train"
    /(?<=\b(?:at|by|until|till|before|after|from)\s+(?:about\s+|around\s+|roughly\s+)?)\d{1,2}\.\d{2}\b(?!\s*(?:%|per\b|percent))/gi,
    /(?<=\bthe\s+)\d{1,2}\.\d{2}(?=\s+(?:train|service|bus|ferry|flight|departure|sailing|from|to)\b)/gi,
    // terms of a product, not quantities: a 30-year mortgage, a two-year fixed deal
    /\b[\w]+-(?:year|month)\s+(?=(?:fixed|fix|mortgages?|loans?|leases?|bonds?\s+yields?)\b)/gi,
  ],
  stopWords: STOP_WORDS,
  commonVerbs: COMMON_VERBS,
  designationKeywords: DESIGNATION_KEYWORDS,
  casualtyWords: CASUALTY_WORDS,
  changeWords: CHANGE_WORDS,
  comparatives: COMPARATIVES,
  range: {
    between: ['between'],
    and: ['and'],
    from: ['from'],
    to: ['to'],
    or: ['or'],
    ratio: ['in', 'out of'],
  },
  one: ['one'],
  anaphoric: ['the', 'these', 'those'],
  speech: enSpeech,
  period: {
    chrono: 'en',
    phrases: findPhrasePeriods,
    joiner: /^\s*(?:to|until|till|through|-|–|—)\s*$/i,
    and: /^\s*and\s*$/i,
    partOfMonth: /^(?:early|late|mid|(?:the )?(?:end|beginning|start|middle) of)\b/i,
    since: /\bsince\s+$/i,
    between: /\b(?:between|from)\s+$/i,
    duration: /^(?:for|in|within|after|over)\b/i,
    relative: /^now$|\b(?:before|after|later|earlier)\b/i,
    // "than in August", "compared with 2023", "up from 4.1% in March": the period compared with
    comparison:
      /\b(?:than|compared\s+(?:with|to)|versus|vs\.?|against|(?:up|down)\s+from)\s+(?:(?:in|during|the|a|last|same)\s+){0,3}(?:\S+\s+){0,3}?$/i,
    // when something was said, not what its figures cover: "the ministry said on Monday"
    said: /\b(?:said|says|announced|told\s+\S+|reported|added|wrote|published|confirmed|estimated)\s+(?:on\s+|late\s+|early\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|this\s+(?:morning|afternoon|week))\b/gi,
  },
}
