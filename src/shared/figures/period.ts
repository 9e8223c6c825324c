// Runs everywhere: suggests the period a figure refers to, read from the figure's sentence, then the
// sentence before it, then the title line, relative to the article's date.
import * as chrono from 'chrono-node'
import type { ParsedComponents } from 'chrono-node'
import type { Day } from './dates'
import { detectFigures } from './detect'
import { lastDayOfMonth, parseISO, toISO } from './dates'
import { en } from './lang/en'
import type { Lexicon, PeriodWords } from './lang/types'
import type { FoundPeriod } from './period-phrases'
import type { Sentence } from './sentences'
import { sentenceAt, splitSentences } from './sentences'

export type SuggestedPeriod = { start: string; end: string; text: string }

export function suggestPeriod(args: {
  text: string
  start: number
  end: number
  articleDate?: string
  lex?: Lexicon
}): SuggestedPeriod | undefined {
  const { text, start, end } = args
  const lex = args.lex ?? en
  const words = lex.period
  const ref = parseISO(args.articleDate)
  const sentences = splitSentences(text)
  if (sentences.length === 0) return undefined
  const at = sentenceAt(sentences, start)
  const title = sentences[0].paragraph === 0 && sentences[1]?.paragraph !== 0 ? sentences[0] : undefined
  const sources = [sentences[at], sentences[at - 1], title].filter((s): s is Sentence => s !== undefined)
  for (const source of sources) {
    // Figures are masked so "On Tuesday, 12 people" is not Tuesday at noon, nor "In May, 68.5%" May 1968.
    const slice = maskSaid(maskFigures(text.slice(source.start, source.end), lex), words)
    const found = [...words.phrases(slice, ref), ...chronoPeriods(slice, ref, words)].map((p) =>
      latestBegun(p, ref),
    )
    const periods = mergeRanges(slice, found, ref, words)
      // "11% more than in August": the period compared with is not the figure's, unless the figure is
      // the one compared ("98,4 millones, frente a los 251 millones de 2012")
      .filter((p) => {
        const compared = words.comparison ? slice.slice(0, p.index).search(words.comparison) : -1
        const at = start - source.start
        return compared < 0 || (at >= compared && at < p.index)
      })
      .map((p) => ({ ...p, index: p.index + source.start }))
      // a duration inside its own period ("depuis huit mois", "the past 24 hours") is read with it;
      // no other figure can sit inside a period, since figures are masked
      .filter(
        (p) =>
          p.index >= end ||
          p.index + p.text.length <= start ||
          (p.index <= start && p.index + p.text.length >= end && p.text.length > end - start),
      )
      // a dateline repeats the article's own date; it says nothing about the figure
      .filter(
        (p) =>
          source !== title ||
          toISO(p.from) !== args.articleDate?.slice(0, 10) ||
          toISO(p.to) !== toISO(p.from),
      )
    const distance = (p: FoundPeriod): number =>
      p.index >= end ? p.index - end : start - (p.index + p.text.length)
    const nearest = periods.sort((a, b) => distance(a) - distance(b))[0]
    // where only a day's events carry on (French news), a longer period before is not the figure's
    if (
      nearest &&
      source !== sentences[at] &&
      source === sentences[at - 1] &&
      words.carryDays !== undefined
    ) {
      const days = (d: Day): number => Date.UTC(d.year, d.month - 1, d.day) / 864e5
      if (days(nearest.to) - days(nearest.from) > words.carryDays) continue
    }
    if (nearest) {
      const lead = text.slice(source.start, nearest.index)
      // "by the end of March", "d'ici à la fin de 2027", "hasta 2027": from the article's date on
      if (ref && FORWARD.test(lead)) {
        const ahead = (d: Day): Day => ({ ...d, year: d.year + 1 })
        const to = nearest.implicit && before(nearest.to, ref) ? ahead(nearest.to) : nearest.to
        if (!before(to, ref)) return { start: toISO(ref), end: toISO(to), text: nearest.text }
      }
      // a period whose year was inferred ends by the article's date: the text did not say it runs on
      const to = nearest.implicit && ref && before(ref, nearest.to) ? ref : nearest.to
      return { start: toISO(nearest.from), end: toISO(to), text: nearest.text }
    }
  }
  return undefined
}

/**
 * Just before a period that a forecast or a target runs to, from the article's date: "by", "until",
 * "d'ici", "jusqu'à", "hasta", "bis", "до кінця", "к концу" (each followed by what the period phrase may
 * leave out: "the end of", "finales de").
 */
const FORWARD =
  /(?:^|[^\p{L}])(?:by|until|d['’]ici(?:\s+à)?|jusqu['’](?:à|en|au)|hasta|bis(?:\s+(?:zum|Ende))?|до\s+кінця|до\s+конца|к\s+концу)\s+(?:(?:the\s+)?end\s+of\s+|(?:la\s+)?fin\s+(?:de\s+|d['’])?|(?:finales|fin)\s+de\s+)?(?:l['’]|la\s+|le\s+|el\s+|la\s+)?$/iu

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
  const back = (d: Day): Day => ({
    ...d,
    year: d.year - 1,
    day: Math.min(d.day, lastDayOfMonth(d.year - 1, d.month)),
  })
  return { ...p, from: back(p.from), to: back(p.to) }
}

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
    if (last && joined && !before(p.to, last.from)) {
      merged[merged.length - 1] = { ...last, to: p.to, text: text.slice(last.index, p.index + p.text.length) }
    } else merged.push({ ...p })
  }
  for (const p of merged) {
    if (ref !== undefined && words.since.test(text.slice(0, p.index)) && before(p.from, ref)) p.to = ref
  }
  return merged
}
