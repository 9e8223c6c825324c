// Runs everywhere: matches table phrases ("per cent", "km/h", "more than") against tokens.
import { tokenize } from './tokenize'
import type { Token } from './types'

type PhraseToken = { lower: string; glued: boolean }

// Table phrases are tokenised on first use, so importing this module does no work.
const cache = new Map<string, PhraseToken[]>()

function phraseTokens(phrase: string): PhraseToken[] {
  let tokens = cache.get(phrase)
  if (tokens === undefined) {
    tokens = tokenize(phrase).map((t, i) => ({ lower: t.lower, glued: i > 0 && t.gap === '' }))
    cache.set(phrase, tokens)
  }
  return tokens
}

/** How the phrase's first token must join the token before it: `near` is glued or spaced on one line. */
export type Joint = 'glued' | 'spaced' | 'near' | 'any'

const joins = (token: Token, joint: Joint): boolean => {
  if (joint === 'any') return true
  if (joint === 'glued') return token.gap === ''
  return !token.gap.includes('\n') && (joint === 'near' || token.gap.length > 0)
}

function matchesFrom(tokens: Token[], at: number, parts: PhraseToken[], joint: Joint): boolean {
  return parts.every((part, k) => {
    const token = tokens[at + k]
    if (token === undefined || token.lower !== part.lower) return false
    return k === 0 ? joins(token, joint) : joins(token, part.glued ? 'glued' : 'spaced')
  })
}

/** The longest of `phrases` starting at token `at`: the phrase and its last token index. */
export function longestAt(
  tokens: Token[],
  at: number,
  phrases: Iterable<string>,
  joint: Joint,
): { phrase: string; last: number } | undefined {
  let best: { phrase: string; last: number } | undefined
  for (const phrase of phrases) {
    const parts = phraseTokens(phrase)
    if ((best === undefined || parts.length > best.last - at + 1) && matchesFrom(tokens, at, parts, joint))
      best = { phrase, last: at + parts.length - 1 }
  }
  return best
}

/** The longest of `phrases` ending at token `end`, spaced from the token after it: phrase and first index. */
export function longestBefore(
  tokens: Token[],
  end: number,
  phrases: Iterable<string>,
): { phrase: string; first: number } | undefined {
  let best: { phrase: string; first: number } | undefined
  for (const phrase of phrases) {
    const parts = phraseTokens(phrase)
    const first = end - parts.length + 1
    if (first < 0 || (best !== undefined && best.first <= first)) continue
    const after = tokens[end + 1]
    if (after !== undefined && !joins(after, 'spaced')) continue
    if (matchesFrom(tokens, first, parts, 'any')) best = { phrase, first }
  }
  return best
}
