// Runs everywhere: a researcher's Markdown note placed inside an exported document without breaking it, and
// inert in whatever app opens the document. A note is hostile input (a backup, a team member's sync): the app
// shows raw HTML in it as text, an image as its alt text and a link only to a safe address (note-html.ts), but
// Obsidian, Typora or a Markdown preview render the exported file's HTML, load its images from anywhere and follow
// any link. So outside code, HTML, images and links to other than a web or mail address are written as the text
// they are (`<` as `&lt;`, a bracket as `&#91;` or `&#93;`, which every Markdown app shows as the character), and a
// code block Obsidian's plugins would run is written as plain code.
import { isSafeExternalUrl } from '../url-safety'

const FENCE = /^ {0,3}(`{3,}|~{3,})/
const ATX_HEADING = /^( {0,3})(#{1,6})(?=[ \t]|$)/

/**
 * Info strings of code blocks that an Obsidian plugin runs as JavaScript when the note is shown (Dataview's
 * `dataviewjs`, JS Engine's `js-engine`): such a block is kept, as plain code.
 */
const RUNNABLE_CODE = /^(dataviewjs|js-engine)\b/i

/**
 * The note as Markdown, fitted into a document whose sections sit at heading level `sectionLevel`:
 * its headings are moved down below that level (at most `######`), and a code fence it leaves open is
 * closed, so nothing after the note is swallowed into it. Text inside fences is left untouched; the rest is
 * made inert (see the top of the file).
 */
export function fitNote(note: string, sectionLevel: number): string {
  // Blank lines around the note go; the first line's indentation stays (it may be a code block).
  const lines = note
    .replace(/\r\n?/g, '\n')
    .replace(/^([ \t]*\n)+/, '')
    .trimEnd()
    .split('\n')
  let openFence: string | undefined
  /** The open fence starts at the line's start: outside any list or quote, so only its closing fence ends it. */
  let topLevel = false
  const out = lines.map((line) => {
    const fence = fenceOf(line)
    if (openFence) {
      if (fence && fence[0] === openFence[0] && fence.length >= openFence.length && isBareFence(line)) {
        openFence = undefined
      }
      // A fence indented under a list item ends with the item, where a parser may read on as Markdown.
      return topLevel || !openFence ? line : inert(line)
    }
    if (fence) {
      openFence = fence
      topLevel = line.startsWith(fence)
      return neutralFence(line, fence)
    }
    return inert(
      line.replace(ATX_HEADING, (_m, indent: string, hashes: string) => {
        return indent + '#'.repeat(Math.min(6, hashes.length + sectionLevel))
      }),
    )
  })
  if (openFence) out.push(openFence)
  return out.join('\n')
}

/** The fence a line opens, if it opens one: a backtick fence's info string holds no backtick (CommonMark). */
function fenceOf(line: string): string | undefined {
  const fence = FENCE.exec(line)?.[1]
  if (fence?.[0] === '`' && line.slice(line.indexOf(fence) + fence.length).includes('`')) return undefined
  return fence
}

/** An opening fence, its info string dropped when it names code a plugin would run. */
function neutralFence(line: string, fence: string): string {
  const at = line.indexOf(fence) + fence.length
  return RUNNABLE_CODE.test(line.slice(at).trim()) ? line.slice(0, at) : line
}

/** A closing fence carries nothing after its backticks or tildes. */
function isBareFence(line: string): boolean {
  return /^ {0,3}(`{3,}|~{3,})[ \t]*$/.test(line)
}

/** Characters that may start HTML, an image or a link; a line without them is written as it is. */
const MAYBE_ACTIVE = /<|!\[|\]\(|\]:/

/**
 * A line of Markdown with its HTML, images and links to unsafe addresses made text, outside code spans. Doing so
 * where a parser would not see the construct changes nothing shown; code spans are read on the line alone, so one
 * running over lines is treated as text too (its `&lt;` then shows as written), never the reverse.
 */
function inert(line: string): string {
  if (!MAYBE_ACTIVE.test(line)) return line
  let out = ''
  for (const { code, text } of codeSpans(line)) out += code ? text : inertText(text)
  return out
}

/** `[text](address` and `[label]: address` (a reference definition, also inside a list or quote). */
const LINK_TARGET = /\]([(:])[ \t]*(<[^>\n]*>?|[^\s)]*)/g
/** `<` opening a tag, a comment, a declaration, or an autolink. */
const TAG_OPEN = /<([A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*>|[A-Za-z/!?])/g

/**
 * Written as character references, not backslash escapes: a reference never forms Markdown structure, whatever
 * stands before it, while a backslash is taken into an address that runs up to it ("https://x.org\<img …>", which
 * GFM's autolinks read as a link followed by an image) or doubled by one the note already had.
 */
function inertText(text: string): string {
  return (
    text
      // An image is never loaded: its `[` becomes text (the app shows an image as its alt text).
      .replaceAll('![', '!&#91;')
      .replace(LINK_TARGET, (whole: string, kind: string, target: string) => {
        const address = target.startsWith('<') ? target.slice(1).replace(/>$/, '') : target
        return isSafeExternalUrl(address) ? whole : `&#93;${kind}${whole.slice(2)}`
      })
      .replace(TAG_OPEN, (whole: string, rest: string) => {
        // An autolink to a web or mail address stays a link; any other `<…` is text.
        const autolink = rest.length > 1 && rest.endsWith('>') ? rest.slice(0, -1) : undefined
        return autolink !== undefined && isSafeExternalUrl(autolink) ? whole : `&lt;${rest}`
      })
  )
}

/**
 * The line cut into code spans and the text between them, as CommonMark reads them on one line: a run of
 * backticks (not escaped by a backslash) opens a span that the next run of the same length closes; a run with no
 * closing run is text.
 */
function codeSpans(line: string): { code: boolean; text: string }[] {
  const parts: { code: boolean; text: string }[] = []
  let textStart = 0
  let i = 0
  while (i < line.length) {
    const c = line[i]
    if (c === '\\') {
      i += 2
      continue
    }
    if (c !== '`') {
      i++
      continue
    }
    let run = i
    while (line[run] === '`') run++
    const width = run - i
    let close = -1
    for (let j = run; j < line.length;) {
      if (line[j] !== '`') {
        j++
        continue
      }
      let end = j
      while (line[end] === '`') end++
      if (end - j === width) {
        close = end
        break
      }
      j = end
    }
    if (close < 0) {
      i = run
      continue
    }
    if (i > textStart) parts.push({ code: false, text: line.slice(textStart, i) })
    parts.push({ code: true, text: line.slice(i, close) })
    textStart = i = close
  }
  if (textStart < line.length) parts.push({ code: false, text: line.slice(textStart) })
  return parts
}
