// Runs everywhere: Spanish: a full stop groups thousands (10.456,5), a comma marks decimals, "%" and "€"
// follow the number, "un"/"una" is an article far more often than a count, and dates, times and ages are
// written "3 de junio", "a las 9.15", "de 52 años".
import {
  isSpanishNumberWord,
  normalizeSpanishDigits,
  parseSpanishNumberWords,
  SPANISH_NUMBERS,
} from './es-numbers'
import { ES_MONTH, ES_WEEKDAY, findSpanishPeriods } from './es-periods'
import { esSpeech } from './es-speech'
import {
  ES_CASUALTY_WORDS,
  ES_CHANGE_WORDS,
  ES_COMMON_VERBS,
  ES_COMPARATIVES,
  ES_CURRENCY_PREFIXES,
  ES_CURRENCY_SUFFIXES,
  ES_DESIGNATION_KEYWORDS,
  ES_MONEY_SCALES,
  ES_MONTHS,
  ES_QUALIFIERS,
  ES_SCALE_WORDS,
  ES_STOP_WORDS,
  ES_VAGUE,
} from './es-words'
import { ES_MEASURES, ES_PERCENT_WORDS } from './es-units'
import type { Lexicon } from './types'

const SP = '[\\s\\u00a0\\u202f]'
const DAY = '(?:1\\.?[ºo°]|[12]\\d|3[01]|0?[1-9])'
const SMALL =
  '(?:\\d{1,3}|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|cien)'
const TIME_UNIT = '(?:años|año|meses|mes|semanas|días|horas|minutos|décadas|siglos)'
const HOUR = '(?:[01]?\\d|2[0-4]|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)'
const B = '(?<![\\p{L}\\d])'
const E = '(?![\\p{L}\\d])'
/** Before a period a figure is compared with: "más que (en)", "que en", "frente a", "respecto al". */
// a bare "que en" compares ("el doble que en 2019"), not after a verb of saying ("explicó que en 2025 …")
const COMPARED =
  '(?:(?:más|menos|mayor(?:es)?|menor(?:es)?|superior(?:es)?|inferior(?:es)?|doble|triple|igual)\\s+(?:\\p{L}+\\s+)?que|(?<!(?:explicó|dijo|afirmó|aseguró|señaló|indicó|informó|anunció|declaró|detalló|precisó|recordó|añadió|destacó|reconoció|estima|calcula|cree|prevé|espera|sabe|ver|dice|explica|afirma|asegura|señala|indica)\\s+)que(?=\\s+(?:en|durante)\\s))'
const VERSUS = '(?:respecto\\s+(?:a|al|de)|frente\\s+(?:a|al)|comparado\\s+con|en\\s+comparación\\s+con)'
const re = (source: string, flags = 'giu'): RegExp => new RegExp(source, flags)

export const es: Lexicon = {
  code: 'es',
  numberPatterns: SPANISH_NUMBERS,
  normalizeDigits: normalizeSpanishDigits,
  qualifiers: ES_QUALIFIERS,
  currencyPrefixes: ES_CURRENCY_PREFIXES,
  currencySuffixes: ES_CURRENCY_SUFFIXES,
  scaleWords: ES_SCALE_WORDS,
  moneyScales: ES_MONEY_SCALES,
  vague: ES_VAGUE,
  of: ['de'],
  percentWords: ES_PERCENT_WORDS,
  measures: ES_MEASURES,
  parseNumberWords: parseSpanishNumberWords,
  isNumberWord: isSpanishNumberWord,
  // 1º, 2ª, 3er, 1ra, 2do, 4to, 5G (a capital G is a network generation)
  ordinalSuffix: /^(?:º|ª|o|a|os|as|er|ero|era|ra|do|da|to|ta|vo|va|no|na|mo|ma|G)$/,
  ago: ['atrás', 'antes', 'después', 'más tarde'],
  months: ES_MONTHS,
  exclusions: [
    // dates: 3 de junio, el 28 de mayo de 2023, 3 jun, los días 5 y 6 de marzo, marzo de 2021, el jueves 14
    re(
      `(?<![\\p{L}\\d])${DAY}(?:${SP}*(?:y|al|-|–|,)${SP}*${DAY})*${SP}+(?:de${SP}+)?${ES_MONTH}(?![\\p{L}])(?:${SP}+(?:de|del)${SP}+\\d{4})?`,
    ),
    re(`(?<![\\p{L}\\d])${ES_MONTH}${SP}+(?:de|del)${SP}+\\d{4}${E}`),
    re(
      `${B}${ES_WEEKDAY}${SP}+(?:día${SP}+)?(?:3[01]|[12]\\d|0?[1-9])${E}(?![.,]\\d)(?!${SP}+(?!(?:de|del|y|a|al|hasta|en)${E})\\p{L})`,
    ),
    // times: a las 9.15, 21.40 horas, 7h30, las 20 horas, a las tres de la tarde
    re(`${B}(?:[01]?\\d|2[0-4])[.:h][0-5]\\d${E}(?![.,]\\d)(?:${SP}*(?:horas|h|hrs?)${E})?`),
    re(
      `(?<=${B}(?:a|hasta|desde|sobre|hacia|son|eran|era|antes\\s+de|después\\s+de|pasadas)${SP}+las?${SP}+)${HOUR}${E}(?![.,]\\d)(?:${SP}+(?:horas|de${SP}+la${SP}+(?:mañana|tarde|noche|madrugada)|y${SP}+media|y${SP}+cuarto|menos${SP}+cuarto|(?:y|menos)${SP}+(?:cinco|diez|veinte|veinticinco|[0-5]?\\d)${E}|en${SP}+punto))?`,
    ),
    re(
      `${B}(?:[01]?\\d|2[0-4])${SP}+horas${SP}+(?:del|de${SP}+la)${SP}+(?:mañana|tarde|noche|madrugada|${ES_WEEKDAY})`,
    ),
    // numbered lists and versions: "1. La reforma…", Android 14.1.2
    /^[ \t]*\d{1,2}[.)](?=\s)/gm,
    /\b\d{1,2}\.\d{1,2}(?:\.\d{1,3})+\b/g,
    // decades: los años 60, los años sesenta, la década de los 90
    re(`${B}años${SP}+(?:\\d{2}|veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)${E}`),
    re(`${B}década${SP}+de${SP}+(?:los${SP}+)?\\d{2,4}${E}`),
    // phone numbers: 942 208 400, 91 123 45 67, llame al 112, teléfono de emergencias 112
    /\b[6-9]\d{2}(?:[ \u00a0]\d{3}){2}\b|\b[6-9]\d{1,2}(?:[ \u00a0]\d{2,3}){3}\b/g,
    re(`${B}(?:teléfono|tel\\.|móvil|whatsapp)(?:${SP}+(?:de${SP}+)?\\p{L}+)?${SP}+\\d{3,}`),
    re(`${B}(?:llamar|llame|llamen|llamando|marcar|marque)${SP}+al${SP}+\\d{3,}`),
    // ages: Andrés Lobera, 64 años; de 52 años; con 71 años; a los 67 años; quien tiene 45
    re(`(?<=\\p{Lu}[\\p{L}'’-]+,${SP})\\d{1,3}${SP}+años${E}`, 'gu'),
    re(
      `(?<=${B}(?:de|con|a${SP}+los|hasta${SP}+los|desde${SP}+los|los|las|mayores${SP}+de|menores${SP}+de|más${SP}+de|menos${SP}+de)${SP}+)${SMALL}${SP}+años${E}(?!${SP}+(?:de|en|más|menos|después|antes|atrás|seguidos|consecutivos))`,
    ),
    // "una camarera de 58 años de Puerto Lirio": an age followed by where the person is from
    re(`(?<=${B}(?:de|con)${SP}+)\\d{1,3}${SP}+años(?=${SP}+de${SP}+\\p{Lu})`, 'gu'),
    re(
      `${B}(?:tiene|tienen|tenía|tenían|tengo|cumple|cumplió|cumplirá|cumplía)${SP}+(?:ya${SP}+)?${SMALL}(?:${SP}+años${E}|(?=${SP}*[,.;]|${SP}+(?:se|y|cuando|no)${E}))`,
    ),
    // a time reference, not a quantity: hace tres años, dentro de veinte años, un crédito a 10 años
    re(
      `${B}(?:hace|dentro${SP}+de)${SP}+(?:(?:más|menos|casi|poco)${SP}+de${SP}+|unos${SP}+|unas${SP}+|casi${SP}+)?[\\p{L}\\d]+${SP}+${TIME_UNIT}${E}`,
    ),
    re(
      `(?<=${B}(?:crédito|créditos|préstamo|préstamos|hipoteca|hipotecas|bono|bonos|obligaciones|letras|deuda)${SP}+a${SP}+)${SMALL}${SP}+(?:años|meses)${E}`,
    ),
    // kilometre posts of a road: entre los kilómetros 182 y 205, el punto kilométrico 23
    re(
      `${B}(?:kilómetros?|km|pk|punto${SP}+kilométrico)${SP}+\\d+(?:,\\d+)?(?:${SP}*(?:y|al|a|-|–)${SP}*\\d+(?:,\\d+)?)?`,
    ),
    // scores: ganó 3-1, empate 2-2
    re(
      `(?<=${B}(?:ganó|gana|ganaron|perdió|pierde|perdieron|empató|venció|derrotó|goleó|cayó|impuso|victoria|derrota|empate|resultado|marcador)${E}[^.!?]{0,30})\\d{1,2}${SP}*[-–]${SP}*\\d{1,2}${E}`,
    ),
    // street addresses: calle Vargas, 12; avenida de la Constitución 3
    re(
      `${B}(?:[Cc]alle|[Cc]/|[Aa]venida|[Aa]vda\\.|[Aa]v\\.|[Pp]laza|[Pp]aseo|[Rr]onda|[Tt]ravesía|[Gg]lorieta|[Cc]amino|[Pp]asaje|[Rr]ambla)${SP}+(?:(?:de|del|la|las|los|el|y)${SP}+|\\p{Lu}[\\p{L}'’.-]*${SP}+){0,5}?\\p{Lu}[\\p{L}'’.-]*,?${SP}+(?:n[.º°]+${SP}*)?\\d{1,4}${E}`,
      'gu',
    ),
    // idioms and sums: cuatro gatos (hardly anyone), dos más dos son cuatro
    re(`${B}cuatro${SP}+gatos${E}`),
    re(
      `${B}(?:\\d+|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)${SP}+(?:más|menos|por|entre)${SP}+(?:\\d+|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)${SP}+(?:son|es|da|dan|igual${SP}+a|siguen${SP}+siendo|sigue${SP}+siendo)${SP}+(?:\\d+|\\p{L}+)${E}`,
    ),
  ],
  stopWords: ES_STOP_WORDS,
  commonVerbs: ES_COMMON_VERBS,
  designationKeywords: ES_DESIGNATION_KEYWORDS,
  casualtyWords: ES_CASUALTY_WORDS,
  changeWords: ES_CHANGE_WORDS,
  comparatives: ES_COMPARATIVES,
  range: {
    between: ['entre'],
    and: ['y'],
    from: ['de', 'desde', 'del'],
    to: ['a', 'al', 'hasta'],
    or: ['o', 'u'],
    ratio: ['de cada'],
  },
  one: [],
  anaphoric: [
    'los',
    'las',
    'estos',
    'estas',
    'esos',
    'esas',
    'aquellos',
    'aquellas',
    'sus',
    'nuestros',
    'nuestras',
  ],
  speech: esSpeech,
  period: {
    chrono: 'es',
    phrases: findSpanishPeriods,
    joiner: /^\s*(?:a|al|hasta|hasta\s+el|-|–|—)\s*$/i,
    and: /^\s*y\s*(?:(?:el|la)\s+)?$/i,
    partOfMonth: /^(?:(?:a|en)\s+)?(?:principios|comienzos|inicios|mediados|finales|fines)\b/i,
    since: /\b(?:desde|a\s+partir\s+de)\s+(?:(?:el|la|los)\s+)?$/i,
    between: /\b(?:entre|de|desde|del)\s+(?:(?:el|la)\s+)?$/i,
    duration: /^(?:durante|en|dentro|desde\s+hace|hace|por|tras|después|a\s+lo\s+largo)\b/i,
    // chrono's Spanish parser reads a bare weekday forwards (weekdays are read by findSpanishPeriods), and
    // "49 años" or "16 horas" as that long from now
    relative:
      /^ahora$|\b(?:antes|después|más\s+tarde|hace|lunes|martes|miércoles|jueves|viernes|sábado|domingo|mañana|tarde|noche|madrugada|mediodía|segundos?|minutos?|horas?|días?|semanas?|mes|meses|años?|décadas?)\b/i,
    // "un 10,3 % más que en el mismo mes de 2023", "por debajo de la de 2023", "la cifra más alta desde 2008"
    comparison: new RegExp(
      `(?:${B}${COMPARED}\\s+(?:(?:en|a|durante)\\s+)?(?:tod[oa]s?\\s+)?(?:\\p{L}+\\s+){0,4}?|${B}${VERSUS}\\s+(?:\\p{L}+\\s+){0,8}?|${B}(?:el|la|los|las)\\s+(?:de|del)\\s+|${B}(?:más\\s+\\p{L}+|mayor|menor|máximo|mínimo|récord)\\s+(?:desde|de)\\s+(?:(?:el|la)\\s+)?)$`,
      'iu',
    ),
    // when a statement was made, not what its figures cover: "publicados este lunes", "Madrid, 3 jun (EFE).-"
    said: new RegExp(
      `(?:(?:publicad|difundid|presentad|divulgad|facilitad|conocid)[oa]s?|informó|anunció|explicó|dijo|declaró|aseguró|afirmó|señaló|indicó|comunicó|publicó|presentó|aprobó|difundió|detalló|precisó)\\s+(?:(?:este|esta|el|la)\\s+(?:pasad[oa]\\s+)?(?:${ES_WEEKDAY}|mañana|tarde|noche)|ayer|hoy)(?![\\p{L}\\d])|^[\\p{Lu}][\\p{L} ]+,\\s+\\d{1,2}\\s+(?:de\\s+)?${ES_MONTH}(?![\\p{L}])(?:\\s+\\([^)]*\\))?\\s*\\.?-?`,
      'giu',
    ),
  },
  nouns: { capitalised: false, skippedFirst: ['más', 'nuevos', 'nuevas', 'otros', 'otras'], maxWords: 1 },
}
