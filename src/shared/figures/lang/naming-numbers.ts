// Runs everywhere: numbers that name or rank rather than count, by kind, in every language where the kind is
// written (issue #13, detection round 14; lang/kinds.ts and lang/non-figures.ts hold the earlier kinds): a
// hotel's stars ("a five-star hotel", "hotel de tres estrellas", "un hôtel trois étoiles"), the "big four" of
// a trade, a number called or dialled ("call 111 for advice") and a house number after a street ("на
// Новослободской улице, 23", "вул. Шевченка, 14"). Emergency numbers are lang/service-numbers.ts.
import type { LanguageCode } from './types'

const B = '(?<![\\p{L}\\d])'
const E = '(?![\\p{L}\\d])'
const SP = '[\\s\\u00a0\\u202f]'
const re = (source: string): RegExp => new RegExp(source, 'giu')

/** "three or four stars", "tres o cuatro estrellas": the word joining two numbers of one kind. */
const OR = '(?:or|and|to|ou|et|à|o|y|a|oder|und|bis|або|чи|і|или|и)'

/** One number (digits or a small number word) followed by the kind's words: the number and its words. */
const numberThen = (numbers: string, words: string): RegExp =>
  re(`${B}(?:\\d{1,2}|${numbers})(?:${SP}+${OR}${SP}+(?:\\d{1,2}|${numbers}))?${SP}+(?:${words})${E}`)

/**
 * A capitalised number word inside a sentence, after a lower-case word and before a capitalised one, begins a
 * name: "la comarca de Tres Vegas", "село Три Криниці", "посёлок Две Реки" (French has its own rule, German reads
 * it in filters.ts; English is left out, as its headlines capitalise every word).
 */
const capitalisedName = (words: string): RegExp =>
  new RegExp(`(?<=\\p{Ll}${SP}+)(?:${words})(?=${SP}+\\p{Lu})`, 'gu')

/**
 * A number called or dialled, with nothing after it that it could count ("llamado al 1551 para otras gestiones",
 * "call 111 for advice"; not "called 300 voters"): a line's number.
 */
const dialled = (before: string, then: string): RegExp =>
  re(`(?<=${B}(?:${before})${SP}+)\\d{3,5}${E}(?=${SP}*(?:[.;:)]|,(?!\\d)|$)|${SP}+(?:${then})${E})`)

/** A house number ends its clause: "улице, 23;" (not "улице Ленина, 1500 человек"). */
const HOUSE_END = `(?=${SP}*(?:[,.;:)»"]|$))`

/** A house number after the word for a street and the street's name: "на Новослободской улице, 23". */
const houseNumber = (streets: string): RegExp =>
  re(
    `(?<=${B}(?:${streets})(?:${SP}+\\p{Lu}[\\p{L}'’-]*){1,2},${SP}*)\\d{1,4}(?:[-/]?\\p{Ll})?${E}${HOUSE_END}`,
  )
/** The street's name first: "Новослободской улице, 23" (the name is capitalised, the street word is not). */
const houseNumberAfterName = (streets: string): RegExp =>
  re(`(?<=\\p{Lu}[\\p{L}'’-]*${SP}+(?:${streets}),${SP}*)\\d{1,4}(?:[-/]?\\p{Ll})?${E}${HOUSE_END}`)

/**
 * A grade on a scale named by its number: a pay band, a care level, an alert tier ("band 5 nurses", "Pflegegrad
 * 3", "échelon 4", "категорії 2"). Not when a decimal part or a percent sign follows (an amount).
 */
const grade = (words: string): RegExp => re(`(?<=${B}(?:${words})${SP}+)\\d{1,2}${E}(?![.,]\\d|${SP}*%)`)

export const NAMING_NUMBERS: Readonly<Record<LanguageCode, readonly RegExp[]>> = {
  en: [
    grade(`band|grade|tier|key${SP}+stage`),
    re(`${B}(?:\\d|one|two|three|four|five|seven)-star${E}`),
    dialled(
      `(?:call|dial|ring|phone|text)(?:s|ed|ing|led|ling)?|(?:call|ring|phone)${SP}+on`,
      'for|to|and|or|if|with|from|free|any',
    ),
    re(`(?<=${B}the${SP}+)big${SP}+(?:three|four|five|six)${E}`),
  ],
  fr: [grade(`échelon|catégorie`), numberThen('une|un|deux|trois|quatre|cinq', 'étoiles?')],
  es: [
    grade(`nivel|categoría|grado`),
    numberThen('una|dos|tres|cuatro|cinco', 'estrellas?'),
    dialled(`(?:llam|marc)\\p{L}*${SP}+(?:al|el)|teléfono`, 'para|y|o|si|con|desde|en|gratuito'),
    capitalisedName('Una|Uno|Dos|Tres|Cuatro|Cinco|Seis|Siete|Ocho|Nueve|Diez|Once|Doce|Cien|Mil'),
  ],
  de: [grade('Entgeltgruppe|Besoldungsgruppe|Tarifgruppe|Pflegegrad|Pflegestufe|Warnstufe|Gehaltsstufe')],
  uk: [
    grade(`категорії|категорія|розряду|розряд`),
    capitalisedName("Один|Одна|Два|Дві|Три|Чотири|П['’]ять|Шість|Сім|Вісім|Дев['’]ять|Десять|Сто"),
    houseNumber('вул\\.|вулиц\\p{L}*|просп\\.|проспект\\p{L}*|бульвар\\p{L}*|провулк\\p{L}*|пров\\.'),
    houseNumberAfterName('вулиц\\p{L}*|проспект\\p{L}*|бульвар\\p{L}*|провулк\\p{L}*'),
  ],
  ru: [
    grade(`категории|категория|разряда|разряд`),
    capitalisedName('Один|Одна|Два|Две|Три|Четыре|Пять|Шесть|Семь|Восемь|Девять|Десять|Сто|Сорок'),
    houseNumber('ул\\.|улиц\\p{L}*|просп\\.|проспект\\p{L}*|бульвар\\p{L}*|переул\\p{L}*|пер\\.|шоссе'),
    houseNumberAfterName('улиц\\p{L}*|проспект\\p{L}*|бульвар\\p{L}*|переул\\p{L}*|шоссе'),
  ],
}
