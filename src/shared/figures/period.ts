// Runs everywhere: suggests the period a figure refers to, read from the figure's sentence, then the earlier
// sentences of its paragraph (and the few other places conventions v2 allow, period-context.ts), relative to
// the article's date.
import type { Day } from './dates'
import { detectFigures } from './detect'
import { lastDayOfMonth, parseISO, toISO } from './dates'
import { en } from './lang/en'
import type { Lexicon } from './lang/types'
import type { FoundPeriod } from './period-phrases'
import type { Sentence } from './sentences'
import {
  comparedAfter,
  comparedBefore,
  isChange,
  isForecast,
  isListItem,
  paragraphSentences,
  periodSources,
  plansAhead,
  releaseLead,
  thisPeriod,
} from './period-context'
import { shifted } from './period-shift'
import { before, FOR_PERIOD, MAY, sentencePhrases, sentencesOf } from './period-find'
import { hasClock, opensSegment, soFar } from './period-roles'
import { referBack } from './period-state'
import { dropsPhrase } from './period-attach'
import { forwardSpan, nearerAhead } from './period-kinds'
import { rowBracket } from './period-rows'
import { clausesOf, phraseReach, saidOn } from './period-scope'
import { sentenceAt } from './sentences'

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
  /** Where they start, when they stand before the figure (else at its end). */
  maskFrom?: number
}): SuggestedPeriod | undefined {
  const { text, start, end } = args
  const lex = args.lex ?? en
  const ref = parseISO(args.articleDate)
  const sentences = sentencesOf(text)
  if (sentences.length === 0) return undefined
  const at = sentenceAt(sentences, start)
  // "58 годом ранее", "1,8 Prozent weniger als ein Jahr zuvor", "contre 141 000 sur la même période de
  // 2024": the figure compared is the sentence's period moved back (conventions v2, point 4)
  const sentence = sentences[at]
  if (!args.compared) {
    const compared = comparedAfter(text.slice(end, sentence.end))
    // the words compared belong to this figure only when no other figure stands between
    const between = (length: number): boolean =>
      detectFigures(text.slice(end, end + length), lex).some(
        (f) => f.start > 0 && !TIME_UNITS.has(f.unit ?? ''),
      )
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
  // "тогда как годом ранее — на 64%", "Годом ранее на ту же дату … 68,2 млрд": the comparison named before
  // the figure in its clause, with no other figure between and no period of the figure's own after it
  if (!args.compared) {
    const moved = comparedFromBefore({ ...args, lex }, sentence, ref)
    if (moved) return moved
  }
  // a sentence the figure carries a period from lends the period its own first figure would take (not
  // the day something was said in it, nor what its figures are compared with)
  const read = (index: number): SuggestedPeriod | undefined => {
    const s = sentences[index]
    if (index === at) return readSentence({ ...args, lex, ref, sentence: s, own: true })
    // a dateline read for its own figures lends nothing (period-roles.ts)
    if (sentencePhrases(text, s, lex, ref).dateline) return undefined
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
    // "the same day", "desde entonces", "відтоді": the day or the start named before (period-state.ts)
    const back = referBack(text, sentences, index, lex, ref)
    if (back) return { start: toISO(back.from), end: toISO(back.to), text: back.text }
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
  // a clock time alone ("gegen 2.15 Uhr", "as of 15:00") is a moment of the day the paragraph is about, else
  // of the article's own day (period-roles.ts)
  const dayOf = (index: number, found: SuggestedPeriod): SuggestedPeriod => {
    if (!hasClock(found.text)) return found
    for (let i = index - 1; i >= 0 && sentences[i].paragraph === sentences[index].paragraph; i--) {
      const day = read(i) ?? then(i)
      if (day) return day.start === day.end && !hasClock(day.text) ? day : found
    }
    return found
  }
  for (const index of periodSources(text, sentences, at)) {
    const found = read(index) ?? then(index)
    // a table row's number in brackets takes the brackets' period (period-rows.ts)
    if (found)
      return index === at ? dayOf(index, found) : rowBracket(text, sentence, start, dayOf(index, found))
  }
  // a release or a report states one reference period in its lead, which a paragraph without a period
  // of its own refers to (the lead's own figures have theirs)
  const lead = releaseLead(text, sentences)
  if (lead && !lead.includes(at) && sentence.paragraph !== 0 && !isListItem(text, sentences, at)) {
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

/** Durations, which may stand inside a comparison's words ("un año antes", "два года назад"). */
const TIME_UNITS = new Set(['hours', 'days', 'weeks', 'months', 'years'])

/** The figure's period when its clause names what it is compared with before it (`comparedBefore`). */
function comparedFromBefore(
  args: Parameters<typeof suggestPeriod>[0] & { lex: Lexicon },
  sentence: Sentence,
  ref: Day | undefined,
): SuggestedPeriod | undefined {
  const { text, start, end, lex } = args
  const clause = clausesOf(text, sentence.start, sentence.end, lex.code).find(
    (c) => c.start <= start && start < c.end,
  )
  if (clause === undefined) return undefined
  const found = comparedBefore(text.slice(clause.start, start))
  if (found === undefined) return undefined
  const from = clause.start + found.index
  const until = from + found.length
  const gap = detectFigures(text.slice(until, start), lex).filter((f) => !TIME_UNITS.has(f.unit ?? ''))
  const { periods } = sentencePhrases(text, sentence, lex, ref)
  const ownAfter = periods.some(
    (p) => sentence.start + p.index >= end && sentence.start + p.index < clause.end,
  )
  // "(+6,8 %)": a signed figure is the change, which keeps its sentence's period
  const signed = /[+±−]\s*$/u.test(text.slice(sentence.start, start))
  // a change ("rose by 4%", "на 9% больше"), not a level ("заполнены … на 64%"), keeps its sentence's period
  const lead = text.slice(sentence.start, start).replace(/(?<![\p{L}])(?:на|um|un|una|by|de)\s+$/iu, '')
  const change = isChange(lead, text.slice(end, Math.min(sentence.end, end + 24)))
  if (gap.length > 0 || ownAfter || signed || change) return undefined
  const own = suggestPeriod({ ...args, compared: true, maskFrom: from, maskUntil: until })
  const a = parseISO(own?.start)
  const b = parseISO(own?.end)
  if (!own || !a || !b) return undefined
  const moved = shifted(a, b, found.shift)
  return { start: toISO(moved.from), end: toISO(moved.to), text: own.text }
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
    if (nearest) {
      const lead = text.slice(source.start, nearest.index)
      // "by the end of March", "d'ici à la fin de 2027", "до кінця року": read by the tense (period-kinds.ts)
      const words = text.slice(source.start, source.end)
      const ahead = plansAhead(words, lex.code) || isForecast(words, lex.code, '')
      if (ref) {
        const next = nearest.implicit && before(nearest.to, ref) && (ahead || nearerAhead(nearest.to, ref))
        const to = next ? { ...nearest.to, year: nearest.to.year + 1 } : nearest.to
        const span = forwardSpan(lead, nearest.text, to, words, ahead, ref)
        if (span) return { start: toISO(span.from), end: toISO(span.to), text: nearest.text }
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

/** A sentence that opens with "then", meaning the period just named: "Тогда", "Тоді", "Damals", "Then". */
const THEN =
  /^(?:then|at\s+the\s+time|alors|à\s+l['’]époque|entonces|en\s+aquel\s+momento|damals|тогда|тоді|на\s+той\s+час)(?![\p{L}])/iu
