// Runs everywhere: reads what a researcher types into the search box. Words match whole words exactly;
// "quoted phrases" match those words side by side; -word and -"phrase" leave out every article that has them;
// tag:, source: and figure: narrow (-tag: leaves out); word* is the one way to ask for words that start so.
// Pure: main runs the parsed query, and the same rules are tested here on a table.

export type SearchFilterField = 'tag' | 'source' | 'figure'

export type SearchFilter = {
  field: SearchFilterField
  /** tag: and figure: take a tag as written (a parent includes its children); source: takes words. */
  value: string
  /** Written with a leading '-': leaves out what it would keep. */
  negate: boolean
}

export type ParsedQuery = {
  /** Whole words, lower case, in the order typed. */
  terms: string[]
  /** Words typed with a trailing '*': any word that starts with them. */
  prefixes: string[]
  /** Each phrase's words, which must stand side by side in this order. */
  phrases: string[][]
  exclude: { terms: string[]; phrases: string[][] }
  filters: SearchFilter[]
}

export type ParsedSearch =
  { ok: true; query: ParsedQuery } | { ok: false; code: 'invalid_argument'; message: string }

/**
 * A word is a run of letters, digits and combining marks: the same rule the index splits text by
 * (src/main/search/terms.ts), so a parsed word is a term the index holds.
 */
const WORD = /[\p{L}\p{N}\p{M}]+/gu
const FIELDS: readonly SearchFilterField[] = ['tag', 'source', 'figure']
const FIELD_EXAMPLE: Record<SearchFilterField, string> = {
  tag: 'tag:energy',
  source: 'source:reuters',
  figure: 'figure:strikes/launched',
}

/** Lower-case words of `text`, as the index holds them. */
export function searchWords(text: string): string[] {
  return (text.match(WORD) ?? []).map((w) => w.toLowerCase())
}

type Token = { negate: boolean; quoted: boolean; text: string }

/** Splits on spaces; a quote runs to the next quote (or to the end, while it is still being typed). */
function tokens(input: string): Token[] {
  const out: Token[] = []
  let i = 0
  const n = input.length
  const space = (c: string | undefined) => c !== undefined && /\s/.test(c)
  while (i < n) {
    while (i < n && space(input[i])) i++
    if (i >= n) break
    const negate = input[i] === '-' && i + 1 < n && !space(input[i + 1])
    if (negate) i++
    if (input[i] === '"') {
      const close = input.indexOf('"', i + 1)
      const end = close < 0 ? n : close
      out.push({ negate, quoted: true, text: input.slice(i + 1, end) })
      i = end + 1
      continue
    }
    let text = ''
    while (i < n && !space(input[i])) {
      if (input[i] === '"') {
        // field:"two words" — the quote belongs to the value.
        const close = input.indexOf('"', i + 1)
        const end = close < 0 ? n : close
        text += input.slice(i + 1, end)
        i = end + 1
        continue
      }
      text += input[i++]
    }
    out.push({ negate, quoted: false, text })
  }
  return out
}

function filterOf(token: Token): SearchFilter | { error: string } | undefined {
  const at = token.text.indexOf(':')
  if (token.quoted || at < 0) return undefined
  const field = token.text.slice(0, at).toLowerCase() as SearchFilterField
  if (!FIELDS.includes(field)) return undefined
  const value = token.text
    .slice(at + 1)
    .trim()
    .replace(/^\/+|\/+$/g, '')
  if (!value)
    return { error: `${field}: needs a value right after the colon, as in ${FIELD_EXAMPLE[field]}.` }
  return { field, value, negate: token.negate }
}

export function parseSearchQuery(input: string): ParsedSearch {
  const query: ParsedQuery = {
    terms: [],
    prefixes: [],
    phrases: [],
    exclude: { terms: [], phrases: [] },
    filters: [],
  }
  for (const token of tokens(input)) {
    const filter = filterOf(token)
    if (filter && 'error' in filter) return { ok: false, code: 'invalid_argument', message: filter.error }
    if (filter) {
      query.filters.push(filter)
      continue
    }
    const words = searchWords(token.text)
    if (words.length === 0) continue
    const prefix = !token.quoted && !token.negate && words.length === 1 && /\*$/.test(token.text)
    // A word written with inner punctuation (covid-19, U.S.) is the phrase of its words.
    const phrase = token.quoted || words.length > 1
    if (token.negate) {
      if (phrase) query.exclude.phrases.push(words)
      else query.exclude.terms.push(words[0])
    } else if (prefix) query.prefixes.push(words[0])
    else if (phrase) query.phrases.push(words)
    else query.terms.push(words[0])
  }
  const positive = query.terms.length + query.prefixes.length + query.phrases.length
  if (positive === 0 && !query.filters.some((f) => !f.negate)) {
    const wrote = input.trim()
    return {
      ok: false,
      code: 'invalid_argument',
      message: wrote
        ? `“${wrote}” has nothing to look for: add a word, a "phrase" or a filter such as tag:energy (a leading - only leaves things out).`
        : 'Type a word to search for.',
    }
  }
  return { ok: true, query }
}

/**
 * True when the words of `phrase` stand in `text` side by side, in order, as whole words (whatever spaces or
 * punctuation separate them: the index reads "grain. Corridor" as the words grain, corridor too).
 */
export function containsPhrase(text: string, phrase: readonly string[]): boolean {
  if (phrase.length === 0) return true
  // Words hold only letters, digits and marks, so none needs escaping.
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}\\p{M}])${phrase.join('[^\\p{L}\\p{N}\\p{M}]+')}(?![\\p{L}\\p{N}\\p{M}])`,
    'u',
  )
  return pattern.test(text.toLowerCase())
}
