// Runs everywhere: where a figure's period is read from besides its own sentence (labelling conventions v2,
// README "Figures"): the earlier sentences of its paragraph, the line that opens its list, the question a Q&A
// answer replies to, the one reference period a release or report states in its title or lead; and the two
// readings that depend on the words around a period: a forecast "this year" is the whole year while "this
// year" so far ends on the article's date, and a figure compared with "a year earlier" or "the same period of
// 2024" takes that period.
import type { Day } from './dates'
import { addMonths, lastDayOfMonth } from './dates'
import { isRow } from './period-rows'
import type { Compared } from './period-shift'
import type { Sentence } from './sentences'

/** A list item: "1. Norway", "2) …", "- …", "• …". */
const LIST_ITEM = /^(?:\d{1,2}[.)]|[-•–—])\s/

/** A question of a Q&A interview ("P.", "Q:", "— … ?") and an answer ("R.", "A:", "— …"). */
const QUESTION = /^(?:[PQВ][.:]|(?:Pregunta|Question|Вопрос|Питання|Frage)\s*:)\s|\?["»”]?$/u
const ANSWER = /^(?:[RAОВ][.:]|(?:Respuesta|Réponse|Answer|Ответ|Відповідь|Antwort)\s*:|[—–-])\s/u

type Paragraph = { first: number; last: number }

function paragraphs(sentences: Sentence[]): Paragraph[] {
  const found: Paragraph[] = []
  sentences.forEach((s, i) => {
    const p = found[s.paragraph]
    if (p === undefined) found[s.paragraph] = { first: i, last: i }
    else p.last = i
  })
  return found
}

const range = (p: Paragraph | undefined, reverse = true): number[] => {
  if (p === undefined) return []
  const all = Array.from({ length: p.last - p.first + 1 }, (_, k) => p.first + k)
  return reverse ? all.reverse() : all
}

/**
 * The sentences a figure's period may come from, in order: its own, the earlier ones of its paragraph
 * (nearest first), the line ending in ":" that opens the list its paragraph belongs to, and, for an answer
 * of a Q&A interview, the question before it (its last sentence first).
 */
export function periodSources(text: string, sentences: Sentence[], at: number): number[] {
  const paras = paragraphs(sentences)
  const here = sentences[at].paragraph
  const line = (i: number): string => text.slice(sentences[i].start, sentences[i].end).trim()
  // a list item (conventions §18) takes its own words, else its list's lead line: never a sibling item; a
  // table's row ("Nord: 612.400 (561.800)") takes the lead before its rows, whether or not it ends in ":"
  const row = isRow(line(at))
  const item = LIST_ITEM.test(line(at)) || row
  const earlier = range(paras[here]).filter((i) => i < at)
  const lead = earlier.find((i) => !LIST_ITEM.test(line(i)) && !isRow(line(i)))
  const order = item
    ? [at, ...(lead !== undefined && (row || /:\s*$/.test(line(lead))) ? [lead] : [])]
    : [at, ...earlier]
  const body = (k: number): string => {
    const p = paras[k]
    return p === undefined ? '' : text.slice(sentences[p.first].start, sentences[p.last].end).trim()
  }
  // "Entre las principales inversiones previstas para 2025 figuran las siguientes:" then "1. …", "2. …"
  let k = here
  while (k > 0 && (LIST_ITEM.test(body(k)) || isRow(body(k)))) k--
  if (k < here && (/:\s*$/.test(body(k)) || (row && k > 0))) order.push(...range(paras[k]))
  // an answer takes the period its question asked about ("— … в прошлом году?" → "— 1 146.")
  if (here > 1 && ANSWER.test(body(here)) && QUESTION.test(body(here - 1)) && !QUESTION.test(body(here)))
    order.push(...range(paras[here - 1]))
  return order.filter((i, n, all) => all.indexOf(i) === n)
}

/** The figure's sentence is an item of a list ("- 212 фотоловушек;", "• Abono: 189 euros", "2. …"). */
export const isListItem = (text: string, sentences: Sentence[], at: number): boolean => {
  const line = text.slice(sentences[at].start, sentences[at].end).trim()
  return LIST_ITEM.test(line) || isRow(line)
}

/**
 * A statistics release, a quarterly or annual report, a results release: its title or lead says so. Such a
 * piece states one reference period that a paragraph without a period of its own refers to.
 */
const RELEASE =
  /statisti|estad[íi]stic|report\b|rapport|informe|Bericht|звіт|отч[её]т|results|résultats|resultados|Ergebnis|quarter|trimestre|Quartal|квартал|за\s+підсумками|по\s+итогам|chiffre\s+d['’]affaires|revenue|Umsatz|виручк|выручк|\bInsee\b|\bINE\b|Landesamt|Росстат|Держстат|Destatis|unemploy|jobless|labou?r\s+market|chômage|demandeurs\s+d['’]emploi|\bparo\b|desempleo|Arbeitsmarkt|Arbeitslos|безробіт|безработ|ranking|classement|clasificación|Rangliste|рейтинг|bulletin|boletín|Lagebericht|заболеваемост|захворюван|(?:за|по)\s+данным\s+за|дані\s+за|\baccounts\b|\bbilan\b|comptes\s+annuels|cuentas\s+anuales|memoria\s+anual|Bilanz|Jahresabschluss|підсумк|итог|результат|звітн|отч[её]тн|(?:according\s+to|selon|según|nach|за|по)\s+(?:[\p{L}'’]+\s+){0,2}(?:figures|data|chiffres|données|datos|cifras|notas|Zahlen|Daten|даними|данным|данными)(?![\p{L}])/iu

/** The words of a title and lead that say the piece is a release, a report or results (`RELEASE`). */
export const isRelease = (words: string): boolean => RELEASE.test(words)

/** The sentences of the title and the lead (the first paragraph after the title), in reading order. */
export function releaseLead(text: string, sentences: Sentence[]): number[] | undefined {
  const paras = paragraphs(sentences)
  const lead = [...range(paras[0], false), ...range(paras[1], false)]
  const words = lead.map((i) => text.slice(sentences[i].start, sentences[i].end)).join(' ')
  return isRelease(words) ? range(paras[1], false) : undefined
}

/** "This year", "this month", "this quarter" in the six languages. */
const THIS_PERIOD =
  /\bthis\s+(?:year|month|quarter)\b|\bcette\s+année\b|\bce\s+(?:mois|trimestre)\b|(?<!\p{L})(?:este|el\s+presente)\s+(?:año|mes|trimestre|ejercicio)(?!\p{L})|\bdies(?:em|es|en)\s+(?:Jahr|Monat|Quartal)|\blaufenden\s+Jahr|(?<!\p{L})(?:цього\s+(?:року|місяця|кварталу)|цьогоріч|поточного\s+року|у\s+цьому\s+(?:році|місяці|кварталі)|(?:в|за)\s+(?:этом|текущем|нынешнем)\s+(?:году|месяце|квартале)|этого\s+года|текущего\s+года)(?!\p{L})/iu

/**
 * A forecast, a plan, a target or a budget for the period ("expects", "prévoit", "prevé", "erwartet",
 * "планує", "ожидает", a future tense): its "this year" is the whole year.
 */
const FORECAST: Readonly<Record<string, RegExp>> = {
  en: /\b(?:expect\w*|forecast\w*|project\w*|plan\w*|target\w*|budget\w*|aim\w*|guidance|outlook|will|would|'ll|shall|set\s+to|on\s+course)\b/i,
  fr: /(?<!\p{L})(?:prévoi\p{L}*|prévision\p{L}*|prévu\p{L}*|objectif\p{L}*|budget\p{L}*|table\s+sur|vis\p{L}*|anticip\p{L}*|attend\p{L}*|devr\p{L}*|pourr\p{L}*|ser[ao]\p{L}*|\p{L}{3,}(?:era|ira|ront|erai|irai|erons|irons))(?!\p{L})/iu,
  es: /(?<!\p{L})(?:prev\p{L}*|objetivo\p{L}*|presupuest\p{L}*|esper\p{L}*|confía\p{L}*|plane\p{L}*|planifica\p{L}*|pronóstic\p{L}*|\p{L}{3,}(?:rá|rán)|\p{L}{2,}[aei]remos|\p{L}{2,}[aei]ré)(?!\p{L})/iu,
  de: /(?<!\p{L})(?:erwart\p{L}*|rechne\p{L}*|Prognose\p{L}*|prognostiz\p{L}*|plan\p{L}*|Ziel\p{L}*|Budget\p{L}*|budgetiert|Haushalt\p{L}*|Etat|wird|werde|werden|soll|sollen|voraussichtlich)(?!\p{L})/iu,
  uk: /(?<!\p{L})(?:план\p{L}*|прогноз\p{L}*|очіку\p{L}*|бюджет\p{L}*|передбач\p{L}*|потреб\p{L}*|потрібн\p{L}*|закладен\p{L}*|буде|будуть|буду|будемо|сягне|сягнуть|\p{L}+тим(?:е|уть)|зросте|збільшиться)(?!\p{L})/iu,
  ru: /(?<!\p{L})(?:план\p{L}*|прогноз\p{L}*|ожида\p{L}*|бюджет\p{L}*|потребу\p{L}*|заложен\p{L}*|будет|будут|буду|будем|составит|составят|рассчитыва\p{L}*|намерен\p{L}*|превысит|достигнет)(?!\p{L})/iu,
}

/** A forecast, a plan, a target or a budget in the sentence (`FORECAST`): its periods run whole. */
export const plansAhead = (sentence: string, lang: string): boolean =>
  (FORECAST[lang] ?? FORECAST.en).test(sentence) || (HARVEST.test(sentence) && !SO_FAR_WORDS.test(sentence))

/** A harvest of the year ("урожай в 2026 году составил", "la cosecha de 2026"): the season's whole year. */
const HARVEST =
  /(?<!\p{L})(?:урожа[йюяе]\p{L}*|врожа[йюяе]\p{L}*|harvest(?:ed)?|récolte|cosecha|Ernte)(?!\p{L})/iu
const SO_FAR_WORDS =
  /(?<!\p{L})(?:so\s+far|already|jusqu['’]ici|déjà|hasta\s+ahora|ya|bislang|bisher|bereits|поки\s+що|вже|уже|пока\s+что)(?!\p{L})/iu

/**
 * A verb that looks ahead: a future tense, "expects", "prevé", "erwartet", "планує" (narrower than `FORECAST`:
 * no nouns, so "planned treatment" or "esperando" say nothing about when).
 */
const AHEAD: Readonly<Record<string, RegExp>> = {
  en: /\b(?:will|would|'ll|shall|expects?|expected\s+to|forecasts?|(?:is|are)\s+set\s+to|plans?\s+to|aims?\s+to)\b/i,
  fr: /(?<!\p{L})(?:prévoit|prévoient|doit|doivent|table\s+sur|\p{L}{3,}(?:era|eront|ira|iront))(?!\p{L})/iu,
  es: /(?<!\p{L})(?:prevé|prevén|(?<!(?:la|una|de)\s)espera|esperan|\p{L}{3,}(?:rá|rán)|\p{L}{2,}[aei]remos)(?!\p{L})/iu,
  de: /(?<!\p{L})(?:wird|werden|soll|sollen|erwartet|erwarten|rechnet|rechnen|plant|planen)(?!\p{L})/iu,
  uk: /(?<!\p{L})(?:буде|будуть|очікує|очікують|планує|планують|прогнозує|прогнозують|\p{L}+тим(?:е|уть))(?!\p{L})/iu,
  ru: /(?<!\p{L})(?:будет|будут|ожидает|ожидают|планирует|планируют|прогнозирует|составит|составят)(?!\p{L})/iu,
}

/** The sentence looks ahead (a future tense, a forecast verb), and the period phrase is not "this …". */
export const isForecast = (sentence: string, lang: string, phrase: string): boolean =>
  (AHEAD[lang] ?? AHEAD.en).test(sentence) &&
  !/^(?:this|cette?|este|esta|dies\p{L}*|цьо\p{L}*|ці\p{L}*|эт\p{L}*|в\s+эт\p{L}*|у\s+цьо\p{L}*)\s/iu.test(
    phrase,
  )

/**
 * "This year" read against the words of its sentence: a forecast's is the whole year (month, quarter), the
 * rest runs from the period's start to the article's date.
 */
export function thisPeriod(
  phrase: string,
  sentence: string,
  lang: string,
  from: Day,
  to: Day,
  ref: Day | undefined,
): { from: Day; to: Day } | undefined {
  if (ref === undefined || !THIS_PERIOD.test(phrase)) return undefined
  const unit = /month|mois|mes(?!\p{L})|Monat|місяц|месяц/iu.test(phrase)
    ? 'month'
    : /quarter|trimestre|Quartal|квартал/iu.test(phrase)
      ? 'quarter'
      : 'year'
  const start: Day =
    unit === 'year'
      ? { year: ref.year, month: 1, day: 1 }
      : unit === 'month'
        ? { year: ref.year, month: ref.month, day: 1 }
        : { year: ref.year, month: ref.month - ((ref.month - 1) % 3), day: 1 }
  if (from.year !== start.year || from.month !== start.month || from.day !== 1) return undefined
  void to
  const forecast = (FORECAST[lang] ?? FORECAST.en).test(sentence)
  if (!forecast) return { from: start, to: ref }
  const last = unit === 'year' ? addMonths(start, 11) : unit === 'quarter' ? addMonths(start, 2) : start
  return { from: start, to: { ...last, day: lastDayOfMonth(last.year, last.month) } }
}

/**
 * What a figure is compared with, right after it and before any other figure: "a year earlier",
 * "hace un año", "годом ранее" (the year before), "a week earlier", "неделей ранее" (the week before), "a
 * month earlier" (the month before), and "the same period of 2024", "im Vorjahreszeitraum", "аналогичный
 * период 2024 года" (the sentence's period in that year). `length` is how far the words run from the figure.
 */

const GAP = String.raw`[^\d.;!?]{0,60}?`
const SHIFTS: { re: RegExp; shift: (m: RegExpMatchArray) => Compared['shift'] }[] = [
  {
    re: new RegExp(
      String.raw`^${GAP}(?<![\p{L}])(?:a\s+year\s+(?:earlier|before|ago)|the\s+previous\s+year|un\s+an\s+plus\s+t[ôo]t|il\s+y\s+a\s+un\s+an|l['’]an(?:née)?\s+(?:précédente|dernière|passée)|un\s+año\s+antes|hace\s+un\s+año|el\s+año\s+(?:anterior|pasado)|ein\s+Jahr\s+(?:zuvor|davor|früher)|vor\s+einem\s+Jahr|Vorjahr(?:es)?|годом\s+ранее|год\s+назад|прошлом\s+году|роком\s+раніше|рік\s+тому|торік)(?![\p{L}])`,
      'iu',
    ),
    shift: () => ({ years: -1 }),
  },
  {
    re: new RegExp(
      String.raw`^${GAP}(?<![\p{L}])(?:two\s+years\s+(?:earlier|before|ago)|deux\s+ans\s+plus\s+t[ôo]t|il\s+y\s+a\s+deux\s+ans|hace\s+dos\s+años|dos\s+años\s+antes|vor\s+zwei\s+Jahren|zwei\s+Jahre\s+(?:zuvor|davor|früher)|два\s+года\s+назад|двумя\s+годами\s+ранее|два\s+роки\s+тому|двома\s+роками\s+раніше)(?![\p{L}])`,
      'iu',
    ),
    shift: () => ({ years: -2 }),
  },
  {
    re: new RegExp(
      String.raw`^${GAP}(?<![\p{L}])(?:a\s+decade\s+(?:earlier|before|ago)|ten\s+years\s+(?:earlier|before|ago)|une\s+décennie\s+plus\s+t[ôo]t|dix\s+ans\s+plus\s+t[ôo]t|il\s+y\s+a\s+dix\s+ans|una\s+década\s+antes|diez\s+años\s+antes|hace\s+(?:una\s+década|diez\s+años)|ein\s+Jahrzehnt\s+(?:zuvor|davor|früher)|zehn\s+Jahre\s+(?:zuvor|davor|früher)|vor\s+(?:einem\s+Jahrzehnt|zehn\s+Jahren)|десятиліттям\s+раніше|десять\s+років\s+тому|десятилетием\s+ранее|десять\s+лет\s+назад)(?![\p{L}])`,
      'iu',
    ),
    shift: () => ({ years: -10 }),
  },
  {
    re: new RegExp(
      String.raw`^${GAP}(?<![\p{L}])(?:a\s+week\s+(?:earlier|before|ago)|the\s+previous\s+week|une\s+semaine\s+plus\s+t[ôo]t|la\s+semaine\s+(?:précédente|d['’]avant)|la\s+semana\s+anterior|una\s+semana\s+antes|eine\s+Woche\s+(?:zuvor|davor|früher)|vor\s+einer\s+Woche|Vorwoche|неделей\s+ранее|неделю\s+назад|тиждень\s+тому|тижнем\s+раніше)(?![\p{L}])`,
      'iu',
    ),
    shift: () => ({ days: -7 }),
  },
  {
    re: new RegExp(
      String.raw`^${GAP}(?<![\p{L}])(?:a\s+month\s+(?:earlier|before|ago)|the\s+previous\s+month|un\s+mois\s+plus\s+t[ôo]t|le\s+mois\s+précédent|el\s+mes\s+anterior|un\s+mes\s+antes|einen\s+Monat\s+(?:zuvor|davor|früher)|Vormonat|месяцем\s+ранее|місяцем\s+раніше)(?![\p{L}])`,
      'iu',
    ),
    shift: () => ({ months: -1 }),
  },
  {
    re: new RegExp(
      String.raw`^${GAP}(?<![\p{L}])(?:the\s+(?:previous|prior|preceding)\s+quarter|the\s+quarter\s+before|(?:le|au)\s+trimestre\s+précédent|(?:el|en\s+el)\s+trimestre\s+anterior|Vorquartal\p{L}*|(?:у\s+)?попередньому\s+кварталі|попереднього\s+кварталу|(?:в\s+)?предыдущем\s+квартале|предыдущего\s+квартала)(?![\p{L}])`,
      'iu',
    ),
    shift: () => ({ months: -3 }),
  },
  {
    re: new RegExp(
      String.raw`^${GAP}(?<![\p{L}])(?:(?:the\s+)?same\s+(?:period|month|quarter|week|time)\s+(?:of\s+|in\s+)?(?:(last\s+year|a\s+year\s+(?:earlier|ago)|the\s+previous\s+year)|(\d{4}))|(?:la\s+)?même\s+(?:période|mois|trimestre|semaine)\s+(?:de\s+|d['’])?(?:(l['’]an(?:née)?\s+(?:dernier|dernière|précédente|passée))|(\d{4}))|(?:el\s+|la\s+)?mism[oa]\s+(?:periodo|período|mes|trimestre|semana)\s+(?:del?\s+)?(?:((?:año|ejercicio)\s+(?:pasado|anterior))|(\d{4}))|(Vorjahres(?:zeitraum|monat|quartal|woche))|(?:gleichen|selben)\s+Zeitraum\s+(?:(des\s+Vorjahres)|(\d{4}))|(?:тим\s+самим|аналогічним)\s+період\p{L}*\s+(?:(минулого\s+року)|(\d{4})\s+року)|аналогичн\p{L}*\s+период\p{L}*\s+(?:(прошлого\s+года)|(\d{4})\s+года))(?![\p{L}])`,
      'iu',
    ),
    shift: (m) => {
      const groups = m.slice(1)
      const year = groups.find((g, i) => g !== undefined && /^\d{4}$/.test(g) && i >= 0)
      return year !== undefined ? { toYear: Number(year) } : { years: -1 }
    },
  },
]

/**
 * A comparative word between a figure and what it is compared with: "4% more than", "un 12 % más que",
 * "3,4 Prozent mehr als", "на 34% меньше, чем", "на 23% більше, ніж", "2 % de plus qu'en".
 */
const COMPARATIVE =
  /(?<!\p{L})(?:more|less|fewer|higher|lower|above|below|up|down|plus(?!\s+(?:t[ôo]t|tard))|moins|davantage|supérieur\p{L}*|inférieur\p{L}*|más(?!\s+tarde)|menos|superior|inferior|mehr|weniger|höher|niedriger|teurer|billiger|über|unter|больше|меньше|выше|ниже|дороже|дешевле|более|менее|більше|менше|вище|нижче|дорожче|дешевше)(?!\p{L})/iu

/** Just before a figure that is a change: "up 4%", "rose by", "en hausse de", "um 3 Prozent", "на 9,1%". */
const CHANGE_BEFORE =
  /(?<!\p{L})(?:up|down|by|rose|fell|gained|lost|grew|dropped|jumped|climbed|slipped|eased|(?:hausse|baisse|progression|recul|augmentation|diminution)\s+de|(?:progresse|augmente|recule|baisse|bondi|grimpé|chuté|diminué|augmenté)\s+de|un|una|um|на)\s+(?:(?:about|some|around|roughly|nearly|almost|environ|près\s+de|presque|unos?|cerca\s+de|casi|rund|etwa|knapp|fast|около|почти|близько|майже|приблизно)\s+)?$/iu

/**
 * Conventions v2, point 9: a change measured against a baseline ("up 4% on 14.7 million a year earlier",
 * "un 12 % más que en el mismo periodo del año pasado", "на 34% меньше, чем годом ранее") keeps its own
 * sentence's period; only the baseline value written with the comparison takes the compared period.
 * `before` is the sentence up to the figure, `gap` the words from the figure to the period compared with.
 */
export function isChange(before: string, gap: string): boolean {
  return COMPARATIVE.test(gap) || CHANGE_BEFORE.test(before)
}

/** The comparisons of `SHIFTS` anywhere in a text (not only right after a figure). */
const SHIFTS_ANYWHERE = SHIFTS.map(({ re, shift }) => ({
  re: new RegExp(re.source.replace(`^${GAP}`, ''), 'giu'),
  shift,
}))

/**
 * Before a figure only a comparison that counts back from the sentence's own period moves it ("a year earlier",
 * "годом ранее"); "last year", "торік", "hace un año" there name a period of their own (read as one).
 */
const EARLIER =
  /earlier|before|previous|prior|preceding|plus\s+t[ôo]t|précédent|antes|anterior|zuvor|davor|früher|Vor(?:jahr|woche|monat|quartal)|ранее|раніше|попередн|предыдущ/iu
const BEFORE_NOW =
  /\bago\b|hace|il\s+y\s+a|vor\s+einem|назад|тому|pasado|dernière|passée|прошл|торік|минул|last\s+year|same|même|mism|gleichen|selben|Vorjahreszeitraum|аналогі|аналоги|тим\s+самим/iu

/**
 * The last comparison named in `head`, the words of a figure's clause before it: "тогда как годом ранее — на
 * 64%", "Годом ранее на ту же дату … 68,2", "чем годом ранее (70,2 млрд)", "A year earlier, 14.7 million".
 * `index` is where its words start in `head`, `length` how far they run.
 */
export function comparedBefore(head: string): (Compared & { index: number }) | undefined {
  let best: (Compared & { index: number }) | undefined
  for (const { re, shift } of SHIFTS_ANYWHERE)
    for (const m of head.matchAll(re))
      if ((best === undefined || m.index > best.index) && EARLIER.test(m[0]) && !BEFORE_NOW.test(m[0]))
        best = { shift: shift(m), index: m.index, length: m[0].length }
  return best
}

export function comparedAfter(tail: string): Compared | undefined {
  for (const { re, shift } of SHIFTS) {
    const m = tail.match(re)
    if (m) return { shift: shift(m), length: m[0].length }
  }
  return undefined
}
