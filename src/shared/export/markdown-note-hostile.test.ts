// A hostile note (from a backup or a team member) in a Markdown export, opened in another app: rendered here as
// Obsidian, Typora or a Markdown preview render it — raw HTML on (markdown-it with html: true, and marked) — it
// must load nothing, run nothing and link only to web and mail addresses, as the app's own note view does.
import MarkdownIt from 'markdown-it'
import { marked } from 'marked'
import { describe, expect, it } from 'vitest'
import { fitNote } from './markdown-note'

const preview = new MarkdownIt({ html: true, linkify: true })

/** Elements Markdown itself makes; anything else came from HTML in the note. */
const MARKDOWN_ELEMENTS = new Set(
  'p a em strong code pre blockquote ul ol li h1 h2 h3 h4 h5 h6 hr br del s table thead tbody tr th td'.split(
    ' ',
  ),
)

function rendered(note: string): string[] {
  const document = `## Article\n\n> a quote\n\n${fitNote(note, 2)}\n\n#tag\ncolour:: green\n`
  return [preview.render(document), marked.parse(document, { async: false })]
}

/** HTML text as a browser shows it (the character references Markdown apps write). */
const shown = (html: string) =>
  html.replace(
    /&(#91|#93|lt|gt|quot|amp);/g,
    (_m, name: string) => ({ '#91': '[', '#93': ']', lt: '<', gt: '>', quot: '"', amp: '&' })[name]!,
  )

function problems(html: string): string[] {
  const found: string[] = []
  for (const [, name] of html.matchAll(/<\/?([a-zA-Z][\w-]*)/g))
    if (!MARKDOWN_ELEMENTS.has(name!.toLowerCase())) found.push(`element ${name}`)
  // GFM's autolinks may run an address on over the text after it: any web or mail address is a safe link.
  for (const [, href] of html.matchAll(/href="([^"]*)"/g))
    if (!/^(https?:\/\/[^/]|mailto:)/i.test(shown(href!))) found.push(`link ${href}`)
  for (const [tag] of html.matchAll(/<[a-zA-Z][^>]*>/g))
    if (/\s(src|on\w+|style)=|language-(dataviewjs|js-engine)/i.test(tag!)) found.push(`attribute in ${tag}`)
  return found
}

const HOSTILE = [
  '<img src=https://tracker.example/p.png>',
  '<img src=x onerror=alert(1)>',
  'text <script>alert(1)</script> more',
  '<iframe src="https://evil.example"></iframe>',
  '<svg onload=alert(1)>',
  '<!-- hidden --> and <style>body{display:none}</style>',
  '<a href="javascript:alert(1)">click</a>',
  '<details open ontoggle=alert(1)>',
  '![pixel](https://tracker.example/p.png)',
  '![[secret.pdf]] an Obsidian embed',
  '![ref][1]\n\n[1]: https://tracker.example/p.png',
  '[click](javascript:alert(1))',
  '[click]( <javascript:alert(1)> )',
  '[click](jav&#x61;script:alert(1))',
  '[run](obsidian://advanced-uri?vault=v&commandid=x)',
  '[file](file:///etc/passwd)',
  '[click][r]\n\n[r]: javascript:alert(1)',
  '> [r]: javascript:alert(1)\n\n[click][r]',
  '[click](\njavascript:alert(1))',
  '<javascript:alert(1)>',
  '<file:///etc/passwd>',
  // Already escaped by the writer: a second backslash must not free the character again.
  '\\<img src=x onerror=alert(1)>',
  '\\\\<img src=x onerror=alert(1)>',
  '[a]\\\\(javascript:alert(1))',
  '[a\\\\](javascript:alert(1))',
  // A backtick in a backtick fence's info string opens no fence: what follows is Markdown.
  '```x`\n<img src=https://tracker.example/p.png>\n```',
  // A fence inside a list item ends with the item: the line after it is Markdown again.
  '- item\n  ```\n<img src=https://tracker.example/p.png>\n  ```',
  '> ```\n<img src=https://tracker.example/p.png>',
  '`code` <img src=x onerror=alert(1)> `more`',
  '\\`<img src=x onerror=alert(1)>`',
  '``not closed` <img src=x>',
  '<div>\n\n<img src=x>\n\n</div>',
  '```dataviewjs\napp.vault.adapter.write("x", "y")\n```',
  '~~~ js-engine\nreturn 1\n~~~',
  '    <img src=x> in indented code, then\n<img src=x>',
  // GFM's autolinks take a backslash that ends an address into the link, freeing what it escaped.
  'https://x.example\\<img src=https://tracker.example/p.png>',
  'https://x.example<img src=https://tracker.example/p.png>',
  '[a https://x.example](javascript:alert(1))',
]

describe('fitNote: a hostile note in an export opened in another app', () => {
  it.each(HOSTILE)('%j loads, runs and links to nothing', (note) => {
    for (const html of rendered(note)) expect(problems(html), html).toEqual([])
  })

  it.each([
    ['[BBC](https://www.bbc.co.uk/news)', '<a href="https://www.bbc.co.uk/news">BBC</a>'],
    ['<https://example.org/a_b>', '<a href="https://example.org/a_b">https://example.org/a_b</a>'],
    ['[write](mailto:desk@example.org)', '<a href="mailto:desk@example.org">write</a>'],
    ['[ref][1]\n\n[1]: https://example.org/r', '<a href="https://example.org/r">ref</a>'],
  ])('keeps %j a link', (note, link) => {
    for (const html of rendered(note)) expect(html).toContain(link)
  })

  it.each([
    ['a < b and 3 > 2, <3', 'a < b and 3 > 2, <3'],
    ['**bold** _em_ [x] and a list:\n- one', '<strong>bold</strong> <em>em</em> [x]'],
    ['<b>not bold</b>', '<b>not bold</b>'],
    ['![alt](https://x.example/p.png)', '![alt]('],
  ])('shows %j as the text it is', (note, text) => {
    for (const html of rendered(note)) {
      expect(shown(html)).toContain(text)
      expect(problems(html), html).toEqual([])
    }
  })

  it('leaves code as it was written', () => {
    const code = '`<b>` in a span\n\n```html\n<img src=x>\n```\n\n```dataviewjs\ndv.list([1])\n```'
    expect(fitNote(code, 2)).toBe('`<b>` in a span\n\n```html\n<img src=x>\n```\n\n```\ndv.list([1])\n```')
    expect(preview.render(fitNote(code, 2))).toContain('<code class="language-html">&lt;img src=x&gt;')
  })
})
