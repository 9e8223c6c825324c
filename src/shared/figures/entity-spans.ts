// Runs everywhere: a speaker's mention trimmed to its noun phrase before it is resolved against the article's
// entity table (entity-resolve.ts): a quoted name framed by a preposition, a quote that is no name, a
// Ukrainian or Russian body in the nominative, a German genitive head undone.
import { kindOf } from './entity-kinds'
import { ruBodyNominative } from './lang/ru-names'
import { ukBodyNominative } from './lang/uk-names'
import type { Lexicon } from './lang/types'

/** A Ukrainian or Russian body's name in the nominative ("Закарпатській обласній … адміністрації"). */
export function bodyNominative(name: string, code: string): string | undefined {
  if (code === 'uk') return ukBodyNominative(name)
  if (code === 'ru') return ruBodyNominative(name)
  return undefined
}

/** Prepositions before a quoted name in a mention: "В пресс-службе «…»", "Водночас у «…»". */
const BEFORE_QUOTE = /(?:^|\s)(?:у|в|во|на|із|з|из|от|від|при|in|at|bei|à|en)\s/iu

/**
 * A mention trimmed to its noun phrase: a quoted name framed by a preposition ("В пресс-службе «X»" → X), a
 * quote that is no name dropped ("клуб «продал его за …»" → "клуб"), a Ukrainian or Russian body in the
 * nominative, a German genitive head undone ("Bundesamts für …" → "Bundesamt für …").
 */
export function trimSpan(mention: string, lex: Lexicon): string {
  const quoted = /^(.*?)\s*«([^»]+)»\s*$/u.exec(mention)
  if (quoted && quoted[1] !== '') {
    if (/^\p{Ll}/u.test(quoted[2])) return quoted[1]
    if (BEFORE_QUOTE.test(` ${quoted[1]} `)) return quoted[2]
  }
  if (lex.code === 'uk') {
    // "науковці Карпатського інституту геології": a plural noun before a body is who works there
    const m = /^\p{Ll}+[іи]\s+(\p{Lu}.*)$/u.exec(mention)
    const nominative = m ? ukBodyNominative(m[1]) : undefined
    if (nominative !== undefined) return nominative
    const whole = ukBodyNominative(mention)
    if (whole !== undefined && whole !== mention) return whole
  }
  if (lex.code === 'de') {
    const [first, ...rest] = mention.split(' ')
    const stem = /^(\p{Lu}\p{Ll}{3,}?)(?:es|s)$/u.exec(first)?.[1]
    if (stem !== undefined && (kindOf(stem) ?? kindOf(stem, true)) !== undefined)
      return [stem, ...rest].join(' ')
  }
  return mention
}
