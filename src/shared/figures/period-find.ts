// Runs everywhere: the period phrases of one sentence — every phrase our rules (period-phrases.ts, the
// language's own words, period-forms.ts) and chrono-node read, with figures, the day something was said and a
// live blog's entry time blanked out, overlaps dropped, "late December – early January" joined and "since"
// read to the article's date. Read once per sentence of an article (cached per text): the paragraph model
// (period-model.ts) and the figure's own reading (period.ts) both start here.
import * as chrono from 'chrono-node'
import type { ParsedComponents } from 'chrono-node'
import type { Day } from './dates'
import { addDays, dayNumber, lastDayOfMonth, toISO } from './dates'
import { detectFigures } from './detect'
import type { Lexicon, PeriodWords } from './lang/types'
import { isForecast, plansAhead } from './period-context'
import { aheadSpans } from './period-ahead'
import { fieldPeriods } from './period-field'
import { fiscalPeriods } from './period-fiscal'
import { byWeeks, phraseKinds, weekdayOnly } from './period-kinds'
import { periodForms } from './period-forms'
import { holidaySpans, namedAgain } from './period-named'
import { hasClock, maskRoles } from './period-roles'
import type { FoundPeriod } from './period-phrases'
import type { Sentence } from './sentences'
import { splitSentences } from './sentences'
import { adjacent, andGap, dayRanges } from './period-pairs'
import { startSpans } from './period-start'
import { firstMonths } from './period-first-months'

/** A month's name in the six languages (its stem). */
const MONTH_NAME =
  /(?<![\p{L}])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|avr|mai|juin|juil|août|déc|ene|abr|ago|dic|Jän|Mär|Mai|Okt|Dez|січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листопад|груд|январ|феврал|март|апрел|ма[йяею]|июн|июл|август|сентябр|октябр|ноябр|декабр)\p{L}*/iu

/** A year written or named: "2025", "'24", "last year", "l'an dernier", "минулого року", "Vorjahres". */
const YEAR_NAMED =
  /\d{4}|['’]\d{2}(?!\d)|(?<![\p{L}])(?:year|an|année|año|Jahr\p{L}*|Vorjahr\p{L}*|рок\p{L}*|рік|торік|год\p{L}*|торік|прошлогодн\p{L}*)(?![\p{L}])/iu

/** What may come: "may", "could", "pourrait", "podría", "könnte", "можуть", "может". */
export const MAY =
  /(?<![\p{L}])(?:may|might|could|pourr\p{L}*|podr\p{L}*|könnte\p{L}*|dürfte\p{L}*|мож\p{L}*|могут|могли)(?![\p{L}])/iu

/** Just before a period a plan or a budget is for: "for 2025", "pour 2027", "para 2026", "für 2026", "на 2025 рік". */
export const FOR_PERIOD = /(?<![\p{L}])(?:for|pour|para|für|на|для)\s+(?:(?:the|l['’]|el|das)\s+)?$/iu

/**
 * A whole month the language's rules read without a written year ("у березні", "en octubre", "im März") that
 * has not begun by the article's date, in a sentence that does not look ahead (no forecast, plan, "may", nor
 * "for March"): the latest such month begun, as chrono reads one, not the nearest one to come.
 */
function inferredYear(p: FoundPeriod, slice: string, ref: Day | undefined, ahead: boolean): FoundPeriod {
  if (ref === undefined || p.implicit || ahead || !before(ref, p.from)) return p
  if (!MONTH_NAME.test(p.text) || YEAR_NAMED.test(p.text)) return p
  const whole = p.from.day === 1 && p.to.day === lastDayOfMonth(p.to.year, p.to.month)
  if (!whole || p.from.month !== p.to.month || MAY.test(slice) || FOR_PERIOD.test(slice.slice(0, p.index)))
    return p
  return latestBegun({ ...p, implicit: true }, ref)
}

/**
 * A stock read at the end of a period (conventions §6): "на кінець листопада", "на конец 2024 года", "Stand Ende
 * Oktober", "as of the end of March", "al cierre de 2025", "à fin septembre", "Ende 2025 galten …" — its last day.
 */
const AS_OF_END =
  /(?<![\p{L}])(?:на\s+кінець|на\s+конец|Stand\s+(?:zum\s+)?Ende|as\s+(?:of|at)\s+the\s+end\s+of|al\s+cierre\s+del?|(?<!ici\s)à\s+fin|(?<!bis\s)Ende(?=\s+\d{4}))/iu

/**
 * "at the end of the third quarter", "Ende des dritten Quartals", "à la fin du troisième trimestre", "al final del
 * tercer trimestre": a quarter's end is its last day (conventions, set 11), not "by" it (a span, period-kinds.ts).
 */
const QUARTER_END =
  /(?<![\p{L}])(?<!(?:by|until|bis|ici|hasta|к|до)\s+)(?:(?:at\s+)?the\s+end\s+of\s+the|Ende\s+des|(?:à\s+la\s+)?fin\s+du|(?:al\s+final|a\s+finales|al\s+término)\s+del)\s+$/iu

const wholeQuarter = (p: FoundPeriod): boolean =>
  p.from.day === 1 &&
  p.from.month % 3 === 1 &&
  p.to.month === p.from.month + 2 &&
  p.to.year === p.from.year &&
  p.to.day === lastDayOfMonth(p.to.year, p.to.month)

function asOfEnd(p: FoundPeriod, slice: string): FoundPeriod {
  if (wholeQuarter(p) && QUARTER_END.test(slice.slice(Math.max(0, p.index - 30), p.index)))
    return { ...p, from: { ...p.to } }
  const around = slice.slice(Math.max(0, p.index - 22), p.index + 12)
  const m = around.match(AS_OF_END)
  if (m?.index === undefined || p.to.day !== lastDayOfMonth(p.to.year, p.to.month)) return p
  // the words end right before the phrase or inside its first words
  const at = Math.max(0, p.index - 22) + m.index + m[0].length
  if (at < p.index - 2 || at > p.index + 12) return p
  return { ...p, from: { ...p.to } }
}

/** The time a live blog's entry was posted, at its start: "07:40", "23:47 —", "17:05 Uhr –", "18h05 –". */
export const STAMP = /^\d{1,2}[:.h]\d{2}(?:\s*Uhr)?\s*(?:[—–-]\s*|\.?\s*$|\n)/u

/** A sentence read for its periods: `slice` is its text as read (masked), `periods` offsets into it. */
export type SentencePhrases = { slice: string; periods: FoundPeriod[]; dateline?: boolean }

const cache = new Map<string, Map<string, SentencePhrases>>()
const split = new Map<string, Sentence[]>()

/** The sentences of `text` (sentences.ts), split once per text. */
export function sentencesOf(text: string): Sentence[] {
  let found = split.get(text)
  if (found === undefined) {
    if (split.size > 16) split.clear()
    found = splitSentences(text)
    split.set(text, found)
  }
  return found
}

/**
 * The period phrases of `source` (a sentence of `text`). `mask` blanks a span of it out first (offsets into
 * `text`: the words a figure is compared with, read by the caller); only the unmasked reading is cached.
 */
export function sentencePhrases(
  text: string,
  source: Sentence,
  lex: Lexicon,
  ref: Day | undefined,
  mask?: { from: number; to: number },
): SentencePhrases {
  const key = `${lex.code}|${ref ? toISO(ref) : ''}|${source.start}|${source.end}`
  let perText = cache.get(text)
  if (mask === undefined) {
    const hit = perText?.get(key)
    if (hit) return hit
  }
  const words = lex.period
  // Figures are masked so "On Tuesday, 12 people" is not Tuesday at noon, nor "In May, 68.5%" May 1968.
  let slice = maskSaid(maskFigures(text.slice(source.start, source.end), lex), words)
  // a live blog's entry time ("23:47 —", "17:05 Uhr –") dates the post, not its figures
  slice = slice.replace(STAMP, (m) => ' '.repeat(m.length))
  if (mask !== undefined) {
    const from = Math.max(0, mask.from - source.start)
    const to = Math.min(slice.length, mask.to - source.start)
    if (to > from) slice = slice.slice(0, from) + ' '.repeat(to - from) + slice.slice(to)
  }
  const ahead = isForecast(slice, lex.code, '') || plansAhead(text.slice(source.start, source.end), lex.code)
  // "within three years", "au cours des cinq prochaines années": read on the words as written, since the count
  // may be a figure masked above (period-ahead.ts)
  // a split year with its field's noun, a bare field noun pointing back to one (period-field.ts), the week to a
  // day, the night to a day, since a season's start (period-kinds.ts)
  const spans = [
    // a year that ends on a stated day, and a bare split year of an article that stated one (period-fiscal.ts)
    ...fiscalPeriods(text, source.start, source.end, ref),
    ...fieldPeriods(text, source.start, source.end),
    ...phraseKinds(text.slice(source.start, source.end), ref),
    ...aheadSpans(text.slice(source.start, source.end), ref, lex),
    // a holiday, and a span the article defined before named again (period-named.ts)
    ...(ref === undefined ? [] : holidaySpans(text.slice(source.start, source.end), ref, ahead)),
    ...namedAgain(
      text.slice(source.start, source.end),
      () =>
        sentencesOf(text)
          .filter((s) => s.end <= source.start)
          .map((s) => ({
            raw: text.slice(s.start, s.end),
            periods: sentencePhrases(text, s, lex, ref).periods,
          })),
      (word) => lex.parseNumberWords([word])?.value,
    ),
  ].filter(
    (p) =>
      mask === undefined ||
      p.index + p.text.length <= mask.from - source.start ||
      p.index >= mask.to - source.start,
  )
  // a dateline, an update header, a clock time: times that are not the period of the figures (period-roles.ts)
  const clock = hasClock(slice)
  const roles = maskRoles(slice, clock)
  const raw = text.slice(source.start, source.end)
  let result: SentencePhrases = { slice: roles, periods: readPhrases(roles, raw, ref, lex, ahead, spans) }
  // a clock time alone is a moment of the article's day: read it when nothing else dates the sentence
  if (clock && result.periods.length === 0) {
    const kept = maskRoles(slice, false)
    result = { slice: kept, periods: readPhrases(kept, raw, ref, lex, ahead, spans) }
  }
  // a wire dateline dates the filing, like the article's own date: never a figure's period by itself (README
  // Conventions, decided in session 7), and it lends none to the sentences after it
  if (mask === undefined) {
    if (perText === undefined) {
      if (cache.size > 16) cache.clear()
      perText = new Map()
      cache.set(text, perText)
    }
    perText.set(key, result)
  }
  return result
}

/** The period phrases of a sentence's masked text (`raw`: its words as written, for a masked day number). */
function readPhrases(
  slice: string,
  raw: string,
  ref: Day | undefined,
  lex: Lexicon,
  ahead: boolean,
  first: FoundPeriod[],
): FoundPeriod[] {
  const words = lex.period
  const read = [
    ...dayRanges(raw, ref),
    ...first,
    ...firstMonths(slice, ref, lex),
    ...periodForms(slice, ref, ahead),
    ...words.phrases(slice, ref).map((p) => inferredYear(p, slice, ref, ahead)),
    ...chronoPeriods(slice, ref, words),
  ].map((p) => latestBegun(p, ref))
  // a range with its end ("з 20 грудня по 7 січня") read whole by one reader wins over its end read alone by another
  const whole = read.filter((p) => read.some((q) => q !== p && holdsRange(p, q)))
  const found = [...whole, ...read.filter((p) => !whole.includes(p))]
  // a start and a duration (period-start.ts) are one span, read before the phrases inside it
  return mergeRanges(slice, [...startSpans(slice, found, lex, ref, ahead), ...found], ref, words).map((p) =>
    afterDay(asOfEnd(p, slice), slice, lex),
  )
}

/**
 * "in the 48 hours after the session on 3 February", "за 48 годин після старту продажу … 5 грудня", "dans les trois
 * jours suivant le 2 mai": a count of hours or days after a day named in the same clause runs from that day to
 * that many days on.
 */
const AFTER_DAY =
  /(?<![\p{L}\d])(\d+|\p{L}+)\s+(hours?|days?|heures?|jours?|horas?|días?|Stunden|Tagen?|годин\p{L}*|дн(?:і|ів)|доб(?:и|у)?|час(?:а|ов)?|дн(?:я|ей)|сут(?:ок|ки))\s+(?:(?:immediately\s+)?(?:after|following)|після|après|suivant|tras|después\s+de|nach|после)(?![\p{L}])[^.;:!?\d]{0,90}$/iu

function afterDay(p: FoundPeriod, slice: string, lex: Lexicon): FoundPeriod {
  if (toISO(p.from) !== toISO(p.to)) return p
  const m = AFTER_DAY.exec(slice.slice(Math.max(0, p.index - 140), p.index))
  if (!m) return p
  const n = /^\d+$/.test(m[1]) ? Number(m[1]) : lex.parseNumberWords([m[1].toLowerCase()])?.value
  if (n === undefined || n < 1) return p
  const hours = /^(?:hour|heure|hora|Stunde|годин|час)/iu.test(m[2])
  const days = hours ? Math.ceil(n / 24) : n
  if (days > 31) return p
  return { ...p, to: addDays(p.from, days), bounded: true }
}

/** `outer` is a span written with its end whose words hold all of `inner`'s, which is its end read alone. */
const holdsRange = (outer: FoundPeriod, inner: FoundPeriod): boolean =>
  toISO(outer.to) === toISO(inner.to) &&
  before(outer.from, inner.from) &&
  outer.index <= inner.index &&
  outer.index + outer.text.length >= inner.index + inner.text.length &&
  outer.text.length > inner.text.length &&
  toISO(outer.from) !== toISO(outer.to) &&
  RANGED.test(outer.text)

const TIME_UNITS = new Set(['hours', 'days', 'weeks', 'months', 'years'])

/** Blanks out figures, except durations that belong to a period ("the past 24 hours"). */
function maskFigures(text: string, lex: Lexicon): string {
  let masked = text
  for (const f of detectFigures(text, lex)) {
    if (!TIME_UNITS.has(f.unit ?? ''))
      masked = masked.slice(0, f.start) + ' '.repeat(f.end - f.start) + masked.slice(f.end)
  }
  return masked
}

/** Blanks out when something was said ("сообщила в среду"), which is not the period a figure covers. */
const maskSaid = (text: string, words: PeriodWords): string =>
  words.said ? text.replace(words.said, (m) => ' '.repeat(m.length)) : text

/** A figure blanked out of a sentence (or a said day, a clock time): three spaces or more. */
const MASKED = / {3,}/

/** The days a chrono component covers: a day, else a whole month, else a whole year. */
function componentRange(c: ParsedComponents): { from: Day; to: Day } | undefined {
  const year = c.get('year')
  const month = c.get('month')
  const day = c.get('day')
  if (year === null || month === null || day === null) return undefined
  if (c.isCertain('day') || c.isCertain('weekday'))
    return { from: { year, month, day }, to: { year, month, day } }
  if (c.isCertain('month')) {
    return { from: { year, month, day: 1 }, to: { year, month, day: lastDayOfMonth(year, month) } }
  }
  if (c.isCertain('year')) return { from: { year, month: 1, day: 1 }, to: { year, month: 12, day: 31 } }
  return undefined
}

function chronoPeriods(text: string, ref: Day | undefined, words: PeriodWords): FoundPeriod[] {
  const instant = ref ? new Date(ref.year, ref.month - 1, ref.day, 12) : undefined
  const found: FoundPeriod[] = []
  // a phrase never runs across a figure (masked as a run of spaces): "September, +4.2% on the quarter before"
  const fenced = text.replace(/ {3,}/g, (m) => ' '.repeat(m.length - 2) + '| ')
  for (const result of chrono[words.chrono].parse(fenced, instant)) {
    // Without the article's date, "Tuesday" or "December 29" would be read against today: skip them.
    if (ref === undefined && !result.start.isCertain('year')) continue
    // "for several days", "in 3 weeks": durations, not the period a figure covers
    if (words.duration.test(result.text)) continue
    // "now", "two weeks before", "four minutes later": relative to an unknown moment
    if (words.relative.test(result.text)) continue
    const from = componentRange(result.start)
    const to = result.end ? componentRange(result.end) : from
    const phrase = result.text.replace(/[\s,;:.]+$/, '')
    const implicit = !result.start.isCertain('year')
    if (from && to) found.push({ from: from.from, to: to.to, index: result.index, text: phrase, implicit })
  }
  return found
}

export const before = (a: Day, b: Day): boolean => toISO(a) < toISO(b)

/** "Since February 24" read in January: a period with no year written is the latest one begun by `ref`. */
function latestBegun(p: FoundPeriod, ref: Day | undefined): FoundPeriod {
  if (!p.implicit || ref === undefined || !before(ref, p.from)) return p
  // "on Monday" read as the coming Monday: the last one, a week earlier, not a year
  if (weekdayOnly(p.text)) {
    const weeks = -Math.ceil((dayNumber(p.from) - dayNumber(ref)) / 7)
    return { ...p, ...byWeeks(p.from, p.to, weeks) }
  }
  return { ...p, from: back(p.from), to: back(p.to) }
}

/** Days since 1970 (to count weeks between two days). */

/** The same day a year earlier (28 February for 29 February). */
const back = (d: Day): Day => ({
  ...d,
  year: d.year - 1,
  day: Math.min(d.day, lastDayOfMonth(d.year - 1, d.month)),
})

/** A period phrase read with its "since" word: "desde mediados de octubre", "С 1 октября", "seit März". */
const SINCE_OPENS = /^(?:since|depuis|desde|seit|з|із|від|с|со)\s/iu

/** A phrase that is already a span with its end: "з березня до липня", "von März bis Mai". */
const RANGE_WORD = /(?<![\p{L}])(?:to|until|till|au|à|jusqu|hasta|al|a|bis|до|по)(?![\p{L}])|[–—-]\s*\d/iu

/** A span written with its end: a range word, or a dash between two numbers ("12–19", not "mid-2025"). */
const RANGED = /(?<![\p{L}])(?:to|until|till|au|à|jusqu|hasta|al|a|bis|до|по)(?![\p{L}])|\d\.?\s*[–—-]\s*\d/iu

/** "since the start of the campaign in", "с выхода в прокат", "seit Beginn der Saison im": a start, then its date. */
const SINCE_START =
  /(?<![\p{L}\d])(?:since|depuis|desde|seit|з|із|від|с|со)\s+(?:the\s+|le\s+|la\s+|l['’]|el\s+|dem\s+)?(?:start|beginning|launch|outbreak|opening|début|lancement|ouverture|comienzo|inicio|principio|arranque|Beginn|Start|Anfang|Ausbruch|Eröffnung|початку|моменту|запуску|виходу|відкриття|начала|момента|запуска|выхода|открытия)(?:\s+[\p{L}'’-]+){0,5}\s+$/iu

/**
 * "since it was founded in 2021", "depuis sa privatisation en 2006", "desde su fundación en 1998", "seit seiner
 * Gründung im Jahr 2003", "з моменту заснування у 2014" (one word after another: no figure between): an event, then its date; what began then runs on.
 */
const SINCE_EVENT =
  /(?<![\p{L}\d])(?:since|depuis|desde|seit|з\s+моменту|з\s+часу|с\s+момента|со\s+времени)\s(?:[\p{L}'’-]+ ){1,6}(?:(?:in|en|im|в|у|во) )?$/iu

/** Drops overlaps (earlier entries win), joins "late December – early January" and reads "since March". */
function mergeRanges(
  text: string,
  periods: FoundPeriod[],
  ref: Day | undefined,
  words: PeriodWords,
): FoundPeriod[] {
  const kept: FoundPeriod[] = []
  for (const p of periods) {
    const overlaps = kept.some((k) => k.index < p.index + p.text.length && p.index < k.index + k.text.length)
    if (!overlaps) kept.push(p)
  }
  kept.sort((a, b) => a.index - b.index)
  const merged: FoundPeriod[] = []
  for (const p of kept) {
    const last = merged[merged.length - 1]
    const gap = last ? text.slice(last.index + last.text.length, p.index) : ''
    const opener = last ? text.slice(0, last.index) : ''
    const parts = words.partOfMonth
    const monthParts = last && parts !== undefined && parts.test(last.text) && parts.test(p.text)
    // "from £8.72 in 2020 and £10.42 in 2023 to £12.21 this year": no span runs across a figure (masked)
    const joined =
      !MASKED.test(gap) &&
      (words.joiner.test(gap) ||
        (words.and.test(gap) && (words.between.test(opener) || monthParts)) ||
        // "in July and August", "am Dienstag und Mittwoch": two adjacent months or days (period-pairs.ts)
        (last !== undefined && adjacent(last, p) && andGap(gap, words.and)))
    // "von Januar bis September 2025" read in December: the month without a year is the one before
    if (last && joined && !p.implicit && before(p.to, last.from) && !before(p.to, back(last.from))) {
      merged[merged.length - 1] = { ...last, from: back(last.from), to: back(last.to) }
    }
    const head = merged[merged.length - 1]
    if (head && joined && !before(p.to, head.from)) {
      merged[merged.length - 1] = { ...head, to: p.to, text: text.slice(head.index, p.index + p.text.length) }
    } else merged.push({ ...p })
  }
  for (const p of merged) {
    const since =
      words.since.test(text.slice(0, p.index)) ||
      // "desde mediados de octubre", "С 1 октября" read whole; "since the start of the campaign in
      // September", "с выхода в прокат 19 ноября": what began then runs to the article's date
      (SINCE_OPENS.test(p.text) && !RANGE_WORD.test(p.text)) ||
      SINCE_START.test(text.slice(0, p.index)) ||
      SINCE_EVENT.test(text.slice(0, p.index))
    // "з 12 по 19 липня", "с 12 по 19 июля": a range with its own end is not read on to the article's date
    const ranged = (toISO(p.from) !== toISO(p.to) && RANGED.test(p.text)) || p.bounded === true
    if (ref !== undefined && since && !ranged && before(p.from, ref)) p.to = ref
  }
  return merged
}
