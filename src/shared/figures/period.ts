// Runs everywhere: suggests the period a figure refers to, read from the figure's sentence, then the earlier
// sentences of its paragraph (and the few other places conventions v2 allow, period-context.ts), relative to
// the article's date.
import * as chrono from 'chrono-node'
import type { ParsedComponents } from 'chrono-node'
import type { Day } from './dates'
import { detectFigures } from './detect'
import { addMonths, lastDayOfMonth, monthNumber, parseISO, toISO } from './dates'
import { en } from './lang/en'
import type { Lexicon, PeriodWords } from './lang/types'
import type { FoundPeriod } from './period-phrases'
import type { Sentence } from './sentences'
import {
  comparedAfter,
  isChange,
  isForecast,
  paragraphSentences,
  periodSources,
  plansAhead,
  releaseLead,
  shifted,
  thisPeriod,
} from './period-context'
import { periodForms } from './period-forms'
import { clausesOf, phraseReach, saidOn } from './period-scope'
import { sentenceAt, splitSentences } from './sentences'

export type SuggestedPeriod = { start: string; end: string; text: string }

export function suggestPeriod(args: {
  text: string
  start: number
  end: number
  articleDate?: string
  lex?: Lexicon
  /** Set when reading the period a figure "a year earlier" is compared with. */
  compared?: boolean
  /** Where the words of that comparison end (they are left out of the reading). */
  maskUntil?: number
}): SuggestedPeriod | undefined {
  const { text, start, end } = args
  const lex = args.lex ?? en
  const ref = parseISO(args.articleDate)
  const sentences = splitSentences(text)
  if (sentences.length === 0) return undefined
  const at = sentenceAt(sentences, start)
  // "58 годом ранее", "1,8 Prozent weniger als ein Jahr zuvor", "contre 141 000 sur la même période de
  // 2024": the figure compared is the sentence's period moved back (conventions v2, point 4)
  const sentence = sentences[at]
  if (!args.compared) {
    const compared = comparedAfter(text.slice(end, sentence.end))
    // the words compared belong to this figure only when no other figure stands between
    const between = (length: number): boolean =>
      detectFigures(text.slice(end, end + length), lex).some((f) => f.start > 0)
    // a change ("up 4%", "un 12 % más que …") keeps the sentence's period (conventions v2, point 9)
    const change =
      compared !== undefined &&
      isChange(text.slice(sentence.start, start), text.slice(end, end + compared.length))
    if (compared && !change && !between(compared.length)) {
      const own = suggestPeriod({ ...args, compared: true, maskUntil: end + compared.length })
      const from = parseISO(own?.start)
      const to = parseISO(own?.end)
      if (own && from && to) {
        const moved = shifted(from, to, compared.shift)
        return { start: toISO(moved.from), end: toISO(moved.to), text: own.text }
      }
    }
  }
  // a sentence the figure carries a period from lends the period its own first figure would take (not
  // the day something was said in it, nor what its figures are compared with)
  const read = (index: number): SuggestedPeriod | undefined => {
    const s = sentences[index]
    if (index === at) return readSentence({ ...args, lex, ref, sentence: s, own: true })
    const first = detectFigures(text.slice(s.start, s.end), lex)[0]
    const from = first ? s.start + first.start : s.end
    const to = first ? s.start + first.end : s.end
    return readSentence({
      ...args,
      start: from,
      end: to,
      lex,
      ref,
      sentence: s,
      own: false,
      scope: first !== undefined,
    })
  }
  // "Тогда на участки пришли 24,8%", "Damals …": then is the last period the sentence before named
  const then = (index: number): SuggestedPeriod | undefined => {
    const s = sentences[index]
    const prior = sentences[index - 1]
    if (prior === undefined || prior.paragraph !== s.paragraph || !THEN.test(text.slice(s.start, s.end)))
      return undefined
    return readSentence({
      ...args,
      start: prior.end,
      end: prior.end,
      lex,
      ref,
      sentence: prior,
      own: false,
      anyPhrase: true,
    })
  }
  // the figure's sentence, the earlier ones of its paragraph, the line opening its list, a Q&A question
  for (const index of periodSources(text, sentences, at)) {
    const found = read(index) ?? then(index)
    if (found) return found
  }
  // a release or a report states one reference period in its lead, which a paragraph without a period
  // of its own refers to (the lead's own figures have theirs)
  const lead = releaseLead(text, sentences)
  if (lead && !lead.includes(at) && sentence.paragraph !== 0) {
    const others = paragraphSentences(sentences, at).map((i) =>
      readSentence({
        ...args,
        start: sentences[i].start,
        end: sentences[i].start,
        lex,
        ref,
        sentence: sentences[i],
        own: false,
      }),
    )
    if (others.every((p) => p === undefined)) {
      for (const index of lead) {
        const found = readSentence({
          ...args,
          start: sentences[index].start,
          end: sentences[index].start,
          lex,
          ref,
          sentence: sentences[index],
          own: false,
        })
        if (found && found.start !== found.end) return found
      }
    }
  }
  return undefined
}

/** The period a sentence gives the figure at `start`–`end` (its own sentence, or one it carries from). */
function readSentence(args: {
  text: string
  start: number
  end: number
  articleDate?: string
  lex: Lexicon
  ref: Day | undefined
  sentence: Sentence
  own: boolean
  compared?: boolean
  maskUntil?: number
  /** Any period the sentence names, a compared one too (what "then" refers back to). */
  anyPhrase?: boolean
  /** `start` is a figure: only the phrases its clause can reach count (period-scope.ts). */
  scope?: boolean
}): SuggestedPeriod | undefined {
  const { text, start, end, lex, ref, sentence: source } = args
  const words = lex.period
  {
    // Figures are masked so "On Tuesday, 12 people" is not Tuesday at noon, nor "In May, 68.5%" May 1968.
    let slice = maskSaid(maskFigures(text.slice(source.start, source.end), lex), words)
    // a live blog's entry time ("23:47 —", "17:05 Uhr –") dates the post, not its figures
    slice = slice.replace(STAMP, (m) => ' '.repeat(m.length))
    // what the figure is compared with ("a year earlier") is read by the caller
    if (args.maskUntil !== undefined && args.own) {
      const from = Math.max(0, end - source.start)
      const to = Math.min(slice.length, args.maskUntil - source.start)
      if (to > from) slice = slice.slice(0, from) + ' '.repeat(to - from) + slice.slice(to)
    }
    const ahead =
      isForecast(slice, lex.code, '') || plansAhead(text.slice(source.start, source.end), lex.code)
    const found = [
      ...firstMonths(slice, ref, lex),
      ...periodForms(slice, ref, ahead),
      ...words.phrases(slice, ref),
      ...chronoPeriods(slice, ref, words),
    ].map((p) => latestBegun(p, ref))
    // "11% more than in August": the period compared with is not the figure's, unless the figure is
    // the one compared ("98,4 millones, frente a los 251 millones de 2012") or the comparison is the
    // figure's own ("на 12% меньше, чем в 2023-м", "4 Prozent niedriger als 2019"), which it then takes
    const owned = new Set<FoundPeriod>()
    // the whole figure the span falls in ("40" of "40 млн тонн"), for what follows it
    const whole = detectFigures(text.slice(source.start, source.end), lex).find(
      (f) => source.start + f.start <= start && start < source.start + f.end,
    )
    const figureEnd = Math.max(end, whole ? source.start + whole.end : end)
    const periods = mergeRanges(slice, found, ref, words)
      .filter((p) => {
        const compared = words.comparison ? slice.slice(0, p.index).search(words.comparison) : -1
        const at = start - source.start
        if (args.anyPhrase || compared < 0 || (at >= compared && at < p.index)) return true
        const gap = text.slice(figureEnd, source.start + compared)
        // no other figure between ("98,4 millones, frente a los 251 millones de 2012"), and a comparison,
        // not a record ("la cifra más alta desde 2008", "the highest since 2019")
        const own =
          args.own &&
          !args.compared &&
          at < compared &&
          gap.length <= 40 &&
          !/[\d;]/.test(gap) &&
          // "на 12% меньше, чем…" compares the figure; "40 млн тонн, більше, ніж у серпні" a level
          !/^\s*,/.test(gap) &&
          // a change keeps its sentence's period (conventions v2, point 9)
          !isChange(text.slice(source.start, start), text.slice(figureEnd, source.start + p.index)) &&
          detectFigures(text.slice(figureEnd, source.start + p.index), lex).length === 0 &&
          !/(?<!\p{L})(?:desde|since|depuis|seit|с|з)\s/iu.test(slice.slice(compared, p.index))
        if (own) owned.add(p)
        return own
      })
      .map((p) => {
        const moved = { ...p, index: p.index + source.start }
        if (owned.has(p)) owned.add(moved)
        return moved
      })
      // a duration inside its own period ("depuis huit mois", "the past 24 hours") is read with it;
      // no other figure can sit inside a period, since figures are masked
      .filter(
        (p) =>
          p.index >= end ||
          p.index + p.text.length <= start ||
          (p.index <= start && p.index + p.text.length >= end && p.text.length > end - start),
      )
      // the day something was said, published or offered is not what its figures cover
      .filter(
        (p) =>
          p.from.day !== p.to.day ||
          p.from.month !== p.to.month ||
          !saidOn(
            p.text,
            text.slice(source.start, p.index),
            text.slice(p.index + p.text.length, source.end),
            lex.code,
          ),
      )
      // a dateline repeats the article's own date; it says nothing about the figure
      .filter(
        (p) =>
          source.paragraph !== 0 ||
          toISO(p.from) !== args.articleDate?.slice(0, 10) ||
          toISO(p.to) !== toISO(p.from),
      )
    const distance = (p: FoundPeriod): number =>
      p.index >= end ? p.index - end : start - (p.index + p.text.length)
    // the clause model: a phrase reaches the figure from its own clause, or from the main line before it
    const scoped = args.scope !== false && (args.own || args.scope === true) && !args.anyPhrase
    const clauses = scoped ? clausesOf(text, source.start, source.end, lex.code) : []
    const reach = new Map<FoundPeriod, number>()
    for (const p of periods) {
      const r = scoped && !owned.has(p) ? phraseReach(text, clauses, start, figureEnd, p.index) : 0
      reach.set(p, r === undefined ? -1 : r)
    }
    const nearest = periods
      .filter((p) => (reach.get(p) ?? 0) >= 0)
      .sort(
        (a, b) =>
          Number(owned.has(b)) - Number(owned.has(a)) ||
          (reach.get(a) ?? 0) - (reach.get(b) ?? 0) ||
          distance(a) - distance(b),
      )[0]
    if (nearest) {
      const lead = text.slice(source.start, nearest.index)
      // "by the end of March", "d'ici à la fin de 2027", "hasta 2027": from the article's date on
      if (ref && FORWARD.test(lead)) {
        const ahead = (d: Day): Day => ({ ...d, year: d.year + 1 })
        const to = nearest.implicit && before(nearest.to, ref) ? ahead(nearest.to) : nearest.to
        if (!before(to, ref)) return { start: toISO(ref), end: toISO(to), text: nearest.text }
      }
      // "convocarán paros en diciembre", "the airport expects 1.6 million between November and February":
      // in a forecast a month without its year is the next one, not the last one begun
      if (
        ref &&
        nearest.implicit &&
        before(nearest.to, ref) &&
        isForecast(text.slice(source.start, source.end), lex.code, nearest.text)
      ) {
        const ahead = (d: Day): Day => ({
          ...d,
          year: d.year + 1,
          day: Math.min(d.day, lastDayOfMonth(d.year + 1, d.month)),
        })
        return { start: toISO(ahead(nearest.from)), end: toISO(ahead(nearest.to)), text: nearest.text }
      }
      // "this year": a forecast's whole year, else the year so far (conventions v2, point 1)
      const current = thisPeriod(
        nearest.text,
        text.slice(source.start, source.end),
        lex.code,
        nearest.from,
        nearest.to,
        ref,
      )
      if (current) return { start: toISO(current.from), end: toISO(current.to), text: nearest.text }
      // a period whose year was inferred ends by the article's date: the text did not say it runs on; nor
      // does one under way ("in 2026", "cet été") read in a sentence that does not look ahead (README
      // conventions: a period never ends after the article's date unless the text says so)
      const underWay =
        ref !== undefined &&
        !args.compared &&
        before(nearest.from, ref) &&
        !plansAhead(text.slice(source.start, source.end), lex.code) &&
        !MAY.test(text.slice(source.start, source.end)) &&
        !FOR_PERIOD.test(text.slice(source.start, nearest.index))
      const to = (nearest.implicit || underWay) && ref && before(ref, nearest.to) ? ref : nearest.to
      return { start: toISO(nearest.from), end: toISO(to), text: nearest.text }
    }
  }
  return undefined
}

/** The time a live blog's entry was posted, at its start: "07:40", "23:47 —", "17:05 Uhr –", "18h05 –". */
const STAMP = /^\d{1,2}[:.h]\d{2}(?:\s*Uhr)?\s*(?:[—–-]\s*|\.?\s*$|\n)/u

/** What may come: "may", "could", "pourrait", "podría", "könnte", "можуть", "может". */
const MAY =
  /(?<![\p{L}])(?:may|might|could|pourr\p{L}*|podr\p{L}*|könnte\p{L}*|dürfte\p{L}*|мож\p{L}*|могут|могли)(?![\p{L}])/iu

/** Just before a period a plan or a budget is for: "for 2025", "pour 2027", "para 2026", "für 2026", "на 2025 рік". */
const FOR_PERIOD = /(?<![\p{L}])(?:for|pour|para|für|на|для)\s+(?:(?:the|l['’]|el|das)\s+)?$/iu

/** A sentence that opens with "then", meaning the period just named: "Тогда", "Тоді", "Damals", "Then". */
const THEN =
  /^(?:then|at\s+the\s+time|alors|à\s+l['’]époque|entonces|en\s+aquel\s+momento|damals|тогда|тоді|на\s+той\s+час)(?![\p{L}])/iu

/**
 * Just before a period that a forecast or a target runs to, from the article's date: "by", "until",
 * "d'ici", "jusqu'à", "hasta", "bis", "до кінця", "к концу" (each followed by what the period phrase may
 * leave out: "the end of", "finales de").
 */
const FORWARD =
  /(?:^|[^\p{L}])(?:by|until|d['’]ici(?:\s+à)?|jusqu['’](?:à|en|au)|hasta|bis(?:\s+(?:zum|Ende))?|до\s+кінця|до\s+конца|к\s+концу|к)\s+(?:(?:the\s+)?end\s+of\s+|(?:la\s+)?fin\s+(?:de\s+|d['’])?|(?:finales|fin)\s+de\s+)?(?:l['’]|la\s+|le\s+|el\s+|la\s+)?$/iu

/** "the first nine months of the year" in six languages; the count is group 1, a stated year group 2. */
const FIRST_MONTHS = new RegExp(
  [
    `(?:the\\s+)?first\\s+(\\S+)\\s+months(?:\\s+of\\s+(?:the\\s+year|(\\d{4})))?`,
    `(?:les\\s+)?(\\S+)\\s+premiers\\s+mois(?:\\s+de\\s+(?:l['’]année|(\\d{4})))?`,
    `(?:los\\s+)?primeros\\s+(\\S+)\\s+meses(?:\\s+del?\\s+(?:año|(\\d{4})))?`,
    `(?:den\\s+)?ersten\\s+(\\S+)\\s+Monaten(?:\\s+(?:des\\s+Jahres|(\\d{4})))?`,
    // "за вісім місяців", "за восемь месяцев" (of the year): the first months too
    `(?:перші|перших|за)\\s+(\\S+)\\s+місяц\\p{L}*(?:\\s+(\\d{4})\\s+року|\\s+року)?`,
    `(?:первые|первых|за)\\s+(\\S+)\\s+месяц\\p{L}*(?:\\s+(\\d{4})\\s+года|\\s+года)?`,
  ]
    .map((p) => `(?<![\\p{L}\\d])${p}(?![\\p{L}\\d])`)
    .join('|'),
  'giu',
)

/** "les neuf premiers mois de l'année", "den ersten neun Monaten": 1 January to the end of that month. */
function firstMonths(text: string, ref: Day | undefined, lex: Lexicon): FoundPeriod[] {
  const found: FoundPeriod[] = []
  for (const m of text.matchAll(FIRST_MONTHS)) {
    const groups = m.slice(1)
    const word = groups.find((g, i) => i % 2 === 0 && g !== undefined) ?? ''
    const stated = groups.find((g, i) => i % 2 === 1 && g !== undefined)
    const n = /^\d+$/.test(word) ? Number(word) : lex.parseNumberWords([word.toLowerCase()])?.value
    if (n === undefined || n < 1 || n > 11) continue
    const year = stated !== undefined ? Number(stated) : ref?.year
    if (year === undefined) continue
    const to = { year, month: n, day: lastDayOfMonth(year, n) }
    const back = ref !== undefined && stated === undefined && before(ref, to) ? 1 : 0
    found.push({
      from: { year: year - back, month: 1, day: 1 },
      to: { ...to, year: year - back, day: lastDayOfMonth(year - back, n) },
      index: m.index,
      text: m[0],
    })
  }
  if (lex.code !== 'en' || ref === undefined) return found
  // "in the 12 months to June", "in the year to May": the months that end with the named one
  for (const m of text.matchAll(YEAR_TO)) {
    const months = m[1] === undefined ? 12 : Number(m[1]) || lex.parseNumberWords([m[1].toLowerCase()])?.value
    const month = monthNumber(m[2])
    if (months === undefined || months < 1 || month === undefined) continue
    let year = m[3] !== undefined ? Number(m[3]) : ref.year
    if (m[3] === undefined && before(ref, { year, month, day: 1 })) year--
    const to = { year, month, day: lastDayOfMonth(year, month) }
    const from = addMonths({ year, month, day: 1 }, 1 - months)
    found.push({ from, to, index: m.index, text: m[0] })
  }
  return found
}

const YEAR_TO =
  /(?<![\p{L}\d])(?:the\s+)?(?:(\S+)\s+months|year)\s+to\s+(?:the\s+end\s+of\s+)?(January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(\d{4}))?(?![\p{L}\d])/giu

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
  for (const result of chrono[words.chrono].parse(text, instant)) {
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

const before = (a: Day, b: Day): boolean => toISO(a) < toISO(b)

/** "Since February 24" read in January: a period with no year written is the latest one begun by `ref`. */
function latestBegun(p: FoundPeriod, ref: Day | undefined): FoundPeriod {
  if (!p.implicit || ref === undefined || !before(ref, p.from)) return p
  return { ...p, from: back(p.from), to: back(p.to) }
}

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

/** "since the start of the campaign in", "с выхода в прокат", "seit Beginn der Saison im": a start, then its date. */
const SINCE_START =
  /(?<![\p{L}\d])(?:since|depuis|desde|seit|з|із|від|с|со)\s+(?:the\s+|le\s+|la\s+|l['’]|el\s+|dem\s+)?(?:start|beginning|launch|outbreak|opening|début|lancement|ouverture|comienzo|inicio|principio|arranque|Beginn|Start|Anfang|Ausbruch|Eröffnung|початку|моменту|запуску|виходу|відкриття|начала|момента|запуска|выхода|открытия)(?:\s+[\p{L}'’-]+){0,5}\s+$/iu

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
    const joined =
      words.joiner.test(gap) || (words.and.test(gap) && (words.between.test(opener) || monthParts))
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
      SINCE_START.test(text.slice(0, p.index))
    if (ref !== undefined && since && before(p.from, ref)) p.to = ref
  }
  return merged
}
