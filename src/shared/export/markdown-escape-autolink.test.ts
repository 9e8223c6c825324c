// Article text (a quote, a title, a figure's fields) in a Markdown export is the web's: rendered as other apps
// render Markdown — marked (GFM) and markdown-it, raw HTML on — it is text. A backslash before `<` did not hold:
// GFM's `www.` autolinks run up to the next `<`, took the backslash into the link, and the `<img …>` after it was
// rendered live by marked.
import MarkdownIt from 'markdown-it'
import { marked } from 'marked'
import { describe, expect, it } from 'vitest'
import { blockquote, escapeInline, escapeLine } from './markdown-escape'

const preview = new MarkdownIt({ html: true, linkify: true })
const render = (markdown: string) => [preview.render(markdown), marked.parse(markdown, { async: false })]

const TEXTS = [
  'www.x.example<img src=x onerror=alert(1)>',
  'see www.x.example<script>alert(1)</script>',
  'www.x.example\\<img src=x onerror=alert(1)>',
  'www.x.example\\\\<iframe src=https://evil.example>',
  'http://x.example\\<img src=x onerror=alert(1)>',
  'desk@x.example<img src=x onerror=alert(1)>',
]

describe('article text beside an address in a Markdown export', () => {
  it.each(TEXTS)('%j renders no element of its own', (text) => {
    for (const markdown of [blockquote(text), escapeLine(text), `# ${escapeLine(text)}`])
      for (const html of render(markdown)) {
        expect(html, html).not.toMatch(/<(img|script|iframe)\b/i)
        // Shown as written: its `<` is there as text.
        expect(html).toContain('&lt;')
      }
  })

  it('writes `<` as a character reference, and nothing else changes', () => {
    expect(escapeInline('a < b, <b>bold</b>')).toBe('a &lt; b, &lt;b>bold&lt;/b>')
    expect(escapeInline('*x* <https://x.org/a_b>')).toBe('\\*x\\* &lt;<https://x.org/a_b>>')
  })
})
