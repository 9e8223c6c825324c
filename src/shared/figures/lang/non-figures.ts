// Runs everywhere: more stretches whose numbers are not figures, by kind, in every language where the kind is
// written (issue #13, detection round 11; lang/kinds.ts holds the earlier kinds): clock hours written with
// "h" ("à 17h"), ages given as a bound ("75 Jahre oder älter", "los mayores de 65", "the youngest 20, the
// oldest 61", "18- to 20-year-olds"), short names in quotes that hold a number (тариф «Дім 100», «Рапид 7
// из 49»), decimal section numbers ("guidance note 3.2", "Abschnitt 4.1"), a plan's number of points ("a
// 10-point plan"), a compound ordinal ("шістдесят другий обмін"), a frequency band ("la bande des 7 GHz").
import type { LanguageCode } from './types'

const B = '(?<![\\p{L}\\d])'
const E = '(?![\\p{L}\\d])'
const SP = '[\\s\\u00a0\\u202f]'
const re = (source: string, flags = 'giu'): RegExp => new RegExp(source, flags)

/** A scale word: a number with one is an amount, never a name's number ("„Loch von 40 Millionen“"). */
const SCALE =
  '(?:[Mm]illion|[Mm]illiard|[Bb]illion|[Mm]illones|[Mm]illón|Mio\\.|Mrd\\.|мільйон|мільярд|млн|млрд|тис|тыс|миллион|миллиард)'

/** A short name in quotes after a lower-case word, holding a number: тарифу «Дім 100», the "Home 100" plan. */
const QUOTED_NAME = re(
  `(?<=\\p{Ll}${SP}+)[«„“"]\\p{Lu}[\\p{L}'’-]*(?:${SP}+[\\p{L}\\d'’-]+){0,3},?${SP}+\\d+(?!${SP}+${SCALE})(?:${SP}+[\\p{L}\\d'’-]+){0,3}[»“”"]`,
  'gu',
)

/** A decimal section number after a word that names a part of a text (lower-case, as inside a sentence). */
const section = (words: string): RegExp => re(`(?<=${B}(?:${words})${SP}+)\\d{1,3}(?:\\.\\d{1,3})+${E}`)

/** An age as a bound: the age, the word for years, "or/and" and "older/younger". */
const ageBound = (years: string, or: string, older: string): RegExp =>
  re(`${B}\\d{1,3}${SP}+(?:(?:${years})${SP}+)?(?:${or})${SP}+(?:${older})${E}`)

/** The youngest and the oldest of a group: "Наймолодшому з них 20 років, найстаршому — 61". */
const eldest = (words: string, ofThem: string, years: string): RegExp =>
  re(
    `(?<=${B}(?:${words})\\p{L}*(?:${SP}+(?:${ofThem}))?${SP}*[—–-]?${SP}+)\\d{1,3}(?:${SP}+(?:${years}))?(?![\\p{L}\\d]|[.,]\\d|${SP}*%)`,
  )

/**
 * A time reference that measures how rare something is, not a quantity: "for the first time in 31 years", "the
 * lowest in fifteen years", "вперше за десять років" (like "a 41-year high"; decided in session 10). `before` is
 * what precedes the count (with any qualifier), `units` the words for years, decades, months.
 */
const firstIn = (before: string, units: string): RegExp =>
  re(`(?<=${B}(?:${before})${SP}+)(?:[\\p{L}\\d'’-]+${SP}+){1,3}?(?:${units})${E}`)

/** An age as a threshold: "älter als 75 Jahre", "older than 75", "старше 75 лет". */
const olderThan = (before: string, years: string): RegExp =>
  re(`(?<=${B}(?:${before})${SP}+)\\d{1,3}(?:${SP}+(?:${years}))?${E}(?![.,]\\d|${SP}*%)`)

const UK_TENS = "двадцять|тридцять|сорок|п['’]ятдесят|шістдесят|сімдесят|вісімдесят|дев['’]яносто"
const UK_ORDINAL =
  "(?:перш|друг|трет|четверт|п['’]ят|шост|сьом|восьм|дев['’]ят)(?:ий|ій|а|я|е|є|ого|ього|ому|ьому|ої|ьої|у|ю)"
const RU_TENS = 'двадцать|тридцать|сорок|пятьдесят|шестьдесят|семьдесят|восемьдесят|девяносто'
const RU_ORDINAL =
  '(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят)(?:ый|ой|ий|ая|ья|ое|ье|ого|ьего|ому|ьему|ую|ью|ом|ьем)'

/** A band of the radio spectrum named by its frequency: "la bande des 7 GHz", "the 3.5 GHz band". */
const BAND = '(?:[KMG]Hz|ГГц|МГц)'

/** A ranking's top ten in Ukrainian and Russian: an ordinal or "в/у/до" before the noun "десятка". */
const TOP_TEN = re(
  `(?<=${B}(?:перв|втор|трет|перш|друг)\\p{L}*${SP}+)десятк\\p{L}*${E}|(?<=${B}(?:в|во|у)${SP}+)(?:десятку|десятці|десятке)${E}|(?<=${B}до${SP}+)десятки${E}(?=${SP}+(?:найкращ|найбільш|кращ|лучш|крупнейш|сильнейш)\\p{L}*)`,
)

export const NON_FIGURES: Readonly<Record<LanguageCode, readonly RegExp[]>> = {
  en: [
    QUOTED_NAME,
    firstIn(
      `(?:first|only)${SP}+time${SP}+in|(?:highest|lowest|biggest|largest|smallest|worst|best|fastest|slowest|strongest|weakest)(?:${SP}+(?:level|rate|figure|total|number|reading))?${SP}+(?:in|for)|first${SP}+(?:\\p{L}+${SP}+)?in${SP}+(?:more${SP}+than|over|almost|nearly)`,
      'years|decades|months',
    ),
    olderThan(`(?:older|younger)${SP}+than`, `years(?:${SP}+old)?`),
    re(`${B}one${SP}+way${E}`),
    section('note|section|clause|paragraph|chapter|annex|rule|point|item|table|figure|appendix'),
    ageBound(`years(?:${SP}+old)?`, 'or|and', 'older|younger|over|under'),
    re(`${B}\\d{1,3}-${SP}+(?:to|and)${SP}+\\d{1,3}-year-olds?${E}`),
    re(
      `${B}(?:\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve)-point${SP}+(?=(?:\\p{L}+${SP}+)?(?:plan|programme|program|agenda|strategy|charter|list)${E})`,
    ),
    eldest('youngest|oldest', `of${SP}+them`, `years?(?:${SP}+old)?`),
    re(`${B}\\d+(?:[.,]\\d+)?${SP}*${BAND}${SP}+(?=band${E})`),
    // a local phone number after the word for a line: "its non-emergency line, 555-0142"
    re(`(?<=${B}(?:line|number|phone|hotline|helpline|tel\\.?)[,:]?${SP}+)\\d{3}-\\d{4}${E}`),
  ],
  fr: [
    QUOTED_NAME,
    firstIn(
      `(?:première|seule)${SP}+fois${SP}+(?:en|depuis)(?:${SP}+(?:plus${SP}+de|près${SP}+de))?|(?:plus${SP}+(?:haut|bas)|record)${SP}+depuis(?:${SP}+(?:plus${SP}+de|près${SP}+de))?`,
      'ans|années|décennies|mois',
    ),
    section('note|section|point|paragraphe|annexe|chapitre|article'),
    // a clock hour: "publiées mercredi à 17h", "attendait depuis 7h", "vers 16h" (not "48 h de grève")
    re(
      `(?<=${B}(?:à|vers|dès|depuis|jusqu['’]à|avant)${SP}+)(?:[01]?\\d|2[0-3])${SP}?h${E}(?!${SP}*(?:de|d['’])${E})`,
    ),
    // a clock hour in words: "la publicité après 20 heures", "à 8 heures" (not "après 20 heures de grève")
    re(
      `(?<=${B}(?:à|vers|dès|après|avant|jusqu['’]à)${SP}+)(?:[01]?\\d|2[0-3])${SP}+heures?${E}(?!${SP}*(?:de|d['’])${E})`,
    ),
    ageBound('ans', 'et|ou', `plus${SP}+(?:âgés|jeunes)`),
    // an age as a bound: "ceux qui ont commencé à travailler avant 20 ans", "dès 16 ans"
    re(
      `(?<=${B}(?:travailler|commencé|retraite|partir)${SP}+(?:\\p{L}+${SP}+){0,2}?(?:avant|dès)${SP}+)\\d{1,2}${SP}+ans${E}`,
    ),
    re(`(?<=${B}(?:bande|bandes)${SP}+(?:des|de|du)${SP}+)\\d+(?:[.,]\\d+)?${SP}*${BAND}`),
    // an article's structure in its title: "la réforme en six questions", "le budget en dix chiffres"
    re(
      `(?<=${B}en${SP}+)(?:\\d{1,2}|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze)${SP}+(?:questions|points|chiffres|dates|graphiques|cartes)(?=${SP}*$)`,
      'gimu',
    ),
  ],
  es: [
    QUOTED_NAME,
    firstIn(
      `(?:primera|única)${SP}+vez${SP}+(?:en|desde${SP}+hace)(?:${SP}+(?:más${SP}+de|casi))?|(?:más${SP}+(?:alto|alta|bajo|baja)|récord)${SP}+en(?:${SP}+(?:más${SP}+de|casi))?`,
      'años|décadas|meses',
    ),
    section('nota|sección|apartado|punto|anexo|capítulo|artículo'),
    ageBound('años', 'o|y', `más${SP}+(?:mayores|jóvenes)|mayores`),
    // "los mayores de 65 seguirán viajando gratis", "las menores de 18"
    re(
      `(?<=${B}(?:los|las)${SP}+(?:mayores|menores)${SP}+de${SP}+)\\d{1,3}(?![\\d.,]|${SP}*(?:%|mil|millones|euros|€))`,
    ),
    re(`(?<=${B}banda${SP}+de${SP}+(?:los${SP}+)?)\\d+(?:[.,]\\d+)?${SP}*${BAND}`),
    re(
      `(?<=${B}en${SP}+)(?:\\d{1,2}|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce)${SP}+(?:preguntas|claves|puntos|datos|gráficos|mapas)(?=${SP}*$)`,
      'gimu',
    ),
  ],
  de: [
    QUOTED_NAME,
    firstIn(
      `(?:zum${SP}+ersten${SP}+Mal|erstmals|erstmalig)${SP}+seit(?:${SP}+(?:mehr${SP}+als|über|fast|knapp))?|(?:höchsten|niedrigsten|tiefsten)${SP}+(?:\\p{L}+${SP}+)?seit(?:${SP}+(?:mehr${SP}+als|über|fast))?`,
      'Jahren|Jahrzehnten|Monaten',
    ),
    olderThan(`(?:älter|jünger)${SP}+als`, 'Jahre'),
    section('Abschnitt|Ziffer|Punkt|Kapitel|Anhang|Anlage|Randnummer|Nummer|Tabelle|Abbildung'),
    // "Rund 85 Prozent der Toten seien 75 Jahre oder älter gewesen"
    ageBound('Jahre', 'oder|und', 'älter|jünger'),
    re(`${B}\\d+(?:[.,]\\d+)?${SP}*${BAND}-Band${E}`),
  ],
  uk: [
    QUOTED_NAME,
    firstIn(
      // "перша така перевірка за 18 років": the first of its kind, with up to two words before "за"
      `(?:(?:вперше|уперше)|перш(?:ий|а|е|ого|ої|ому|ій|у)(?:${SP}+\\p{L}+){0,2}?)${SP}+за(?:${SP}+(?:понад|майже|більш${SP}+ніж|більше${SP}+ніж))?`,
      'рок\\p{L}*|років|літ|десятиліт\\p{L}*|місяц\\p{L}*|місяців',
    ),
    olderThan(`(?:старш|молодш)\\p{L}*(?:${SP}+за)?`, 'рок\\p{L}*|рік'),
    section('пункт|пункту|пунктом|розділ|розділу|додаток|додатку|глава|глави|статт[яіею]'),
    ageBound('рок[иів]', 'і|й|та|або', 'старш\\p{L}*|молодш\\p{L}*'),
    eldest('наймолодш|найстарш', `з${SP}+них`, 'рік|роки|років'),
    re(`${B}(?:${UK_TENS})${SP}+${UK_ORDINAL}${E}`),
    // a ranking's top ten: "вошёл в первую десятку", "потрапив до десятки найкращих" (a rank, not ten of something)
    TOP_TEN,
  ],
  ru: [
    QUOTED_NAME,
    firstIn(
      // "первая инвентаризация за 18 лет": the first of its kind, with up to two words before "за"
      `(?:впервые|перв(?:ый|ая|ое|ого|ой|ому|ую|ом)(?:${SP}+\\p{L}+){0,2}?)${SP}+за(?:${SP}+(?:более${SP}+чем|почти|свыше|последние))?`,
      'лет|год\\p{L}*|десятилет\\p{L}*|месяц\\p{L}*',
    ),
    olderThan('старше|моложе|младше', 'лет|года?'),
    section('пункт|пункта|пунктом|раздел|раздела|приложение|приложения|глава|главы|стать[яиеюей]'),
    ageBound('лет|года?', 'и|или', 'старше|младше|моложе'),
    eldest(`самому${SP}+молод|самому${SP}+стар|младш|старш`, `из${SP}+них`, 'год|года|лет'),
    re(`${B}(?:${RU_TENS})${SP}+${RU_ORDINAL}${E}`),
    // a ranking's top ten: "вошёл в первую десятку", "потрапив до десятки найкращих" (a rank, not ten of something)
    TOP_TEN,
  ],
}
