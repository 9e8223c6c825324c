// Runs everywhere: the types of figure detection.
import type { Lexicon } from './lang/types'

/** A figure found in running text; `text === input.slice(start, end)`. */
export type FigureCandidate = {
  text: string
  start: number
  end: number
  value: number
  max?: number
  unit?: string
  qualifier?: string
  vague?: boolean
}

export type TokenKind = 'num' | 'word' | 'sym'

/** `gap` is the text between the previous token and this one (only ever whitespace). */
export type Token = { text: string; lower: string; start: number; end: number; kind: TokenKind; gap: string }

export type Span = { start: number; end: number }

/**
 * A figure under construction, in token indexes (`first`..`last` inclusive).
 * `measure` is a unit that belongs inside the span (%, currency, km…); `unit` the counted noun after it.
 */
export type Draft = {
  first: number
  last: number
  value: number
  max?: number
  kind: 'digits' | 'words' | 'fraction' | 'ratio' | 'vague'
  /** the number exactly as written, before any scale (digits only) */
  digits?: string
  scale?: number
  measure?: string
  unit?: string
  qualifier?: string
}

/** What every step of detection reads: the text, its tokens and which tokens sit in excluded spans. */
export type Scan = { text: string; tokens: Token[]; blocked: boolean[]; lex: Lexicon }
