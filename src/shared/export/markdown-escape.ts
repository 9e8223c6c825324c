// Runs everywhere: keeping researchers' and articles' text from turning into Markdown structure.
import { isSafeExternalUrl } from '../url-safety'

// Characters with inline meaning in CommonMark, GFM or Obsidian: code, emphasis, links and wikilinks, tags and
// headings, tables, strikethrough, math (HTML's `<` is written as a character reference: plain, below). `&` only
// before an entity, `=`/`%` only doubled
// (Obsidian highlights and comments), so ordinary prose stays readable.
const INLINE = /[\\`*_[\]#|~$]|&(?=#?[a-z0-9]+;)|=(?==)|(?<==)=|%(?=%)|(?<=%)%/gi

// A web address in running text, without the trailing punctuation GFM leaves out of links. Written as an
// `<…>` autolink, whose content Markdown never interprets, so `_`, `*` or `#` in it need no backslash.
// eslint-disable-next-line no-control-regex -- control characters end an address
const WEB_ADDRESS = /https?:\/\/[^\s<>\u0000-\u001f\u007f]*[^\s<>\u0000-\u001f\u007f?!.,:;*_~)'"\]]/gi

// Text with none of INLINE's characters and no web address is written as it is (most quotes and notes): the
// two regular expressions over every line were a tenth of a Markdown export's CPU.
const MAYBE_MARKDOWN = /[\\`*_[\]<#|~$&=%]|https?:\/\//i

/** Backslash-escapes inline Markdown in plain text, so it renders as exactly this text. */
export function escapeInline(text: string): string {
  if (!MAYBE_MARKDOWN.test(text)) return text
  let out = ''
  let last = 0
  for (const match of text.matchAll(WEB_ADDRESS)) {
    out += plain(text.slice(last, match.index)) + `<${match[0]}>`
    last = match.index + match[0].length
  }
  return out + plain(text.slice(last))
}

/**
 * Text between web addresses: inline Markdown backslash-escaped, and `<` written as `&lt;`. A backslash does not
 * hold `<` back everywhere: GFM's `www.` autolinks (marked) run up to the next `<` and take the backslash before it
 * into the link, so `www.x.org\<img src=x onerror=…>` rendered a live image; a character reference is never read
 * as markup, and every Markdown app shows it as `<`.
 */
const plain = (text: string) => text.replace(INLINE, '\\$&').replaceAll('<', '&lt;')

/** `escapeInline` for text that must stay on one line (headings, list items, fields). */
export function escapeLine(text: string): string {
  return escapeInline(text.replace(/\s+/g, ' ').trim())
}

/**
 * Escapes a line that would otherwise open a block: list items (`-`, `+`, `1.`, `1)`), quotes (`>`),
 * setext underlines and thematic breaks (`=`, `-`). Everything else at the line start is escaped inline.
 */
function escapeLineStart(line: string): string {
  const first = line.charCodeAt(0)
  if (first === 45 || first === 43 || first === 62 || first === 61) return `\\${line}` // - + > =
  // Only a digit may start an ordered list item: no regular expression for the other lines.
  return first >= 48 && first <= 57 ? line.replace(/^(\d{1,9})([.)])/, '$1\\$2') : line
}

const LINE_BREAK = /[\r\n]/

/**
 * Plain text (a quote) as a blockquote: every line prefixed with `> `, blank lines as a bare `>`, so
 * paragraphs stay paragraphs. Lines are trimmed: Markdown ignores space at line edges, and leading
 * space would make code blocks.
 */
export function blockquote(text: string): string {
  // One line (most quotes): the same as below, without splitting it into lines.
  if (!LINE_BREAK.test(text)) {
    const line = text.trim()
    return line ? `> ${escapeLineStart(escapeInline(line))}` : '>'
  }
  const lines = text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split('\n')
    .map((line) => line.trim())
  return lines.map((line) => (line ? `> ${escapeLineStart(escapeInline(line))}` : '>')).join('\n')
}

/** A link when the URL is a safe web or mail address (`<https://…>`), otherwise inert text. */
export function markdownUrl(url: string): string {
  return isSafeExternalUrl(url) && !/[<>]/.test(url) ? `<${url}>` : escapeLine(url)
}

/**
 * An Obsidian tag: `#` then the tag with its hierarchy kept (`#strikes/launched`); characters Obsidian
 * does not allow in tags (spaces, punctuation) become `-`.
 */
export function obsidianTag(tag: string): string {
  return `#${tagName(tag)}`
}

/** The tag name Obsidian accepts for a Glossa tag: `follow up` → `follow-up`. */
export function tagName(tag: string): string {
  let name = TAG_NAMES.get(tag)
  if (name === undefined) {
    name = tag.trim().replace(/[^\p{L}\p{N}_/-]+/gu, '-')
    // An archive has few tags, each on thousands of annotations; the cache stays small whatever it meets.
    if (TAG_NAMES.size >= 10_000) TAG_NAMES.clear()
    TAG_NAMES.set(tag, name)
  }
  return name
}

const TAG_NAMES = new Map<string, string>()
