// Runs everywhere: phrase KINDS of period round 13, read on a sentence's words as written in the six languages
// where the form exists: "in the week to Thursday" / "in der Woche bis Sonntag" / "la semaine close le 9 mars"
// (the seven days ending that day); "в ночь на 20 ноября" / "у ніч на 29 листопада" / "в ночь на вторник" (the
// day before and that day); "since the start of autumn" / "depuis le début de l'automne" / "с начала осени" /
// "з початку осені" (the season's first day to the article's date). And how a span "by the end of" is read by the
// sentence's tense (`forwardSpan`): what happened by then, or a total that will reach a level, runs from the
// start of the year named; what more will happen runs from the article's date.
import type { Day } from './dates'
import { addDays, toISO, weekdayIndex } from './dates'
import type { FoundPeriod } from './period-phrases'

const MONTH_STEMS: [RegExp, number][] = [
  [/^(?:jan|ene|jän|січ|янв)/iu, 1],
  [/^(?:feb|fév|лют|фев)/iu, 2],
  [/^(?:mar(?!t[ei])|mär|берез|мар)/iu, 3],
  [/^(?:apr|avr|abr|квіт|апр)/iu, 4],
  [/^(?:may|mai|трав|ма[йяю])/iu, 5],
  [/^(?:jun|juin|черв|июн)/iu, 6],
  [/^(?:jul|juil|лип|июл)/iu, 7],
  [/^(?:aug|août|ago|серп|авг)/iu, 8],
  [/^(?:sep|верес|сен)/iu, 9],
  [/^(?:oct|okt|жовт|окт)/iu, 10],
  [/^(?:nov|листоп|ноя)/iu, 11],
  [/^(?:dec|déc|dic|dez|груд|дек)/iu, 12],
]

/** A month's number from its name in the six languages (undefined for another word). */
export const monthOf = (word: string): number | undefined => MONTH_STEMS.find(([re]) => re.test(word))?.[1]

/** Weekdays (Monday = 0) by their stems, in the six languages and their cases. */
const WEEKDAYS: RegExp[] = [
  /^(?:monday|lundi|lunes|montag|понеділ|понедельник)/iu,
  /^(?:tuesday|mardi|martes|dienstag|вівтор|вторник)/iu,
  /^(?:wednesday|mercredi|miércoles|mittwoch|серед[уаи]|сред[уаы])/iu,
  /^(?:thursday|jeudi|jueves|donnerstag|четвер)/iu,
  /^(?:friday|vendredi|viernes|freitag|п['’]ятниц|пятниц)/iu,
  /^(?:saturday|samedi|sábado|samstag|субот|суббот)/iu,
  /^(?:sunday|dimanche|domingo|sonntag|неділ|воскресень)/iu,
]

/** A weekday named alone ("on Tuesday", "в среду", "до п'ятниці"): no day number, no month. */
export const weekdayOnly = (text: string): boolean =>
  !/\d/.test(text) &&
  text.split(/[^\p{L}'’]+/u).some((w) => WEEKDAYS.some((re) => re.test(w))) &&
  !text
    .split(/[^\p{L}'’]+/u)
    .some((w) => w.length > 2 && monthOf(w) !== undefined && !WEEKDAYS.some((re) => re.test(w)))

/** The same span `weeks` weeks later (earlier when negative): a weekday moves by weeks, not years. */
export const byWeeks = (from: Day, to: Day, weeks: number): { from: Day; to: Day } => ({
  from: addDays(from, 7 * weeks),
  to: addDays(to, 7 * weeks),
})

/** The last `weekday` on or before `ref`. */
const lastWeekday = (weekday: number, ref: Day): Day => addDays(ref, -((weekdayIndex(ref) - weekday + 7) % 7))

/** The day a few words name: "Thursday", "March 9", "9 March", "9. März", "20 ноября" (the latest such by `ref`). */
function dayNamed(words: string, ref: Day): Day | undefined {
  const w = words.trim()
  const weekday = WEEKDAYS.findIndex((re) => re.test(w))
  if (weekday >= 0) return lastWeekday(weekday, ref)
  const m = w.match(/^(?:(\d{1,2})\.?\s+(?:de\s+)?(\p{L}+)|(\p{L}+)\s+(\d{1,2}))(?!\d)/u)
  if (!m) return undefined
  const month = monthOf(m[2] ?? m[3])
  const day = Number(m[1] ?? m[4])
  if (month === undefined || day < 1 || day > 31) return undefined
  const year = month > ref.month || (month === ref.month && day > ref.day) ? ref.year - 1 : ref.year
  return { year, month, day }
}

/** "the week to", "in der Woche bis (zum)", "la semaine close le / achevée le / jusqu'au", "la semana hasta el". */
const WEEK_TO =
  /(?<![\p{L}])(?:(?:in\s+)?the\s+week\s+(?:to|ending|ended)|(?:in\s+)?der\s+Woche\s+bis(?:\s+(?:zum|einschließlich))?|(?:la|une)\s+semaine\s+(?:close|achevée|terminée|arrêtée)\s+(?:le|au)|(?:la|una)\s+semana\s+(?:hasta\s+el|que\s+(?:terminó|concluyó)\s+el|cerrada\s+el))\s+/giu

/** "в ночь на", "у ніч на", "в ніч на" (the night before the day named). */
const NIGHT_TO = /(?<![\p{L}])(?:в|у)\s+(?:ночь|ніч)\s+на\s+/giu

/** "since the start of autumn", "depuis le début de l'été", "desde el inicio del invierno", "с начала осени". */
const SEASON_START =
  /(?<![\p{L}])(?:since\s+the\s+(?:start|beginning)\s+of\s+(?:the\s+)?(winter|spring|summer|autumn|fall)|depuis\s+le\s+début\s+de\s+l['’]?\s*(hiver|printemps|été|automne)|desde\s+(?:el\s+)?(?:inicio|comienzo|principio)\s+del?\s+(invierno|primavera|verano|otoño)|seit\s+(?:Beginn\s+des\s+)?(Winter|Frühling|Frühjahr|Sommer|Herbst)(?:beginn|anfang|s)?|с\s+начала\s+(зимы|весны|лета|осени)|з\s+початку\s+(зими|весни|літа|осені))(?![\p{L}])/giu

const SEASON_MONTH: [RegExp, number][] = [
  [/^(?:winter|hiver|invierno|зим)/iu, 12],
  [/^(?:spring|printemps|primavera|frühling|frühjahr|весн)/iu, 3],
  [/^(?:summer|été|verano|sommer|лет|літ)/iu, 6],
  [/^(?:autumn|fall|automne|otoño|herbst|осен|осін)/iu, 9],
]

/**
 * The middle of a year, the middle third of it (1 May – 31 August, conventions, set 11): "mid-2025", "the middle of
 * 2025", "la mi-2025", "a mediados de 2025", "Mitte 2025", "у середині 2025 року", "в середине 2025 года".
 */
const MID_YEAR =
  /(?<![\p{L}\d])(?:mid-?\s?|(?:the\s+)?middle\s+of\s+|(?:la\s+)?mi-|(?:le\s+)?milieu\s+(?:de\s+l['’]année\s+)?|(?:a\s+)?mediados\s+del?\s+(?:año\s+)?|Mitte\s+(?:des\s+Jahres\s+)?|(?:у|в)\s+середині\s+|(?:в|к)\s+середине\s+)((?:19|20)\d{2})(?:\s+(?:року|года|г\.))?(?![\p{L}\d])/giu

/** The period phrases of these kinds in one sentence (`slice`, its words as written). */
export function phraseKinds(slice: string, ref: Day | undefined): FoundPeriod[] {
  if (ref === undefined) return []
  const found: FoundPeriod[] = []
  for (const m of slice.matchAll(WEEK_TO)) {
    const rest = slice.slice(m.index + m[0].length)
    const end = dayNamed(rest, ref)
    const words = rest.match(/^(?:\d{1,2}\.?\s+(?:de\s+)?\p{L}+|\p{L}+(?:\s+\d{1,2}(?!\d))?)/u)?.[0]
    if (end && words) found.push({ from: addDays(end, -6), to: end, index: m.index, text: m[0] + words })
  }
  for (const m of slice.matchAll(NIGHT_TO)) {
    const rest = slice.slice(m.index + m[0].length)
    const day = dayNamed(rest, addDays(ref, 1))
    const words = rest.match(/^(?:\d{1,2}\s+\p{L}+|\p{L}+)/u)?.[0]
    if (day && words) found.push({ from: addDays(day, -1), to: day, index: m.index, text: m[0] + words })
  }
  for (const m of slice.matchAll(SEASON_START)) {
    const name = m.slice(1).find((g) => g !== undefined) ?? ''
    const month = SEASON_MONTH.find(([re]) => re.test(name))?.[1]
    if (month === undefined) continue
    const year = ref.month >= month ? ref.year : ref.year - 1
    found.push({ from: { year, month, day: 1 }, to: ref, index: m.index, text: m[0] })
  }
  for (const m of slice.matchAll(MID_YEAR)) {
    const year = Number(m[1])
    found.push({
      from: { year, month: 5, day: 1 },
      to: { year, month: 8, day: 31 },
      index: m.index,
      text: m[0],
    })
  }
  return found
}

/**
 * Just before a period that a forecast or a target runs to, from the article's date: "by", "until",
 * "d'ici", "jusqu'à", "hasta", "bis", "до кінця", "к концу" (each followed by what the period phrase may
 * leave out: "the end of", "finales de").
 */
const FORWARD =
  /(?:^|[^\p{L}])(?:by|until|d['’]ici(?:\s+à)?|jusqu['’](?:à|en|au)|hasta|bis(?:\s+(?:zum|Ende))?|до\s+кінця|до\s+конца|к\s+концу|к)\s+(?:(?:the\s+)?end\s+of\s+|(?:la\s+)?fin\s+(?:de\s+|d['’])?|(?:finales|fin)\s+de\s+)?(?:l['’]|la\s+|le\s+|el\s+|la\s+)?$/iu

/** A phrase that reads "the end of …" itself after a bare "до", "к" ("до кінця грудня", "к концу ноября"). */
const END_OF_PHRASE = /(?:^|[^\p{L}])(?:до|к)\s+$/iu
const END_WORDS = /^(?:кінц|конц)/iu
/** A phrase that holds its own "by the end of" ("К концу ноября", "До кінця року", "by the end of March"). */
const FORWARD_PHRASE =
  /^(?:к\s+концу|до\s+конца|до\s+кінця|by\s+the\s+end\s+of|bis\s+Ende|d['’]ici\s+(?:à\s+)?(?:la\s+)?fin)(?![\p{L}])/iu

/** A total that will reach a level by then: "вийти на", "выйти на", "превысит", "the sum", "insgesamt". */
const TOTAL =
  /(?<![\p{L}])(?:(?:вийти|вийде|вийдуть|выйти|выйдет|выйдут)\s+на|перевищ\p{L}*|превыс\p{L}*|сум[аи]|сумма|обсяг\p{L}*|объ[её]м\p{L}*|in\s+total|in\s+all|au\s+total|en\s+total|insgesamt)(?![\p{L}])/iu

/** More to come, counted from now: "ще", "еще", "more", "another", "weitere", "otros", "encore", "de plus". */
const MORE =
  /(?<![\p{L}])(?:ще|еще|ещё|more|another|further|additional|weitere\p{L}*|otros|otras|encore|de\s+plus|supplémentaires?)(?![\p{L}])/iu

/**
 * The span "by the end of …" gives (undefined when the words before the phrase say no such thing): from the
 * article's date to the end named; from the start of that year when the sentence tells what happened by then
 * (no look ahead: "Bis Ende September wurden 1.260 Wohnungen genehmigt") or a total that will reach a level
 * ("до кінця року адміністрація розраховує вийти на 14 млн тонн") in the article's own year.
 */
export function forwardSpan(
  lead: string,
  phrase: string,
  to: Day,
  sentence: string,
  ahead: boolean,
  ref: Day,
): { from: Day; to: Day } | undefined {
  const forward =
    FORWARD.test(lead) ||
    // "до кінця грудня", "до середи", "до воскресенья": a bare "до" / "к" before the end of a period or a weekday
    (END_OF_PHRASE.test(lead) && (END_WORDS.test(phrase) || weekdayOnly(phrase))) ||
    FORWARD_PHRASE.test(phrase)
  if (!forward) return undefined
  const yearStart: Day = { year: to.year, month: 1, day: 1 }
  const past = toISO(to) < toISO(ref)
  if (past) return ahead ? undefined : { from: yearStart, to }
  if (to.year === ref.year && TOTAL.test(sentence) && !MORE.test(sentence)) return { from: yearStart, to }
  return { from: ref, to }
}

/** A month named without its year, "by" or "until" it: the coming one when it is nearer than the one past. */
export function nearerAhead(to: Day, ref: Day): boolean {
  const months = (d: Day): number => d.year * 12 + d.month
  return months({ ...to, year: to.year + 1 }) - months(ref) < months(ref) - months(to)
}
