// Runs everywhere: splits article text into paragraphs (blank lines) and sentences.

export type Sentence = { start: number; end: number; paragraph: number }

// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'prof',
  'gen',
  'col',
  'lt',
  'sgt',
  'st',
  'no',
  'vs',
  'etc',
  'jan',
  'feb',
  'aug',
  'sept',
  'oct',
  'nov',
  'dec',
  'e.g',
  'i.e',
  'u.s',
  'u.k',
  // German: Mio., Mrd., ca., bzw., Nr., Fr. (Swiss francs), Tsd.
  'mio',
  'mrd',
  'ca',
  'bzw',
  'nr',
  'fr',
  'tsd',
])

/** A day's ordinal before a German month ("am 4. Dezember") is no sentence end. */
const MONTH_AFTER =
  /^\s+(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b/

/** Sentences in order, each with the index of its paragraph. A single line break also ends one. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = []
  let paragraph = 0
  const paragraphs = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g
  for (const block of text.matchAll(paragraphs)) {
    if (block[0].trim() === '') continue
    let start = block.index + (block[0].length - block[0].trimStart().length)
    // a sentence may open with a French quote and its space: « Chaque…
    const boundary = /[.!?]+["'”’)\]]*(?=\s+(?:["'“‘„(]|«\s?)?[\p{Lu}\d])|\n/gu
    for (const m of block[0].matchAll(boundary)) {
      const end = block.index + m.index + m[0].length
      const word =
        text
          .slice(start, block.index + m.index)
          .match(/([\p{L}.]+)$/u)?.[1]
          .toLowerCase() ?? ''
      if (m[0] !== '\n' && (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word))) continue
      const before = text.slice(start, block.index + m.index)
      if (m[0] === '.' && /(?<![\d.])\d{1,2}$/.test(before) && MONTH_AFTER.test(text.slice(end))) continue
      // "1. The first measure": a list marker opens its sentence
      if (m[0] !== '\n' && /^\d{1,2}$/.test(text.slice(start, block.index + m.index))) continue
      if (text.slice(start, end).trim() !== '')
        sentences.push({ start, end: m[0] === '\n' ? end - 1 : end, paragraph })
      start = end
      while (/\s/.test(text[start] ?? '')) start++
    }
    const blockEnd = block.index + block[0].trimEnd().length
    if (start < blockEnd) sentences.push({ start, end: blockEnd, paragraph })
    paragraph++
  }
  return sentences
}

/** The index of the sentence containing `offset` (or the last one before it). */
export function sentenceAt(sentences: Sentence[], offset: number): number {
  let found = 0
  for (const [i, s] of sentences.entries()) if (s.start <= offset) found = i
  return found
}
