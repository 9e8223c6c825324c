// Renderer (pure: no DOM, nothing done on import): a researcher's note, Markdown only, turned into HTML. Notes
// arrive from backups and, with sync, from other people's machines, so a note is hostile input: raw HTML in it is
// shown as the text it is, a link is kept only when isSafeExternalUrl accepts it, and an image becomes its alt
// text (no image of a note comes from the archive yet, and nothing may load from anywhere else). Markdown.tsx
// passes the result through DOMPurify with a strict allow-list as well.
import { Marked } from 'marked'
import type { Tokens } from 'marked'
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

/** The text of a note as paragraphs, for notes marked cannot render (nesting deep enough to exhaust its stack). */
function asText(source: string): string {
  return source
    .split(/\n{2,}/)
    .map((para) => `<p>${escapeHtml(para).replace(/\n/g, '<br>')}</p>`)
    .join('\n')
}

const notes = new Marked({ gfm: true, breaks: true, async: false })
notes.use({
  renderer: {
    // Both block HTML and inline tags: shown as written, never parsed as HTML.
    html(token: Tokens.HTML | Tokens.Tag) {
      const text = escapeHtml(token.text)
      return token.block ? `<p>${text.replace(/\n+$/, '').replace(/\n/g, '<br>')}</p>\n` : text
    },
    link(token: Tokens.Link) {
      const text = this.parser.parseInline(token.tokens)
      if (!isSafeExternalUrl(token.href)) return text
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : ''
      return `<a href="${escapeHtml(token.href)}"${title} target="_blank" rel="noopener noreferrer">${text}</a>`
    },
    image(token: Tokens.Image) {
      return escapeHtml(token.text)
    },
    // A GFM task list item's box, as a character: a note holds no form controls.
    checkbox(token: Tokens.Checkbox) {
      return token.checked ? '☑' : '☐'
    },
  },
})

/** A line opening with more than 100 quote markers, bullets and indentation is nested deeper than any note needs:
 * marked's time grows faster than the depth (20,000 levels took 10 s) and past a few thousand it throws. */
const TOO_DEEP = /^[ \t>*+\-\d.)]{101}/m

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
    return notes.parse(source) as string
  } catch {
    return asText(source)
  }
}
