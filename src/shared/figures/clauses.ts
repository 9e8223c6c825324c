// Runs everywhere: a sentence read as clauses, and the quotes of a whole article. Shared by the speaker model
// (who says, which verb governs which figure) and the period prefill (which phrase is in the figure's clause).
// Offsets are into the article's text. The split is by form, in six languages: punctuation (commas,
// semicolons, colons, dashes, brackets), coordinating conjunctions after a comma, and relative pronouns.

/** A span of the text between quotation marks (the marks excluded), possibly across sentences and paragraphs. */
export type QuoteSpan = { start: number; end: number }

/** A clause of a sentence: its span and, where one is found, its verb (by the caller's test). */
export type Clause = {
  start: number
  end: number
  /** What opened the clause: the punctuation or word before it ('' for the sentence's first clause). */
  opener: string
  verb?: { start: number; end: number; text: string }
}

/** Pairs of quotation marks, opener → closers, in every style the six languages use. */
const PAIRS: Readonly<Record<string, string>> = {
  '«': '»',
  '„': '“”',
  '“': '”',
  '‹': '›',
  '‚': '‘’',
}

/**
 * Every quote of `text`: « … », „ … “, „ … ”, “ … ”, ‹ … ›, ‚ … ‘ and straight "…". A quote left open at a
 * paragraph's end continues when the next paragraph opens with the same mark (the English and French way of
 * quoting across paragraphs); otherwise it ends with its paragraph. Linear in the text.
 */
export function quoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = []
  let open: { mark: string; start: number } | undefined
  let straight = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '\n' && text[i + 1] === '\n') {
      // a paragraph break: does the next paragraph continue the open quote?
      let j = i + 1
      while (j < text.length && /\s/.test(text[j])) j++
      if (open !== undefined) {
        if (text[j] === open.mark || (straight && text[j] === '"')) {
          i = j
          continue
        }
        spans.push({ start: open.start, end: trimEnd(text, i) })
        open = undefined
        straight = false
      }
      i = j - 1
      continue
    }
    if (open === undefined) {
      if (c === '"') {
        open = { mark: c, start: i + 1 }
        straight = true
      } else if (c in PAIRS && !(c === '‚' && !/\s|^$/.test(text[i - 1] ?? ''))) {
        // (a low single comma-like mark opens a quote only after a space: "1‚5" is no quote)
        open = { mark: c, start: i + 1 }
      }
      continue
    }
    const closes = straight ? c === '"' : PAIRS[open.mark].includes(c)
    // ‘ ’ are also apostrophes: "l’Agence", "don’t" close nothing
    if (closes && !(/[‘’]/.test(c) && /\p{L}/u.test(text[i + 1] ?? ''))) {
      spans.push({ start: open.start, end: i })
      open = undefined
      straight = false
    }
  }
  if (open !== undefined) spans.push({ start: open.start, end: trimEnd(text, text.length) })
  return spans
}

const trimEnd = (text: string, end: number): number => {
  let k = end
  while (k > 0 && /\s/.test(text[k - 1])) k--
  return k
}

/** The quote that holds `offset`, if any (spans in order, as `quoteSpans` gives them). */
export function quoteAt(spans: readonly QuoteSpan[], offset: number): QuoteSpan | undefined {
  let lo = 0
  let hi = spans.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const s = spans[mid]
    if (offset < s.start) hi = mid - 1
    else if (offset >= s.end) lo = mid + 1
    else return s
  }
  return undefined
}

/**
 * Words that open a new clause after a comma (coordinating conjunctions) or anywhere (relative pronouns and
 * subordinators), per language. A clause break is never made inside a quote.
 */
const CONJUNCTIONS: Readonly<Record<string, readonly string[]>> = {
  en: ['and', 'but', 'while', 'whereas', 'although', 'though', 'because', 'so', 'yet', 'or'],
  fr: ['et', 'mais', 'tandis', 'alors', 'car', 'or', 'puis', 'bien', 'parce'],
  es: ['y', 'e', 'pero', 'mientras', 'aunque', 'porque', 'sino', 'pues', 'o'],
  de: ['und', 'aber', 'doch', 'sondern', 'während', 'obwohl', 'weil', 'denn', 'oder'],
  uk: ['і', 'й', 'та', 'а', 'але', 'проте', 'однак', 'тоді', 'хоча', 'бо', 'або'],
  ru: ['и', 'а', 'но', 'однако', 'тогда', 'хотя', 'потому', 'или'],
}
const RELATIVES: Readonly<Record<string, readonly string[]>> = {
  en: ['who', 'which', 'whose', 'whom', 'that', 'where', 'when'],
  fr: ['qui', 'que', 'qu', 'dont', 'où', 'lequel', 'laquelle', 'lesquels', 'lesquelles'],
  es: ['que', 'quien', 'quienes', 'cuyo', 'cuya', 'donde', 'cuando', 'cual', 'cuales'],
  de: ['der', 'die', 'das', 'dem', 'den', 'dessen', 'deren', 'denen', 'wo', 'als', 'wenn', 'dass', 'ob'],
  uk: [
    'який',
    'яка',
    'яке',
    'які',
    'якого',
    'якої',
    'яких',
    'якому',
    'якій',
    'яким',
    'що',
    'де',
    'коли',
    'щоб',
  ],
  ru: [
    'который',
    'которая',
    'которое',
    'которые',
    'которого',
    'которой',
    'которых',
    'котором',
    'что',
    'где',
    'когда',
    'чтобы',
  ],
}

/**
 * The clauses of `text[start, end)` (one sentence), in order. `isVerb` tells a clause's verb from its words
 * (the first word it accepts is the clause's verb); `lang` chooses the conjunctions and relative pronouns.
 * Punctuation always splits; a conjunction splits only after a comma (", and the ministry said"), a relative
 * pronoun after a comma (German: any comma opens a clause). Quotes are never split.
 */
export function splitClauses(
  text: string,
  start: number,
  end: number,
  lang = 'en',
  isVerb?: (word: string) => boolean,
  quotes: readonly QuoteSpan[] = [],
): Clause[] {
  const conj = new Set(CONJUNCTIONS[lang] ?? CONJUNCTIONS.en)
  const rel = new Set(RELATIVES[lang] ?? RELATIVES.en)
  const clauses: Clause[] = []
  let from = start
  let opener = ''
  const push = (to: number, next: string) => {
    if (text.slice(from, to).trim() !== '') clauses.push({ start: from, end: to, opener })
    opener = next
  }
  // (a decimal comma is no clause break: "7,4 milliards")
  const token = /\d+(?:[.,]\d+)*|[\p{L}\d][\p{L}\d'’-]*|[,;:()–—]|\s-\s/gu
  token.lastIndex = start
  let afterComma = false
  for (let m = token.exec(text); m !== null && m.index < end; m = token.exec(text)) {
    if (quoteAt(quotes, m.index) !== undefined) continue
    const w = m[0].trim()
    if (/^[;:()–—-]$/.test(w)) {
      push(m.index, w)
      from = m.index + m[0].length
      afterComma = false
      continue
    }
    if (w === ',') {
      afterComma = true
      push(m.index, ',')
      from = m.index + 1
      continue
    }
    const lower = w.toLowerCase().replace(/['’]$/, '')
    if (afterComma && (conj.has(lower) || rel.has(lower)) && from < m.index) {
      // ", and the board …": the comma already opened this clause; name its opener
      opener = `, ${lower}`
    } else if (!afterComma && rel.has(lower) && lang !== 'de' && m.index > from && /^\p{Ll}/u.test(w)) {
      // "the figures that the ministry published": a relative pronoun opens a clause of its own
      // (German articles are also relatives: only a comma opens a German clause)
      if (lang !== 'en' || lower !== 'that') {
        push(m.index, lower)
        from = m.index
      }
    }
    afterComma = false
  }
  push(end, '')
  if (isVerb)
    for (const c of clauses) {
      const word = /[\p{L}][\p{L}'’-]*/gu
      const slice = text.slice(c.start, c.end)
      for (const w of slice.matchAll(word))
        if (isVerb(w[0])) {
          c.verb = { start: c.start + w.index, end: c.start + w.index + w[0].length, text: w[0] }
          break
        }
    }
  return clauses
}

/** The clause that holds `offset`. */
export function clauseAt(clauses: readonly Clause[], offset: number): number {
  let found = 0
  for (const [i, c] of clauses.entries()) if (c.start <= offset) found = i
  return found
}
