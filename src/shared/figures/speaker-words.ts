// Runs everywhere: a sentence as the speaker finder of speakers.ts reads it — its words with their offsets, a
// word the language reads as several split ("l'Agence" → "l'" "Agence", "a-t-il" → "il" "a"), and words
// joined back as the text wrote them.
import type { SpeechWords } from './lang/types'

export type Word = { text: string; lower: string; index: number; cap: boolean }

/** The words of `sentence` (letters and digits, or one sign each), split where the language splits a word. */
export function splitWords(sentence: string, speech: SpeechWords): Word[] {
  const found = [...sentence.matchAll(/[\p{L}\d][\p{L}\d'’-]*|[^\s\p{L}\d]/gu)]
  const parts = found.flatMap((m) =>
    (speech.splitWord?.(m[0]) ?? [m[0]]).map((text) => ({ text, index: m.index + m[0].indexOf(text) })),
  )
  return parts.map(({ text, index }) => ({
    text,
    lower: text.toLowerCase(),
    index,
    cap: /^\p{Lu}/u.test(text),
  }))
}

/** Words as the text wrote them, elided ones glued to the next ("d'État"). */
export const joinWords = (ws: readonly Word[]): string =>
  ws.map((w, i) => (i > 0 && w.index > ws[i - 1].index + ws[i - 1].text.length ? ' ' : '') + w.text).join('')
