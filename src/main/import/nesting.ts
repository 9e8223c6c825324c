// Main process: caps how deep a page's markup nests before linkedom parses it, in one pass over the string.
// htmlparser2 (under linkedom) keeps its open elements in an array it unshifts and shifts, so a page nested N deep
// costs N² to parse (a 100,000-deep list: minutes), and Readability weighs every container against all the
// containers inside it, which costs depth² for every character of text. A tag opened deeper than the cap is left
// out of the markup (with its closing tag), its text stays, and a block tag becomes a <br> so words stay apart.
// The count follows htmlparser2's own rules (which open tags close which, void and self-closing tags, raw text),
// so the parser's stack stays within the cap; skeleton.ts still flattens anything deeper after parsing.

/** No element is nested deeper than this (counted from the document: <html> is 1). The sanitizer stores no
 * deeper markup either; news pages nest their articles 15 to 35 deep. */
export const MAX_NESTING = 48
/** A page with more tags, attributes and comments than this is refused before it is parsed: linkedom spends
 * kilobytes and tens of microseconds on each node, and a page this big is a whole site, not an article. */
export const MAX_PARTS = 400_000

// htmlparser2 10.x: a start tag named by the key closes open elements named in its set, while one is on top.
const P = ['p']
const FORM = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']
const IMPLIES_CLOSE = new Map<string, Set<string>>(
  Object.entries({
    tr: ['tr', 'th', 'td'],
    th: ['th'],
    td: ['thead', 'th', 'td'],
    body: ['head', 'link', 'script'],
    li: ['li'],
    option: ['option'],
    optgroup: ['optgroup', 'option'],
    dd: ['dd', 'dt'],
    dt: ['dd', 'dt'],
    rt: ['rt', 'rp'],
    rp: ['rt', 'rp'],
    tbody: ['thead', 'tbody'],
    tfoot: ['thead', 'tbody'],
    ...Object.fromEntries(
      ['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t) => [t, FORM]),
    ),
    ...Object.fromEntries(
      (
        'p h1 h2 h3 h4 h5 h6 address article aside blockquote details div dl fieldset figcaption figure footer ' +
        'form header hr main nav ol pre section table ul'
      )
        .split(' ')
        .map((t) => [t, P]),
    ),
  }).map(([tag, closes]) => [tag, new Set(closes)]),
)
const VOID = new Set(
  'area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr'.split(
    ' ',
  ),
)
const FOREIGN = new Set(['math', 'svg'])
const INTEGRATION = new Set([
  'mi',
  'mo',
  'mn',
  'ms',
  'mtext',
  'annotation-xml',
  'foreignobject',
  'desc',
  'title',
])
/** Their content is text up to their closing tag. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp'])
/** A dropped tag of these becomes a <br>, so the text on either side does not run together. */
const BLOCKS = new Set(
  (
    'address article aside blockquote dd details div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 ' +
    'h6 header li main nav ol p pre section table tbody td tfoot th thead tr ul'
  ).split(' '),
)

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13
const isAlpha = (c: number) => (c | 0x20) >= 97 && (c | 0x20) <= 122
const GT = 62
const SLASH = 47

type Tag = { name: string; end: number; selfClosing: boolean; attributes: number }

/** The markup to parse, and how many tags, attributes and comments it has (what the parser makes nodes of). */
export type LimitedMarkup = { html: string; parts: number }

/** `html` with every tag that would open deeper than `max` left out; linear in the length of `html`. */
export function limitNesting(html: string, max = MAX_NESTING): LimitedMarkup {
  const nest = new Nesting(max)
  const out: string[] = []
  let copied = 0
  let parts = 0
  const drop = (from: number, to: number, name: string) => {
    out.push(html.slice(copied, from), BLOCKS.has(name) ? '<br>' : '')
    copied = to
  }
  let i = html.indexOf('<')
  while (i !== -1 && i < html.length - 1) {
    const c = html.charCodeAt(i + 1)
    let next: number
    if (c === 33 /* ! */ || c === 63 /* ? */) {
      parts++
      next = c === 33 ? skipDeclaration(html, i) : after(html, '>', i)
    } else if (c === SLASH) {
      const tag = readClosingTag(html, i)
      // A stray </p> or </br> makes an element, so closing tags count too.
      if (tag) parts++
      if (tag && !nest.close(tag.name)) drop(i, tag.end + 1, tag.name)
      next = tag ? tag.end + 1 : after(html, '>', i)
    } else if (isAlpha(c)) {
      const tag = readStartTag(html, i)
      if (!tag) break // runs to the end of the page: the parser reads it as text
      parts += 1 + tag.attributes
      if (!nest.open(tag.name, tag.selfClosing)) drop(i, tag.end + 1, tag.name)
      next = tag.end + 1
      if (RAW_TEXT.has(tag.name) && !tag.selfClosing) next = rawTextEnd(html, tag.name, next)
    } else next = i + 1
    i = next === -1 ? -1 : html.indexOf('<', next)
  }
  if (copied === 0) return { html, parts }
  out.push(html.slice(copied))
  return { html: out.join(''), parts }
}

/** htmlparser2's stack of open elements, as counts: what is open, how deep, and what was left out. */
class Nesting {
  private readonly stack: string[] = []
  private readonly openCount = new Map<string, number>()
  /** Tags left out while the stack was full, by name; their closing tags are left out too. */
  private readonly dropped = new Map<string, number>()
  /** htmlparser2's foreign-content flags: true inside <svg>/<math>, where `<x/>` closes itself. */
  private readonly foreign: boolean[] = []

  constructor(private readonly max: number) {}

  /** False when the tag is to be left out. */
  open(name: string, selfClosing: boolean): boolean {
    // The elements this tag closes, if the parser sees it; a tag left out closes nothing.
    const closes = IMPLIES_CLOSE.get(name)
    let depth = this.stack.length
    while (closes && depth > 0 && closes.has(this.stack[depth - 1])) depth--
    const foreign = FOREIGN.has(name) || (!INTEGRATION.has(name) && this.foreign[this.foreign.length - 1])
    const leaf = VOID.has(name) || (selfClosing && foreign)
    // Elements that hold others stop one short of the cap, so what they hold (an <img>, the <br> standing for
    // a dropped tag, a script's text) is within it.
    if (depth >= (leaf ? this.max : this.max - 1) && !RAW_TEXT.has(name)) {
      this.dropped.set(name, (this.dropped.get(name) ?? 0) + 1)
      return false
    }
    while (this.stack.length > depth) this.pop()
    if (VOID.has(name)) return true
    if (FOREIGN.has(name) || INTEGRATION.has(name)) this.foreign.push(foreign)
    if (leaf) return true
    this.stack.push(name)
    this.openCount.set(name, (this.openCount.get(name) ?? 0) + 1)
    return true
  }

  /** False when the closing tag is to be left out. */
  close(name: string): boolean {
    const dropped = this.dropped.get(name) ?? 0
    if (dropped > 0) {
      this.dropped.set(name, dropped - 1)
      return false
    }
    if (FOREIGN.has(name) || INTEGRATION.has(name)) this.foreign.pop()
    if (VOID.has(name) || !this.openCount.get(name)) return true
    while (this.pop() !== name);
    return true
  }

  private pop(): string | undefined {
    const name = this.stack.pop()
    if (name !== undefined) this.openCount.set(name, (this.openCount.get(name) ?? 1) - 1)
    // Whatever was left out sat above the stack, so it is closed along with this.
    this.dropped.clear()
    return name
  }
}

const rawTextEnds = new Map<string, RegExp>()

/** Where the raw text opened by `<name>` ends: at its closing tag, else at the end of the page. */
function rawTextEnd(html: string, name: string, from: number): number {
  let end = rawTextEnds.get(name)
  if (!end) rawTextEnds.set(name, (end = new RegExp(`</${name}`, 'gi')))
  end.lastIndex = from
  return end.exec(html)?.index ?? html.length
}

/** Just past the first `what` at or after `from`, or -1. */
function after(html: string, what: string, from: number): number {
  const at = html.indexOf(what, from)
  return at === -1 ? -1 : at + what.length
}

function skipDeclaration(html: string, i: number): number {
  if (html.startsWith('<!--', i)) return after(html, '-->', i + 4)
  if (html.startsWith('<![CDATA[', i)) return after(html, ']]>', i + 9)
  return after(html, '>', i)
}

function nameEnd(html: string, from: number): number {
  let j = from
  while (j < html.length) {
    const c = html.charCodeAt(j)
    if (c === GT || c === SLASH || isSpace(c)) break
    j++
  }
  return j
}

/** `</name ...>`; undefined for `</>` or `</` not followed by a letter (the parser reads those as comments). */
function readClosingTag(html: string, i: number): Tag | undefined {
  let j = i + 2
  while (j < html.length && isSpace(html.charCodeAt(j))) j++
  if (!isAlpha(html.charCodeAt(j))) return undefined
  const end = html.indexOf('>', j)
  if (end === -1) return undefined
  return { name: html.slice(j, nameEnd(html, j)).toLowerCase(), end, selfClosing: false, attributes: 0 }
}

/** `<name attributes>` read as htmlparser2 reads it (quoted values may hold `>`); undefined if it never ends. */
function readStartTag(html: string, i: number): Tag | undefined {
  let j = nameEnd(html, i + 1)
  const name = html.slice(i + 1, j).toLowerCase()
  let attributes = 0
  while (j < html.length) {
    const c = html.charCodeAt(j)
    if (c === GT) return { name, end: j, selfClosing: false, attributes }
    if (c === SLASH) {
      if (html.charCodeAt(j + 1) === GT) return { name, end: j + 1, selfClosing: true, attributes }
      j++
    } else if (isSpace(c)) j++
    else {
      attributes++
      j = readAttribute(html, j)
      if (j === -1) return undefined
    }
  }
  return undefined
}

/** Past one attribute (`name`, `name=value`, `name="value"`) starting at `j`; -1 if a quote never closes. */
function readAttribute(html: string, j: number): number {
  while (j < html.length) {
    const c = html.charCodeAt(j)
    if (c === 61 /* = */ || c === GT || c === SLASH || isSpace(c)) break
    j++
  }
  let k = j
  while (k < html.length && isSpace(html.charCodeAt(k))) k++
  if (html.charCodeAt(k) !== 61) return j
  k++
  while (k < html.length && isSpace(html.charCodeAt(k))) k++
  const quote = html[k]
  if (quote === '"' || quote === "'") {
    const close = html.indexOf(quote, k + 1)
    return close === -1 ? -1 : close + 1
  }
  while (k < html.length && html.charCodeAt(k) !== GT && !isSpace(html.charCodeAt(k))) k++
  return k
}
