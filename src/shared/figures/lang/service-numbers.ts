// Runs everywhere: emergency and service numbers are lines to call, not figures ("the 112 emergency line",
// "llame al 112", "Notruf 110", "Телефон служби порятунку — 101"). One kind (issue #13): each language gives its
// numbers and the words that call, name or describe them, and the same rules read them in all six. Read by
// exclusions.ts beside the language's other kinds (lang/kinds.ts, lang/non-figures.ts, lang/naming-numbers.ts).
import type { LanguageCode } from './types'

const B = '(?<![\\p{L}\\d])'
const E = '(?![\\p{L}\\d])'
const SP = '[\\s\\u00a0\\u202f]'
const re = (source: string, flags = 'giu'): RegExp => new RegExp(source, flags)
/**
 * After a named number, what makes it an amount and not a line, in every language: a decimal part, a percent
 * sign, a scale word ("rose to 112.5 million euros", "на 101 млн", "sur 112 milliards").
 */
const AMOUNT = `[.,]\\d|${SP}*%|${SP}+(?:million|billion|trillion|thousand|bn|mn|millions?|milliards?|millones|millón|mil|Mio|Mrd|Millionen|Million|Milliarden?|тис|тисяч|млн|млрд|мільйон|мільярд|миллион|миллиард|тысяч)`

/** A language's service numbers and their cue words, each an alternation for a regular expression. */
type ServiceNumberWords = {
  /** The emergency and service numbers of the language's countries, read after a clear cue. */
  numbers: string
  /** Words that call or name a number, up to two words before it: "dial the 112", "appelez le 15". */
  call: string
  /** Words right after a number that say it is a line: "the 112 emergency line", "101 служба". */
  line: string
  /**
   * The numbers everyone knows as lines, read on a weaker cue. Fewer than `numbers`: after "le", 15 or 17 is a
   * day of the month, never the ambulance or the police.
   */
  known: string
  /** Words right before a known number that name it: "el 112", "Notruf 110", "за номером 112", "to 911". */
  named: string
  /** Words right after a known number that say it is a line, the words left out of the span: "911 dispatchers". */
  knownThen?: string
  /**
   * Articles before a known number with no noun after it (German: nouns are capitalised, so the rule is case
   * sensitive): "Über die 112 gingen 410.000 Anrufe ein", "unter der 110".
   */
  article?: string
  /** The word for a telephone, a few words and a dash before a known number: "Телефон служби порятунку — 101". */
  phone?: string
}

/** The patterns of one language: spans whose numbers are service numbers. */
function serviceNumbers(w: ServiceNumberWords): RegExp[] {
  const patterns = [
    re(`${B}(?:${w.call})${SP}+(?:\\p{L}+${SP}+){0,2}?(?:${w.numbers})${E}(?![.,]\\d)`),
    re(`(?<![\\p{L}\\d.,])(?:${w.numbers})${SP}+(?:${w.line})${E}`),
    re(`(?<=${B}(?:${w.named})${SP}+)(?:${w.known})${E}(?!${AMOUNT})`),
  ]
  if (w.knownThen) patterns.push(re(`${B}(?:${w.known})(?=${SP}+(?:${w.knownThen})${E})`))
  if (w.article)
    patterns.push(
      re(`(?<=${B}(?:${w.article})${SP}+)(?:${w.known})${E}(?![.,]\\d|${SP}*%|${SP}+\\p{Lu})`, 'gu'),
    )
  if (w.phone)
    patterns.push(
      re(`(?<=${B}${w.phone}\\p{L}*(?:${SP}+\\p{L}+){0,3}${SP}*[—–:-]?${SP}*)(?:${w.known})${E}(?![.,]\\d)`),
    )
  return patterns
}

const WORDS: Readonly<Record<LanguageCode, ServiceNumberWords>> = {
  en: {
    numbers: '112|911|999|000|101|111',
    call: 'calls?|called|calling|ring|dial|dialled|dialing|dialling|hotline|helpline|number',
    line: 'emergency|hotline|helpline|line|number|service',
    known: '911|999|112',
    // "callers to 911", "dialled 999"
    named: 'to|on|dial(?:l?ed|l?ing)?|call(?:ed|ing)?|than',
    // "911 dispatchers", "999 calls" (not "112 calls a day", which counts)
    knownThen: `callers?|calls?(?!${SP}+(?:an?|per|each|every)${SP}+\\p{L})|lines?|dispatch\\p{L}*|operators?|cent(?:re|er)s?|system|service`,
  },
  fr: {
    numbers: '112|15|17|18|114|115|119|3114',
    call: 'appels?|appeler|appelez|appelant|composer|composez|composant|numéro',
    line: 'numéro|urgences?|ligne|standard',
    known: '112|3919|114|115|119',
    named: `le|au|composer${SP}+le|appeler${SP}+le`,
  },
  es: {
    numbers: '112|091|092|061|062|016|024',
    call: 'teléfono|número|línea|emergencias|llamadas?|llamar|llame|llamen|llamó|marcar|marque',
    line: `de${SP}+emergencias|emergencias|gratuito`,
    known: '112|091|092|062|061|016',
    named: 'el|al|del',
  },
  de: {
    numbers: '110|112|116[\\s\\u00a0]?117|19222',
    call: 'Notruf|Notrufnummer|Rufnummer|Hotline|Telefonnummer|Nummer|Anrufe|Anrufen|wählen|wählte|anrufen',
    line: 'anrufen|wählen|Notruf|Hotline',
    known: '112|110|116117',
    named: 'Notruf|Notrufnummer',
    article: `[Dd]ie|[Dd]er|[Üü]ber${SP}+die|[Uu]nter${SP}+der`,
  },
  uk: {
    numbers: '101|102|103|104|112|1545',
    call: 'номер|номером|телефон|телефоном|лінія|лінії|дзвінки|дзвінків|зателефонувати|телефонуйте|дзвоніть',
    line: 'лінія|лінії|служба|служби',
    known: '112|101|102|103|104|1545',
    named: 'номер|номером|лінію|лінія',
    phone: 'телефон',
  },
  ru: {
    numbers: '101|102|103|104|112|122',
    call: 'номер|номеру|телефон|телефону|линия|линии|звонки|звонков|позвонить|звоните|позвоните',
    line: 'линия|линии|служба|службы',
    known: '112|101|102|103|104',
    named: 'номер|номеру|номером|линию',
    phone: 'телефон',
  },
}

/** Per language, the spans (global regular expressions) whose numbers are emergency or service numbers. */
export const SERVICE_NUMBERS: Readonly<Record<LanguageCode, readonly RegExp[]>> = {
  en: serviceNumbers(WORDS.en),
  fr: serviceNumbers(WORDS.fr),
  es: serviceNumbers(WORDS.es),
  de: serviceNumbers(WORDS.de),
  uk: serviceNumbers(WORDS.uk),
  ru: serviceNumbers(WORDS.ru),
}
