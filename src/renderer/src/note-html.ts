// Renderer (pure: no DOM, nothing done on import): a researcher's note, Markdown only, turned into HTML. Notes
// arrive from backups and, with sync, from other people's machines, so a note is hostile input: raw HTML in it is
// shown as the text it is, a link is kept only when isSafeExternalUrl accepts it, and an image becomes its alt
// text (no image of a note comes from the archive yet, and nothing may load from anywhere else). Markdown.tsx
// passes the result through DOMPurify with a strict allow-list as well.
//
// markdown-it, not marked: rendering runs on the renderer's main thread, and marked's time grows much faster than
// the note on unclosed links and emphasis (`'[a]('.repeat(1000)`, 4 KB, took 6 s; `'_a'.repeat(40000)` 17 s).
// markdown-it stays linear on those (bench/note-render.ts measures both).
import MarkdownIt from 'markdown-it'
import type { Token } from 'markdown-it'
import { isSafeExternalUrl } from '../../shared/url-safety'

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c])
}

/** The text of a note as paragraphs, for notes nested deeper than any note needs. */
function asText(source: string): string {
  return source
    .split(/\n{2,}/)
    .map((para) => `<p>${escapeHtml(para).replace(/\n/g, '<br>')}</p>`)
    .join('\n')
}

/** A line opening with more than 100 quote markers, bullets and indentation is nested deeper than any note needs.
 * Each of those characters opens at most one level of nesting, so below it markdown-it's own limit (MAX_NESTING) is never
 * reached: past that limit it drops the rest of the block silently, and a note must never lose text. */
const TOO_DEEP = /^[ \t>*+\-\d.)]{101}/m
const MAX_NESTING = 200

// html: false shows raw HTML as text (block and inline); typographer off: a note keeps the quotes and dashes typed.
const notes = new MarkdownIt('default', {
  html: false,
  breaks: true,
  linkify: true,
  typographer: false,
  maxNesting: MAX_NESTING,
})
// markdown-it leaves a javascript: (vbscript:, file:, data:) link as its source text; every link is parsed here and
// held to isSafeExternalUrl below, so an unsafe one shows as its text alone, as a safe one's text would read.
notes.validateLink = () => true

/** Addresses linkify may turn into links, as GFM does: http(s)://, www. and e-mail addresses. linkify finds www.
 * only among addresses without a scheme (fuzzyLink), which takes bare domain names too: those (README.md,
 * bbc.co.uk) stay text. */
const AUTOLINKED = /^(?:https?:\/\/|mailto:|www\.)/i

notes.linkify.set({ fuzzyLink: true })

const attr = (token: Token, name: string): string => String(token.attrGet(name) ?? '')

function autolinked(open: Token, next: Token | undefined): boolean {
  if (open.markup !== 'linkify') return true
  const href = attr(open, 'href')
  return href.startsWith('mailto:') || AUTOLINKED.test(next?.content ?? '')
}

/** Links that may not leave the app become their text; the others open in the system browser. Runs after
 * linkify, so autolinked addresses are held to the same check. Links do not nest, so a link's close is the next
 * one. */
function safeLinks(children: Token[]): Token[] {
  const kept: Token[] = []
  let dropClose = false
  children.forEach((token, i) => {
    if (token.type === 'link_open') {
      if (!isSafeExternalUrl(attr(token, 'href')) || !autolinked(token, children[i + 1])) {
        dropClose = true
        return
      }
      token.attrSet('target', '_blank')
      token.attrSet('rel', 'noopener noreferrer')
    } else if (token.type === 'link_close' && dropClose) {
      dropClose = false
      return
    }
    kept.push(token)
  })
  return kept
}

/** A GFM task list item's box, as a character: a note holds no form controls. */
const TASK = /^\[([ xX])\] /

function taskBox(tokens: Token[], i: number): void {
  const first = tokens[i].children?.[0]
  if (tokens[i - 2]?.type !== 'list_item_open' || first?.type !== 'text') return
  const box = TASK.exec(first.content)
  if (box) first.content = `${box[1] === ' ' ? '☐' : '☑'} ${first.content.slice(box[0].length)}`
}

/** A table cell's alignment as the align attribute Markdown.tsx allows, not a style attribute. */
function alignAttribute(cell: Token): void {
  const align = /^text-align:(left|right|center)$/.exec(attr(cell, 'style'))
  if (!align) return
  cell.attrs = (cell.attrs ?? []).filter(([name]) => name !== 'style')
  cell.attrSet('align', align[1])
}

notes.core.ruler.push('glossa_notes', (state) => {
  state.tokens.forEach((token, i) => {
    if (token.type === 'th_open' || token.type === 'td_open') alignAttribute(token)
    if (token.type !== 'inline' || !token.children) return
    token.children = safeLinks(token.children)
    taskBox(state.tokens, i)
  })
})

// Struck-through text as <del>, the element Markdown.tsx allows (markdown-it writes <s>).
notes.renderer.rules.s_open = () => '<del>'
notes.renderer.rules.s_close = () => '</del>'
// An image is its alt text.
notes.renderer.rules.image = (tokens, idx, options, env, self) =>
  escapeHtml(self.renderInlineAsText(tokens[idx].children ?? [], options, env))

/** Virtualized sidebars mount a card again each time it scrolls into view: each note is rendered once. */
const rendered = new Map<string, string>()
const CACHED = 500

/** The HTML for one note: only Markdown's own elements, links that may leave the app, no images, no raw HTML. */
export function noteHtml(source: string): string {
  const cached = rendered.get(source)
  if (cached !== undefined) return cached
  const html = render(source)
  if (rendered.size >= CACHED) rendered.delete(rendered.keys().next().value!)
  rendered.set(source, html)
  return html
}

function render(source: string): string {
  if (TOO_DEEP.test(source)) return asText(source)
  try {
    return notes.render(source)
  } catch {
    return asText(source)
  }
}
