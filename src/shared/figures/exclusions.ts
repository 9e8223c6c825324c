// Runs everywhere: stretches of text whose digits are not figures (dates, times, designations, phone
// numbers, addresses, references, ages, scores). Numbers touching these spans are never reported.
import { KINDS, NUMBERED } from './lang/kinds'
import { NAMING_NUMBERS } from './lang/naming-numbers'
import { NON_FIGURES } from './lang/non-figures'
import { SERVICE_NUMBERS } from './lang/service-numbers'
import type { LanguageCode, Lexicon } from './lang/types'
import type { Span } from './types'

/** Patterns that hold in every language: ISO and numeric dates, clock times, phone numbers, designations. */
const PATTERNS: readonly RegExp[] = [
  /\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?/g,
  /\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b/g,
  /\b\d+\/\d+\b/g,
  /\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?/gi,
  // formations and tables of several scores: a 3:2:1 defence, 4-2-3-1
  /\b\d{1,2}(?::\d{1,2}){2,}\b/g,
  // clock times by zone (0930 GMT, 14.30 CET) and as in French or German copy (7h30, 14 h 51, 8.15 Uhr)
  /\b\d{1,2}[.:]?\d{2}\s*(?:GMT|UTC|BST|CET|CEST|EET|EEST|MSK|EST|EDT|PST|PDT|Kyiv time|local time)\b/g,
  /\b\d{1,2}\s?[hH]\s?\d{2}\b/g,
  // numbered-list markers and section numbers at the start of a line: "1. Norway", "2) Pets", "3.1 Scope"
  /^[ \t]*\d{1,3}(?:\.\d{1,3})*[.)](?=[ \t])/gm,
  /\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,6}/g,
  /\(\d{2,5}\)\s?\d{2,4}(?:[\s.-]\d{2,4})+/g,
  /(?<!\d[\s\u00a0\u202f.,])\b0\d{2,4}(?:[ \u00a0.-]\d{2,4}){1,3}\b/g,
  /(?<!\d[\s\u00a0\u202f.,])\b0\d{3,4}[ \u00a0]\d{6}\b/g, // a UK area code and a six-digit number: 01632 960418
  /(?<!\d[\s\u00a0\u202f.,])\b0\d{2,4}(?:[ \u00a0]\d{1,4}){3,5}\b/g, // 0800 4 46 46 46
  /\b\d{1,4}[A-Za-z]?,?\s+(?:Rue|Rua|Praça|Calle|Avenida|Via|Viale|Piazza|Plaza|Place|Boulevard|Vulytsia|Ulitsa)\b/g,
  /(?:\b(?:pp?|[Nn]o|[Nn]os)\.|§)\s*\d+(?:[-–]\d+)?/g,
  // version numbers: 2.4.1, 10.0.19045
  // (not thousands grouped by full stops, as in Spanish and German: 6.750.000)
  /\b(?!\d{1,3}(?:\.\d{3})+\b)\d+\.\d+\.\d+(?:\.\d+)*\b/g,
  // designations: F-16, S-300, PAC-3, Su-34, G7, COVID-19, MH17, Q4, FY2024, mid-2030s
  /\b\p{L}+-?\d+(?:[-.]\d+)*\p{L}*\b/gu,
  /(?<=\p{Lu}\p{Ll}[\p{L}'’-]*,\s)\d{1,3}(?=,\s)/gu, // Tomas Herak, 52, said (not an acronym: PSOE, 6, y Vox, 4)
  // an age in brackets after a person's first name and surname: Pieter Vance (61), Andrés Oliván (52 años),
  // Остап Гнатишин (51) — ages are not figures (README)
  /(?<=\p{Lu}\p{Ll}+[\s\u00a0]+\p{Lu}\p{Ll}[\p{L}'’-]*[\s\u00a0]?\()(?:\d{1,2}|1[01]\d)(?:[\s\u00a0]+(?:años|ans|Jahre|років|роки|рік|лет|года|год|years?))?(?=\))/gu,
  // a model number with letters glued after it: трамваи 71-911EM, the 3-400X
  /(?<![\p{L}\d-])\d{1,4}-\d{2,5}(?!(?:[KMGT]B|[KMGT]W|[KMGT]Wh|MPH|[KMG]?Hz|FPS|MP|mAh|BN|[A-Z])(?![\p{L}\d]))\p{Lu}+(?![\p{L}\d])/gu,
  // a title in quotes opening with a number word, after a lower-case word: комедия «Пять енотов и ёлка», the
  // film "Seven Samurai", le roman « Trois femmes puissantes » (not a quote after a colon: says: "Two died")
  /(?<=\p{Ll}[\s\u00a0]+[«„“"][\s\u00a0]?)\p{Lu}\p{Ll}+(?=(?:[\s\u00a0]+[^\s«»„“”"]+){0,5}[\s\u00a0]?[»“”"])/gu,
]

const SCORE = /\b\d{1,2}[-–]\d{1,2}\b/g
const SCORE_BEFORE =
  /\b(?:won|wins|beat|beating|beaten|lost|losing|drew|draw|defeat|defeated|thrashed|edged|(?:made|making|make)\s+it|levelled|leveled|equalised|equalized)\b[^.!?]{0,30}$/i

/** Words that join two days of one month ("3 and 10 December", "el 3 y el 10 de diciembre", "з 2 по 23 вересня"). */
const DAY_JOINERS: Readonly<Record<LanguageCode, string>> = {
  en: 'and|to|until|or',
  fr: 'et|au|à|ou',
  es: 'y|al|a|o',
  de: 'und|bis|oder',
  uk: 'і|й|та|по|до|або',
  ru: 'и|по|до|или',
}

const runs = new Map<LanguageCode, RegExp>()

/**
 * A run of designations after the word that names them (the lexicon's designation keywords): "junctions 15 and
 * 23", "les lignes 15 à 18", "la salida 7 y 8", "Gleis 4 und 5" — the first is a name by isDesignation, and so is
 * every number joined to it. A word may stand between ("les lignes régionales 12 et 14").
 */
function designationRuns(lex: Lexicon): RegExp {
  let run = runs.get(lex.code)
  if (run === undefined) {
    const keywords = [...lex.designationKeywords]
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|')
    const SP = '[\\s\\u00a0\\u202f]'
    // (French lists them with commas too, "les articles 3, 4 et 5"; elsewhere a comma after one often opens a
    // count: "ward 5, 12 patients")
    const signs = lex.code === 'fr' ? '[-–,]' : '[-–]'
    run = new RegExp(
      `(?<![\\p{L}\\d])(?:${keywords})${SP}+(?:\\p{Ll}{4,}${SP}+)?\\d+(?:${SP}*(?:(?:${DAY_JOINERS[lex.code]})(?![\\p{L}])|${signs})${SP}*\\d+)+`,
      'giu',
    )
    runs.set(lex.code, run)
  }
  return run
}

/** Weekday names, which may stand before the second day: "du vendredi 21 au dimanche 23 novembre". */
const WEEKDAYS: Readonly<Record<LanguageCode, string>> = {
  en: 'monday|tuesday|wednesday|thursday|friday|saturday|sunday',
  fr: 'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche',
  es: 'lunes|martes|miércoles|jueves|viernes|sábado|domingo',
  de: 'montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag',
  uk: "понеділок|вівторок|середу|четвер|п[ʼ'’]ятницю|суботу|неділю",
  ru: 'понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье',
}

/** The first of two days written with one month: the second is a date already, and so is the first. */
function dayLists(lex: Lexicon): RegExp {
  const day = '(?:[12]?\\d|3[01])\\.?'
  const months = lex.months.join('|')
  const weekday = `(?:(?:${WEEKDAYS[lex.code]}),?\\s+)?`
  return new RegExp(
    `(?<![\\p{L}\\d.,])${day}\\s+(?:${DAY_JOINERS[lex.code]})\\s+(?:(?:el|le|the|am|den)\\s+)?${weekday}${day}\\s+(?:(?:de|of)\\s+)?(?:${months})(?![\\p{L}])`,
    'giu',
  )
}
const SCORE_AFTER = /^\s*(?:win|victory|defeat|loss|draw|lead|scoreline|home|away|thrashing)\b/i

/** Spans (sorted, possibly overlapping) where numbers are not figures. */
export function findExclusions(text: string, lex: Lexicon): Span[] {
  const spans: Span[] = []
  for (const pattern of [
    ...PATTERNS,
    NUMBERED,
    dayLists(lex),
    designationRuns(lex),
    ...lex.exclusions,
    ...KINDS[lex.code].exclusions,
    ...NON_FIGURES[lex.code],
    ...NAMING_NUMBERS[lex.code],
    ...SERVICE_NUMBERS[lex.code],
  ]) {
    for (const m of text.matchAll(pattern)) spans.push({ start: m.index, end: m.index + m[0].length })
  }
  for (const m of text.matchAll(SCORE)) {
    const end = m.index + m[0].length
    if (
      SCORE_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index)) ||
      SCORE_AFTER.test(text.slice(end))
    )
      spans.push({ start: m.index, end })
  }
  return spans.sort((a, b) => a.start - b.start)
}

export const overlapsAny = (spans: Span[], start: number, end: number): boolean =>
  spans.some((s) => s.start < end && start < s.end)
