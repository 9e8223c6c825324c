import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { isSafeExternalUrl } from '../../shared/url-safety'
import { escapeHtml, noteHtml } from './note-html'

type HostileNote = { name: string; note: string; shows?: string }
// The same table the Chromium suite (e2e/hostile-notes.spec.ts) shows in the app.
const NOTES = JSON.parse(readFileSync(resolve('e2e/fixtures/hostile-notes.json'), 'utf8')) as HostileNote[]

const MARKDOWN_ELEMENTS = new Set(
  'p br strong em del code pre blockquote ul ol li h1 h2 h3 h4 h5 h6 hr a table thead tbody tr th td'.split(
    ' ',
  ),
)
/** Attributes marked writes, by element; `class` is marked's `language-*` on code blocks (DOMPurify drops it). */
const ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'title', 'target', 'rel'],
  th: ['align'],
  td: ['align'],
  ol: ['start'],
  code: ['class'],
}

function parse(html: string) {
  const { document } = parseHTML(`<!doctype html><html><body><div id="note">${html}</div></body></html>`)
  return document.getElementById('note')!
}

describe('noteHtml on the hostile notes table', () => {
  it('has at least 50 notes', () => expect(NOTES.length).toBeGreaterThanOrEqual(50))

  it.each(NOTES.map((n) => [n.name, n] as const))(
    '%s: Markdown elements only, nothing that loads',
    (_, n) => {
      const root = parse(noteHtml(n.note))
      for (const el of root.querySelectorAll('*')) {
        const tag = el.localName
        expect(MARKDOWN_ELEMENTS.has(tag), `<${tag}>`).toBe(true)
        for (const attr of el.attributes)
          expect(ATTRIBUTES[tag] ?? [], `<${tag} ${attr.name}>`).toContain(attr.name)
        if (tag === 'a') {
          expect(isSafeExternalUrl(el.getAttribute('href')!), el.getAttribute('href')!).toBe(true)
          expect(el.getAttribute('rel')).toBe('noopener noreferrer')
        }
      }
      if (n.shows) expect(root.textContent).toContain(n.shows)
    },
  )
})

describe('noteHtml', () => {
  it.each([
    ['raw HTML is shown as text', 'a <b>bold</b> move', '<p>a &lt;b&gt;bold&lt;/b&gt; move</p>'],
    ['a block of HTML is a paragraph of text', '<div>\nx\n</div>', '<p>&lt;div&gt;<br>x<br>&lt;/div&gt;</p>'],
    ['Markdown still works', '**Key** _claim_', '<p><strong>Key</strong> <em>claim</em></p>'],
    [
      'a safe link leaves through the system browser',
      '[report](https://example.com/r "The report")',
      '<p><a href="https://example.com/r" title="The report" target="_blank" rel="noopener noreferrer">report</a></p>',
    ],
    ['a javascript: link is its text', '[click](javascript:alert(1))', '<p>click</p>'],
    ['a remote image is its alt text', '![a chart](https://example.com/c.png)', '<p>a chart</p>'],
    ['a task list has no inputs', '- [x] done', '<ul>\n<li>☑ done</li>\n</ul>'],
  ])('%s', (_, source, expected) => {
    expect(noteHtml(source).trim()).toBe(expected)
  })

  it('keeps nesting a note needs, and shows one nested deeper than any note needs as its text', () => {
    const nested = Array.from({ length: 5 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n')
    expect(parse(noteHtml(nested)).querySelectorAll('ul')).toHaveLength(5)
    const deep = Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n')
    const root = parse(noteHtml(deep))
    expect(root.querySelectorAll('ul')).toHaveLength(0)
    expect(root.textContent).toContain('- level 300')
  })

  it('renders a note nested too deeply for marked as its text, instead of throwing', () => {
    const source = `${'> '.repeat(20_000)}deep\n\n<img src=x onerror=alert(1)>`
    const root = parse(noteHtml(source))
    expect(root.querySelectorAll('img')).toHaveLength(0)
    expect(root.textContent).toContain('deep')
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>')
  })

  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    )
  })
})
