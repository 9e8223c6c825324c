// Runs everywhere: the period one sentence gives a figure (its own sentence, or an earlier one it carries
// from): the phrases the figure's clause can reach, the nearest of them, read against the article's date and
// the sentence's tense. period.ts chooses the sentences.
import type { Day } from './dates'
import { detectFigures } from './detect'
import { dayNumber, lastDayOfMonth, toISO } from './dates'
import type { Lexicon } from './lang/types'
import type { FoundPeriod } from './period-phrases'
import type { Sentence } from './sentences'
import { isChange, isForecast, plansAhead, thisPeriod } from './period-context'
import { before, FOR_PERIOD, MAY, sentencePhrases } from './period-find'
import { opensSegment, soFar } from './period-roles'
import { dropsPhrase } from './period-attach'
import { byWeeks, forwardSpan, nearerAhead, weekdayOnly } from './period-kinds'
import { clausesOf, phraseReach, saidOn } from './period-scope'
import { shifted } from './period-shift'

export type SuggestedPeriod = { start: string; end: string; text: string }

/** "the same period of", "the same months of", "la même période de", "los mismos meses de", "той самий період". */
const SAME_PERIOD =
  /(?<![\p{L}])(?:the\s+same\s+(?:period|months?|weeks?|quarter|date)\s+(?:of|in|last)|(?:la\s+)?même\s+(?:période|date)\s+(?:de|en|l['’]an)|(?:les\s+)?mêmes\s+mois\s+de|(?:el\s+)?mismo\s+(?:periodo|período)\s+de|(?:los\s+)?mismos\s+meses\s+de|(?:im\s+)?gleichen\s+Zeitraum|(?:за\s+)?(?:той\s+самий|той\s+же|аналогічний)\s+період|(?:за\s+)?(?:тот\s+же|аналогичный)\s+период)\s*$/iu
const samePeriod = (lead: string): boolean => SAME_PERIOD.test(lead.replace(/\s+$/u, ' '))

/** A period of whole calendar years ("2025", "l'an dernier"). */
const wholeYears = (p: FoundPeriod): boolean =>
  p.from.month === 1 && p.from.day === 1 && p.to.month === 12 && p.to.day === 31

/** Durations, which may stand inside a comparison's words ("un año antes", "два года назад"). */
export const TIME_UNITS = new Set(['hours', 'days', 'weeks', 'months', 'years'])

/** The period a sentence gives the figure at `start`–`end` (its own sentence, or one it carries from). */
export function readSentence(args: {
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
  maskFrom?: number
  /** Any period the sentence names, a compared one too (what "then" refers back to). */
  anyPhrase?: boolean
  /** `start` is a figure: only the phrases its clause can reach count (period-scope.ts). */
  scope?: boolean
}): SuggestedPeriod | undefined {
  const { text, start, end, lex, ref, sentence: source } = args
  const words = lex.period
  {
    const mask =
      args.maskUntil !== undefined && args.own
        ? { from: args.maskFrom ?? end, to: args.maskUntil }
        : undefined
    const { slice, periods: merged } = sentencePhrases(text, source, lex, ref, mask)
    // "11% more than in August": the period compared with is not the figure's, unless the figure is
    // the one compared ("98,4 millones, frente a los 251 millones de 2012") or the comparison is the
    // figure's own ("на 12% меньше, чем в 2023-м", "4 Prozent niedriger als 2019"), which it then takes
    const owned = new Set<FoundPeriod>()
    // the whole figure the span falls in ("40" of "40 млн тонн"), for what follows it
    const whole = detectFigures(text.slice(source.start, source.end), lex).find(
      (f) => source.start + f.start <= start && start < source.start + f.end,
    )
    const figureEnd = Math.max(end, whole ? source.start + whole.end : end)
    const periods = merged
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
      // a phrase in a participle on another noun or naming an act's day dates that, a date in a name names,
      // "за N років" in a future sentence lies ahead (period-attach.ts)
      .filter(
        (p) =>
          args.anyPhrase === true ||
          !dropsPhrase(
            text.slice(source.start, source.end),
            p.index - source.start,
            p.index - source.start + p.text.length,
            start < source.end ? start - source.start : undefined,
            lex.code,
            { from: toISO(p.from), to: toISO(p.to), ref: ref && toISO(ref) },
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
      // ", в 2024-м — 13": a phrase opening a parallel segment after the figure dates that segment's figure
      const segment =
        scoped &&
        p.index >= figureEnd &&
        opensSegment(text.slice(figureEnd, p.index), text.slice(p.index + p.text.length, source.end), (t) =>
          detectFigures(t, lex).some((f) => !TIME_UNITS.has(f.unit ?? '')),
        )
      reach.set(p, r === undefined || segment ? -1 : r)
    }
    const nearest = periods
      .filter((p) => (reach.get(p) ?? 0) >= 0)
      .sort(
        (a, b) =>
          Number(owned.has(b)) - Number(owned.has(a)) ||
          (reach.get(a) ?? 0) - (reach.get(b) ?? 0) ||
          distance(a) - distance(b),
      )[0]
    // "against 84% in the same months of 2025", "contre 910 tonnes sur la même période de 2025": the period the
    // sentence names before, in the year named
    const same = nearest && samePeriod(text.slice(Math.max(source.start, nearest.index - 40), nearest.index))
    const earlier =
      same && nearest ? periods.find((p) => p.index < nearest.index && !wholeYears(p)) : undefined
    if (nearest && earlier && wholeYears(nearest)) {
      const moved = shifted(earlier.from, earlier.to, { years: nearest.to.year - earlier.to.year })
      return { start: toISO(moved.from), end: toISO(moved.to), text: nearest.text }
    }
    if (nearest) {
      const lead = text.slice(source.start, nearest.index)
      // "by the end of March", "d'ici à la fin de 2027", "до кінця року": read by the tense (period-kinds.ts)
      const words = text.slice(source.start, source.end)
      const ahead = plansAhead(words, lex.code) || isForecast(words, lex.code, '')
      if (ref) {
        // a weekday read as the last one is the coming one in a sentence that looks ahead ("bis Sonntag")
        const week = weekdayOnly(nearest.text)
        const next =
          (nearest.implicit || week) && before(nearest.to, ref) && (ahead || nearerAhead(nearest.to, ref))
        // a weekday ahead is the coming one, a week on; a month the next year's
        const to = !next
          ? nearest.to
          : week
            ? byWeeks(nearest.to, nearest.to, 1).to
            : { ...nearest.to, year: nearest.to.year + 1 }
        const span = forwardSpan(lead, nearest.text, to, words, ahead, ref)
        if (span) return { start: toISO(span.from), end: toISO(span.to), text: nearest.text }
      }
      // "convocarán paros en diciembre", "the airport expects 1.6 million between November and February":
      // in a forecast a month without its year is the next one, not the last one begun
      if (
        ref &&
        (nearest.implicit || weekdayOnly(nearest.text) || thisComing(nearest, ref)) &&
        before(nearest.to, ref) &&
        isForecast(
          text.slice(source.start, source.end),
          lex.code,
          thisComing(nearest, ref) ? '' : nearest.text,
        )
      ) {
        if (weekdayOnly(nearest.text)) {
          const coming = byWeeks(nearest.from, nearest.to, 1)
          return { start: toISO(coming.from), end: toISO(coming.to), text: nearest.text }
        }
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
        (soFar(text.slice(nearest.index, Math.min(source.end, nearest.index + nearest.text.length + 40))) ||
          (!plansAhead(text.slice(source.start, source.end), lex.code) &&
            !MAY.test(text.slice(source.start, source.end)) &&
            !FOR_PERIOD.test(text.slice(source.start, nearest.index))))
      const to = (nearest.implicit || underWay) && ref && before(ref, nearest.to) ? ref : nearest.to
      return { start: toISO(nearest.from), end: toISO(to), text: nearest.text }
    }
  }
  return undefined
}

/**
 * "this winter", "cet hiver", "этой зимой", "цієї зими" with no year written: in a forecast, once that one is over,
 * the coming one (a future period with no year written is the next such period, session 9).
 */
const THIS_OVER =
  /^(?:this|cet(?:te)?|ce|este|esta|dies\p{L}*|цьо\p{L}*|ціє\p{L}*|ці\p{L}*|эт\p{L}*|(?:в|у)\s+(?:эт|цьо|ці)\p{L}*)\s+\D+$/iu

/** Days since 1970. */

/** A "this …" period over by `ref` whose next one begins sooner than the last one ended (`THIS_OVER`). */
const thisComing = (p: { from: Day; to: Day; text: string }, ref: Day): boolean =>
  THIS_OVER.test(p.text) &&
  dayNumber({ ...p.from, year: p.from.year + 1 }) - dayNumber(ref) < dayNumber(ref) - dayNumber(p.to)
