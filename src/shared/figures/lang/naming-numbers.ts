// Runs everywhere: numbers that name or rank rather than count, by kind, in every language where the kind is
// written (issue #13, detection round 14; lang/kinds.ts and lang/non-figures.ts hold the earlier kinds): a
// hotel's stars ("a five-star hotel", "hotel de tres estrellas", "un hôtel trois étoiles"), the "big four" of
// a trade, an emergency number ("el 112", "die 110", "за номером 112") and a house number
// after a street ("на Новослободской улице, 23", "вул. Шевченка, 14").
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

/** An emergency number after a word that calls or names it (never followed by what it would count). */
const emergency = (before: string, numbers: string): RegExp =>
  re(`(?<=${B}(?:${before})${SP}+)(?:${numbers})${E}(?![.,]\\d|${SP}*%)`)

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

/** A service number after the word for a telephone, a few words and a dash: "Телефон служби порятунку — 101". */
const phoneLine = (numbers: string): RegExp =>
  re(`(?<=${B}телефон\\p{L}*(?:${SP}+\\p{L}+){0,3}${SP}*[—–:-]?${SP}*)(?:${numbers})${E}(?![.,]\\d)`)

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

export const NAMING_NUMBERS: Readonly<Record<LanguageCode, readonly RegExp[]>> = {
  en: [
    re(`${B}(?:\\d|one|two|three|four|five|seven)-star${E}`),
    dialled(
      `(?:call|dial|ring|phone|text)(?:s|ed|ing|led|ling)?|(?:call|ring|phone)${SP}+on`,
      'for|to|and|or|if|with|from|free|any',
    ),
    re(`(?<=${B}the${SP}+)big${SP}+(?:three|four|five|six)${E}`),
  ],
  fr: [
    numberThen('une|un|deux|trois|quatre|cinq', 'étoiles?'),
    emergency(`le|au|composer${SP}+le|appeler${SP}+le`, '112|3919|114|115|119'),
  ],
  es: [
    numberThen('una|dos|tres|cuatro|cinco', 'estrellas?'),
    emergency('el|al|del', '112|091|092|062|061|016'),
    dialled(`(?:llam|marc)\\p{L}*${SP}+(?:al|el)|teléfono`, 'para|y|o|si|con|desde|en|gratuito'),
    capitalisedName('Una|Uno|Dos|Tres|Cuatro|Cinco|Seis|Siete|Ocho|Nueve|Diez|Once|Doce|Cien|Mil'),
  ],
  de: [
    emergency('Notruf|Notrufnummer', '112|110|116117'),
    // "Über die 112 gingen 410.000 Anrufe ein", "unter der 110": the line, when no noun follows (nouns are capitals)
    new RegExp(
      `(?<=${B}(?:[Dd]ie|[Dd]er|[Üü]ber${SP}+die|[Uu]nter${SP}+der)${SP}+)(?:112|110|116117)${E}(?![.,]\\d|${SP}*%|${SP}+\\p{Lu})`,
      'gu',
    ),
  ],
  uk: [
    emergency('номер|номером|лінію|лінія', '112|101|102|103|104|1545'),
    // "Телефон служби порятунку — 101"
    phoneLine('112|101|102|103|104|1545'),
    capitalisedName("Один|Одна|Два|Дві|Три|Чотири|П['’]ять|Шість|Сім|Вісім|Дев['’]ять|Десять|Сто"),
    houseNumber('вул\\.|вулиц\\p{L}*|просп\\.|проспект\\p{L}*|бульвар\\p{L}*|провулк\\p{L}*|пров\\.'),
    houseNumberAfterName('вулиц\\p{L}*|проспект\\p{L}*|бульвар\\p{L}*|провулк\\p{L}*'),
  ],
  ru: [
    emergency('номер|номеру|номером|линию', '112|101|102|103|104'),
    phoneLine('112|101|102|103|104'),
    capitalisedName('Один|Одна|Два|Две|Три|Четыре|Пять|Шесть|Семь|Восемь|Девять|Десять|Сто|Сорок'),
    houseNumber('ул\\.|улиц\\p{L}*|просп\\.|проспект\\p{L}*|бульвар\\p{L}*|переул\\p{L}*|пер\\.|шоссе'),
    houseNumberAfterName('улиц\\p{L}*|проспект\\p{L}*|бульвар\\p{L}*|переул\\p{L}*|шоссе'),
  ],
}
