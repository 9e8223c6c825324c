// Runs everywhere: kinds of figures and non-figures that every language writes in its own words, in one table
// so the six languages stay alike (issue #13, round 7): negative numbers ("minus 12", "мінус 5"), half a scale
// word ("half a billion", "полмиллиарда"), verbs of change by their stem (after which "до 70" is no "up to"),
// and stretches whose numbers are not figures: fixed terms ("24 heures sur 24"), numbered references ("salle
// n° 2", "Art. 28", "L. 2242-1") and clock times in words ("um halb drei"); emergency numbers are a kind of
// their own (lang/service-numbers.ts). Read by `code` beside the language's profile (lang/<code>.ts).
import type { LanguageCode } from './types'

export type LanguageKinds = {
  /** Words that make the number right after them negative: "minus", "moins", "мінус". */
  minus: readonly string[]
  /** Words before a minus word that make it no sign: "or minus", "plus ou moins", "au moins". */
  notMinusAfter: readonly string[]
  /**
   * "half a billion", "un demi-milliard", "полмиллиарда", "пів мільярда": half of a scale word written after
   * `words` or glued to one of `prefixes` ("полмиллиарда", "полумиллиарда").
   */
  half: { words: readonly string[]; prefixes?: readonly string[]; scales: Readonly<Record<string, number>> }
  /** Stems of verbs of change ("скоротиться", "ограничивают"): "до" after them means "to", not "up to". */
  changeStems?: RegExp
  /**
   * How a plural noun ends, where a number that looks like a year counts only the plural noun right after it
   * ("plus de 1800 arrestations", but "la récolte 2026 devrait"); absent where cases decide instead.
   */
  plural?: RegExp
  /**
   * Words that are verbs by their ending and end a counted noun phrase after its noun: "120 тысяч доз
   * поступят", "312 salariés touchaient", "Десятки господарств скаржаться".
   */
  verbs?: RegExp
  /** After a measure, a yield per hectare: "42 hectolitres par hectare" → `hectolitres per hectare`. */
  perHectare: readonly string[]
  /** Spans whose numbers are not figures in this language (global regular expressions). */
  exclusions: readonly RegExp[]
}

const B = '(?<![\\p{L}\\d])'
const E = '(?![\\p{L}\\d])'
const SP = '[\\s\\u00a0\\u202f]'
const re = (source: string, flags = 'giu'): RegExp => new RegExp(source, flags)

/**
 * An age after a name and a comma, with the language's word for years: "Julien et Sarah Morvan, 34 et 31 ans,",
 * "Наталія Бойко, 41 рік," (English "Smith, 64," is read everywhere, in exclusions.ts).
 */
const ageAfterName = (and: string, years: string): RegExp =>
  re(
    `(?<=\\p{Lu}\\p{Ll}+,${SP})\\d{1,3}(?:${SP}+(?:${and})${SP}+\\d{1,3})?${SP}+(?:${years})(?=${SP}*[,.;)—–])`,
  )

/**
 * Ages of a group of people: a person noun, a word for over, under or between, and the age ("педагогів до 30
 * років", "Arbeitslose über 50", "adultos de entre 40 y 75 años"); `years` may follow.
 */
const agesOf = (persons: string, words: string, years: string, and: string, yearsOptional = false): RegExp =>
  re(
    `(?<=${B}(?:${persons})${SP}+(?:${words})${SP}+)\\d{1,3}(?![.,]?\\d|${SP}*%${yearsOptional ? `|${SP}+(?!${years})\\p{Lu}` : ''})(?:${SP}+(?:${and})${SP}+\\d{1,3})?(?:${SP}+(?:${years}))${yearsOptional ? '?' : ''}${E}`,
    yearsOptional ? 'gu' : 'giu', // (\p{Lu} is any letter under the i flag)
  )

/**
 * The term of a loan, a bond or a contract, not a quantity: "the 10-year gilt yield", "three-month copper",
 * "l'OAT à 10 ans", "el bono a diez años", "10-річні облігації", "десятилетних ОФЗ".
 */
const TENOR_NOUNS =
  'fixed|fix|mortgages?|loans?|leases?|bonds?|gilts?|notes?|bills?|treasur(?:y|ies)|yields?|swaps?|futures|euribor|libor|sonia|sofr|copper|aluminium|aluminum|nickel|zinc|Bunds?|T-bills?'

/**
 * A reference to a part of a text — an article or part of a code, a volume, a page or a page range: "p. 12",
 * "pp. 4–19", "art. 5", "S. 12", "ч. 4 ст. 159", "т. 12, с. 4–19". `abbreviations` are the language's, each
 * written before its dot.
 */
const references = (abbreviations: string): RegExp =>
  re(`${B}(?:${abbreviations})\\.${SP}*\\d+[a-z]?(?:${SP}*[-–]${SP}*\\d+)?${E}`, 'gu')

/**
 * A person described by age after "of": "une retraitée de 78 ans", "un hombre de 45 años" — an indefinite
 * article, a person noun (`persons`, the language's common ones, either gender) and the age.
 */
const ageOfPerson = (articles: string, persons: string, of: string, years: string): RegExp =>
  re(`(?<=${B}(?:${articles})${SP}+(?:${persons})${SP}+(?:${of})${SP}+)\\d{1,3}${SP}+(?:${years})${E}`)

/**
 * An age said with "was" or given to the youngest or the oldest: "учасникові було 41 рік", "найстаршому — 87
 * років", "ему было 45 лет", "младшему — 12 лет".
 */
const ageWasOrEldest = (was: string, eldest: string, years: string): RegExp[] => [
  re(`(?<=${B}(?:${was})${SP}+)\\d{1,3}${SP}+(?:${years})${E}`),
  re(`(?<=${B}(?:${eldest})\\p{L}*${SP}*[—–-]?${SP}+)\\d{1,3}${SP}+(?:${years})${E}`),
]

const EN_SCALES = { million: 1e6, billion: 1e9, trillion: 1e12 }

export const KINDS: Readonly<Record<LanguageCode, LanguageKinds>> = {
  en: {
    minus: ['minus'],
    perHectare: ['per hectare', 'a hectare'],
    notMinusAfter: ['or', 'plus'],
    plural: /[^s]s$/,
    half: { words: ['half a', 'a half'], scales: EN_SCALES },
    exclusions: [
      references('p|pp|vol|art|para|sec|ch|fig|Vol|Art|Sec|Fig'),
      re(`${B}(?:24|twenty-four)${SP}+hours${SP}+a${SP}+day${E}`),
      re(`${B}[\\p{L}\\d]+-(?:year|month|week)${SP}+(?=(?:\\p{Lu}\\p{L}*${SP}+)?(?:${TENOR_NOUNS})${E})`),
      // the same number twice: one-on-one talks, one by one
      re(`${B}one(?:-on-|-to-|${SP}+by${SP}+)one${E}`),
      re(`${B}(?:20|40|twenty|forty)-(?:foot|ft)${E}`),
      re(`${B}(?:7|seven)${SP}+days${SP}+a${SP}+week${E}`),
      re(`${B}365${SP}+days${SP}+a${SP}+year${E}`),
      re(`${B}(?:11|eleven)${SP}+(?:against|v|vs\\.?)${SP}+(?:11|eleven)${E}`),
      // clock times as a span: from 10 to 11 o'clock
      re(`${B}(?:from|between)${SP}+\\d{1,2}${SP}+(?:to|and|until)${SP}+\\d{1,2}${SP}+o['’]clock${E}`),
      // clock times in words: half past three, a quarter to five
      re(
        `${B}(?:half|(?:a${SP}+)?quarter)${SP}+(?:past|to)${SP}+(?:\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)${E}`,
      ),
    ],
  },
  fr: {
    minus: ['moins'],
    perHectare: ['par hectare', "à l'hectare", 'à l’hectare', "l'hectare", 'l’hectare'],
    plural: /[sx]$/,
    verbs: /^\p{L}{2,}(?:aient|ait|èrent|eront|eraient)$/u,
    notMinusAfter: ['ou', 'au', 'du', 'pas', 'le', 'les', 'la', 'en', 'plus', 'un', 'bien', 'beaucoup'],
    half: { words: ['un demi', 'une demie', 'une demi'], scales: { million: 1e6, milliard: 1e9 } },
    exclusions: [
      references('p|pp|art|al|t|vol|chap|fig|Art'),
      ageOfPerson(
        'un|une',
        'homme|femme|garçon|fille|enfant|bébé|adolescente?|jeune|retraitée?|conducteur|conductrice|motard|piétonn?e?|patiente?|habitante?|employée?|salariée?|étudiante?|agricultrice|agriculteur|ouvrière?|mère|père',
        'de',
        'ans',
      ),
      re(`${B}24${SP}*(?:heures|h)${SP}+sur${SP}+24${E}`),
      re(
        `(?<=${B}(?:OAT|taux|obligations?|emprunts?|bons|Bunds?|Euribor)${SP}+(?:\\p{L}+${SP}+){0,2}?à${SP}+)(?:\\d{1,2}|deux|trois|cinq|sept|dix|quinze|vingt|trente)${SP}+(?:ans|mois)${E}`,
      ),
      re(`${B}(?:un|une)${SP}+(?:à|par)${SP}+(?:un|une)${E}`),
      re(`${B}conteneurs?${SP}+de${SP}+(?:20|40|vingt|quarante)${SP}+pieds${E}`),
      // "le neuf" is new housing, not nine: "Le neuf souffre", "du neuf", "refait à neuf"
      re(
        `(?<=${B}(?:le|du|à)${SP}+)neuf(?=${SP}*[.,;:!?)]|${SP}+(?!(?:heures?|ans|mois|jours|pour|sur|cent|mille)${E})\\p{Ll}+(?<![sx])${E})`,
      ),
      // a street or a square named after a date: "rue du 8-Mai-1945", "place du 19-Mars-1962"
      re(
        `${B}\\d{1,2}-(?:Janvier|Février|Mars|Avril|Mai|Juin|Juillet|Août|Septembre|Octobre|Novembre|Décembre)(?:-\\d{4})?${E}`,
        'gu',
      ),
      ageAfterName('et', 'ans'),
      agesOf(
        'les|des|personnes|jeunes|salariés|femmes|hommes|enfants|adultes|retraités|patients|habitants|seniors',
        `(?:de${SP}+)?(?:plus|moins)${SP}+de|âgés${SP}+de|de`,
        'ans',
        'à|et',
      ),
      re(`${B}(?:7|sept)${SP}+jours${SP}+sur${SP}+(?:7|sept)${E}`),
      re(`${B}365${SP}+jours${SP}+par${SP}+an${E}`),
      // playing at full strength: "un match à 11 contre 11", "à dix contre onze"
      re(`(?<=${B}à${SP}+)(?:\\d{1,2}|dix|onze|neuf)${SP}+contre${SP}+(?:\\d{1,2}|dix|onze|neuf)${E}`),
      // clock times as a span: "entre 23 h et 5 h", "de 22 heures à 6 heures"
      re(
        `${B}(?:entre|de|dès)${SP}+\\d{1,2}${SP}*h(?:eures?)?${SP}+(?:et|à|jusqu['’]à)${SP}+\\d{1,2}${SP}*h(?:eures?)?${E}`,
      ),
      // articles of a code: "l'article L. 2242-1", "R. 4121-1"
      re(`(?<![\\p{L}\\d])[LRD]\\.?${SP}?\\d{1,4}(?:-\\d+)+`, 'gu'),
    ],
  },
  es: {
    minus: ['menos'],
    perHectare: ['por hectárea', 'la hectárea'],
    plural: /s$/,
    notMinusAfter: ['al', 'lo', 'más', 'mucho', 'poco', 'no', 'o', 'los', 'las', 'el', 'la', 'a'],
    half: { words: ['medio'], scales: { millón: 1e6, millardo: 1e9, billón: 1e12 } },
    exclusions: [
      references('p|pp|pág|págs|art|vol|cap|fig|Art'),
      ageOfPerson(
        'un|una',
        'hombre|mujer|niño|niña|bebé|joven|adolescente|anciano|anciana|jubilado|jubilada|conductor|conductora|motorista|peatón|vecino|vecina|paciente|trabajador|trabajadora|agricultor|agricultora|madre|padre',
        'de',
        'años',
      ),
      re(`${B}24${SP}+horas${SP}+(?:al|del)${SP}+día${E}`),
      re(
        `(?<=${B}(?:bonos?|deuda|letras|obligaciones|Euríbor|euríbor|hipotecas?|préstamos?)${SP}+(?:\\p{L}+${SP}+){0,2}?a${SP}+)(?:\\d{1,2}|dos|tres|cinco|diez|doce|quince|veinte|treinta)${SP}+(?:años|meses)${E}`,
      ),
      re(`${B}(?:uno|una)${SP}+(?:a|por)${SP}+(?:uno|una)${E}`),
      re(`${B}contenedores?${SP}+de${SP}+(?:20|40|veinte|cuarenta)${SP}+pies${E}`),
      ageAfterName('y', 'años'),
      agesOf(
        'adultos|personas|jóvenes|mujeres|hombres|niños|niñas|pacientes|mayores|menores|trabajadores|pensionistas|ciudadanos',
        `(?:de${SP}+)?(?:entre|más${SP}+de|menos${SP}+de)|de`,
        'años',
        'y|a',
      ),
      re(`${B}(?:7|siete)${SP}+días${SP}+(?:a|de)${SP}+la${SP}+semana${E}`),
      re(`${B}365${SP}+días${SP}+(?:al|del)${SP}+año${E}`),
      re(`${B}(?:11|once)${SP}+contra${SP}+(?:11|once)${E}`),
      // clock times as a span: "entre las 23 y las 5 horas", "de las 8 a las 14"
      re(
        `${B}(?:entre|de|desde)${SP}+las${SP}+\\d{1,2}(?:[.:]\\d{2})?${SP}+(?:y|a|hasta)${SP}+las${SP}+\\d{1,2}(?:[.:]\\d{2})?(?:${SP}+horas)?${E}`,
      ),
    ],
  },
  de: {
    minus: ['minus'],
    notMinusAfter: ['plus', 'oder'],
    perHectare: ['pro hektar', 'je hektar'],
    half: {
      words: ['eine halbe', 'einer halben', 'einen halben', 'halbe'],
      scales: { million: 1e6, milliarde: 1e9 },
    },
    exclusions: [
      references('S|Abb|Tab|Fn|Rn|Rz'),
      re(`${B}24${SP}+Stunden${SP}+am${SP}+Tag${E}`),
      re(`${B}eins${SP}+zu${SP}+eins${E}`),
      re(`${B}(?:20|40)-Fuß${E}`),
      agesOf(
        'Arbeitslose|Arbeitslosen|Menschen|Personen|Kinder|Kindern|Jugendliche|Jugendlichen|Beschäftigte|Beschäftigten|Frauen|Männer|Männern|Erwachsene|Erwachsenen|Senioren|Bewerber|Bewerberinnen',
        'über|unter|ab',
        'Jahren?',
        'bis|und',
        true,
      ),
      // an age in brackets after a name: "Anna Keller (52)"
      re(`(?<=\\p{Lu}\\p{Ll}+${SP}\\()\\d{1,3}(?=\\))`, 'gu'),
      re(`${B}(?:7|sieben)${SP}+Tage${SP}+(?:die|pro|in${SP}+der)${SP}+Woche${E}`),
      // clock times in words: um halb drei, Viertel nach acht, gegen drei viertel neun
      re(
        `${B}(?:halb|[Vv]iertel${SP}+(?:nach|vor)|drei${SP}?[Vv]iertel)${SP}+(?:\\d{1,2}|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)${E}(?!${SP}*(?:Prozent|%|Millionen|Milliarden))`,
      ),
      // numbered references: Art. 28, Abs. 3, Ziff. 4, Nr. 5
      re(`${B}(?:Art|Abs|Ziff|lit|Nr|Bd|Kap)\\.${SP}*\\d+[a-z]?${E}`),
    ],
  },
  uk: {
    minus: ['мінус'],
    perHectare: ['з гектара', 'на гектар', 'з 1 га', 'з га'],
    verbs: /^\p{L}{2,}(?:ли|ла|ло|лися|лася|лось|ться|ються|тимуть|ють|ять|уть)$/u,
    notMinusAfter: ['плюс', 'або', 'чи'],
    half: { words: ['пів'], prefixes: ['пів'], scales: { мільйона: 1e6, мільярда: 1e9, трильйона: 1e12 } },
    changeStems:
      /^(?:скорот|скороч|зменш|знизи|зниж|знизя|збільш|зрост|зрос|зріс|обмеж|впад|впа|підвищ|підня|підіймає|опуска|опусти|падає|паде|потепл|похолод)\p{L}*$/u,
    exclusions: [
      references('с|стор|ст|ч|т|п|пп|розд|гл|абз|вип'),
      ...ageWasOrEldest(
        'було|виповнилося|виповнилось',
        'наймолодш|найстарш|наймолодш|молодш|старш',
        'рік|роки|років',
      ),
      re(`${B}24${SP}+години${SP}+на${SP}+добу${E}`),
      // clock times as a span: "з 23 до 5 години", "з 22 до 6 ранку" (an evening hour to a morning one;
      // "скоротився з 38 до 21 години" is no clock: 38 is no hour)
      re(`${B}з${SP}+(?:[01]?\\d|2[0-4])${SP}+до${SP}+(?:[01]?\\d|2[0-4])${SP}+(?:години|ранку|вечора)${E}`),
      re(
        `(?:${B}\\d{1,2}-|${B}\\p{L}+)річн\\p{L}*(?=${SP}+(?:облігац|ОВДП|євробонд|бонд|іпотек|кредит)\\p{L}*)`,
      ),
      re(`${B}(?:один|одна)${SP}+(?:на|за)${SP}+(?:один|одним|одна|одною|однією)${E}`),
      re(`${B}(?:20|40)-футов\\p{L}*`),
      ageAfterName('і|й|та', 'рік|роки|років'),
      agesOf(
        'педагогів|вчителів|учителів|людей|осіб|дітей|жінок|чоловіків|працівників|громадян|пацієнтів|респондентів|пенсіонерів|молоді|українців',
        `до|від|понад|старше|старших${SP}+за|молодше|молодших${SP}+за|віком${SP}+(?:до|від|понад)`,
        'років|роки|рік',
        'до|і|та',
      ),
      re(`(?<=${B}(?:кому|тих,?${SP}+кому|яким)${SP}+(?:за|понад|до)${SP}+)\\d{1,3}${E}(?!${SP}*(?:%|\\d))`),
      re(`${B}з${SP}+(?:1[89]|2[0-3])${SP}+до${SP}+0?\\d${SP}+годин\\p{L}*`),
      re(`${B}(?:7|сім)${SP}+днів${SP}+на${SP}+тиждень${E}`),
      // a ticket "в один бік" (one way)
      re(`${B}в${SP}+один${SP}+бік${E}`),
    ],
  },
  ru: {
    minus: ['минус'],
    perHectare: ['с гектара', 'на гектар', 'с 1 га', 'с га'],
    verbs: /^\p{L}{2,}(?:ли|ла|ло|лись|лась|лось|ться|тся|ют|ят|ут)$/u,
    notMinusAfter: ['плюс', 'или'],
    half: {
      words: ['пол'],
      prefixes: ['полу', 'пол'],
      scales: { миллиона: 1e6, миллиарда: 1e9, триллиона: 1e12 },
    },
    changeStems:
      /^(?:сократ|сокращ|уменьш|сниз|сниж|увелич|вырос|выраст|растёт|растет|огранич|упад|упал|повыс|повыш|подня|опуст|опуска|пада|потепл|похолод)\p{L}*$/u,
    exclusions: [
      references('с|стр|ст|ч|т|п|пп|разд|гл|абз|вып'),
      ...ageWasOrEldest('было|исполнилось', `самому${SP}+молод|самому${SP}+стар|младш|старш`, 'год|года|лет'),
      re(`${B}24${SP}+часа${SP}+в${SP}+сутки${E}`),
      re(
        `(?:${B}\\d{1,2}-|${B}\\p{L}+)летн\\p{L}*(?=${SP}+(?:облигац|ОФЗ|еврооблигац|бонд|ипотек|кредит)\\p{L}*)`,
      ),
      re(`${B}(?:один|одна)${SP}+(?:на|за)${SP}+(?:один|одним|одна|другим|другой)${E}`),
      re(`${B}(?:20|40)-футов\\p{L}*`),
      ageAfterName('и', 'год|года|лет'),
      agesOf(
        'педагогов|учителей|людей|лиц|детей|женщин|мужчин|работников|граждан|пациентов|респондентов|пенсионеров|молодежи|молодёжи|россиян',
        `до|от|старше|моложе|в${SP}+возрасте${SP}+(?:до|от|старше)`,
        'лет|года|год',
        'до|и',
      ),
      re(`(?<=${B}(?:кому|тех,?${SP}+кому)${SP}+(?:за|больше|до)${SP}+)\\d{1,3}${E}(?!${SP}*(?:%|\\d))`),
      // clock times as a span: "с 23 до 5 часов", "с 8 до 11 утра" (an evening hour to a morning one)
      re(`${B}с${SP}+\\d{1,2}${SP}+до${SP}+\\d{1,2}${SP}+(?:утра|вечера|ночи)${E}`),
      re(`${B}с${SP}+(?:1[89]|2[0-3])${SP}+до${SP}+0?\\d${SP}+час\\p{L}*`),
      re(`${B}(?:7|семь)${SP}+дней${SP}+в${SP}+неделю${E}`),
      // a ticket "в одну сторону" (one way)
      re(`${B}в${SP}+одну${SP}+сторону${E}`),
    ],
  },
}

/** Numbered references in every language: "salle n° 2", "informe n.º 7", "№ 5", "No. 4". */
export const NUMBERED = /(?:(?<![\p{L}\d])[Nn](?:\.\s?)?[°º]|№|(?<![\p{L}\d])[Nn][ºo]\.)\s*\d+(?:[-–]\d+)?/gu
