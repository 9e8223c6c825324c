// Runs everywhere: the paragraph model's back references (round 12): words that name no date but point back to
// one named before them, read the same way in the six languages — "the same day" / "le même jour" / "el mismo
// día" / "am selben Tag" / "того ж дня" / "в тот же день" is the last single day named before; "since then" /
// "depuis lors" / "desde entonces" / "seitdem" / "відтоді" / "с тех пор" runs from the start of the last period
// named before to the article's date. The article's phrases are read once per sentence (period-find.ts, cached
// per text); the reference looks back sentence by sentence, nearest first, across paragraphs (the words say so).
import type { Day } from './dates'
import { toISO } from './dates'
import type { Lexicon } from './lang/types'
import { sentencePhrases } from './period-find'
import type { FoundPeriod } from './period-phrases'
import type { Sentence } from './sentences'

const SAME_DAY =
  /(?<![\p{L}])(?:the\s+same\s+day|later\s+that\s+day|that\s+same\s+day|le\s+même\s+jour|ce\s+même\s+jour|ce\s+jour-là|el\s+mismo\s+día|ese\s+mismo\s+día|aquel\s+mismo\s+día|am\s+(?:selben|gleichen)\s+Tag|noch\s+am\s+selben\s+Tag|того\s+ж(?:e)?\s+дня|того\s+самого\s+дня|у\s+той\s+самий\s+день|в\s+той\s+самий\s+день|того\s+же\s+дня|в\s+тот\s+же\s+день)(?![\p{L}])/iu

const SINCE_THEN =
  /(?<![\p{L}])(?:since\s+then|ever\s+since|depuis\s+lors|depuis\s+cette\s+date|desde\s+entonces|desde\s+ese\s+(?:día|momento)|seitdem|seither|з\s+того\s+часу|відтоді|с\s+тех\s+пор|с\s+того\s+(?:дня|момента))(?![\p{L}])/iu

export type Referred = { from: Day; to: Day; text: string }

/**
 * The period the back reference in sentence `at` points to (undefined when it has none, or nothing was named
 * before it). Looks back at most `REACH` sentences.
 */
export function referBack(
  text: string,
  sentences: Sentence[],
  at: number,
  lex: Lexicon,
  ref: Day | undefined,
): Referred | undefined {
  const own = text.slice(sentences[at].start, sentences[at].end)
  const same = SAME_DAY.exec(own)
  const since = same ? null : SINCE_THEN.exec(own)
  const span = same || since ? null : SAME_SPAN.exec(own)
  if (span) return lastSpan(text, sentences, at, lex, ref, span[0])
  if (!same && !since) return undefined
  for (let i = at - 1; i >= 0 && i >= at - REACH; i--) {
    const periods = sentencePhrases(text, sentences[i], lex, ref).periods
    const last: FoundPeriod | undefined = [...periods]
      .reverse()
      .find((p) => !same || toISO(p.from) === toISO(p.to))
    if (last === undefined) continue
    if (same) return { from: last.from, to: last.to, text: same[0] }
    if (ref === undefined || toISO(ref) < toISO(last.from)) return undefined
    return { from: last.from, to: ref, text: since?.[0] ?? '' }
  }
  return undefined
}

const REACH = 8

/**
 * "in the same period", "im gleichen Zeitraum", "sur la même période", "en el mismo periodo", "за той самий період",
 * "за тот же период" with no year after it (that is a comparison, period-context.ts): the last span named before.
 */
const SAME_SPAN =
  /(?<![\p{L}])(?:in\s+the\s+same\s+period|over\s+the\s+same\s+period|im\s+(?:gleichen|selben)\s+Zeitraum|sur\s+la\s+même\s+période|en\s+el\s+mismo\s+(?:periodo|período)|за\s+той\s+самий\s+період|за\s+тот\s+же\s+период)(?![\p{L}])(?!\s+(?:of|des|de|del|des\s+Vorjahres|минулого|прошлого|\d))/iu

function lastSpan(
  text: string,
  sentences: Sentence[],
  at: number,
  lex: Lexicon,
  ref: Day | undefined,
  words: string,
): Referred | undefined {
  for (let i = at - 1; i >= 0 && i >= at - REACH; i--) {
    const periods = sentencePhrases(text, sentences[i], lex, ref).periods
    const last = [...periods].reverse().find((p) => toISO(p.from) !== toISO(p.to))
    if (last) return { from: last.from, to: last.to, text: words }
  }
  return undefined
}
