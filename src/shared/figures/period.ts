// Runs everywhere: suggests the period a figure refers to, read from the figure's sentence, then the earlier
// sentences of its paragraph (and the few other places conventions v2 allow, period-context.ts), relative to
// the article's date.
import type { Day } from './dates'
import { detectFigures } from './detect'
import { parseISO, toISO } from './dates'
import { en } from './lang/en'
import type { Lexicon } from './lang/types'
import type { Sentence } from './sentences'
import { comparedAfter, comparedBefore, isChange, isListItem, periodSources } from './period-context'
import { frameFor } from './period-frame'
import { shifted } from './period-shift'
import { sentencePhrases, sentencesOf } from './period-find'
import { hasClock } from './period-roles'
import { referBack } from './period-state'
import { readSentence, TIME_UNITS } from './period-read'
import type { SuggestedPeriod } from './period-read'
import { rowBracket } from './period-rows'
import { clausesOf } from './period-scope'
import { sentenceAt } from './sentences'

export type { SuggestedPeriod } from './period-read'

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
    // a signed figure ("+4.2% on the quarter before") is a change too
    const change =
      compared !== undefined &&
      (isChange(text.slice(sentence.start, start), text.slice(end, end + compared.length)) ||
        /^[+±−]|[+±−]\s*$/u.test(text.slice(Math.max(sentence.start, start - 2), start + 1)))
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
  // the article's frame: the reference period its title or lead states for the piece (period-frame.ts)
  if (isListItem(text, sentences, at)) return undefined
  return frameFor({
    text,
    sentences,
    at,
    start,
    end,
    lex,
    articleDate: args.articleDate,
    read: (from, to) => suggestPeriod({ text, start: from, end: to, articleDate: args.articleDate, lex }),
  })
}

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

/** A sentence that opens with "then", meaning the period just named: "Тогда", "Тоді", "Damals", "Then". */
const THEN =
  /^(?:then|at\s+the\s+time|alors|à\s+l['’]époque|entonces|en\s+aquel\s+momento|damals|тогда|тоді|на\s+той\s+час)(?![\p{L}])/iu
