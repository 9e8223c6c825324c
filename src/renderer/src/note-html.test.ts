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
    [
      'a block of HTML is a paragraph of text',
      '<div>\nx\n</div>',
      '<p>&lt;div&gt;<br>\nx<br>\n&lt;/div&gt;</p>',
    ],
    ['Markdown still works', '**Key** _claim_', '<p><strong>Key</strong> <em>claim</em></p>'],
    [
      'a safe link leaves through the system browser',
      '[report](https://example.com/r "The report")',
      '<p><a href="https://example.com/r" title="The report" target="_blank" rel="noopener noreferrer">report</a></p>',
    ],
    ['a javascript: link is its text', '[click](javascript:alert(1))', '<p>click</p>'],
    ['a remote image is its alt text', '![a chart](https://example.com/c.png)', '<p>a chart</p>'],
    ['a task list has no inputs', '- [x] done', '<ul>\n<li>☑ done</li>\n</ul>'],
    ['an open task is an empty box', '- [ ] to do', '<ul>\n<li>☐ to do</li>\n</ul>'],
    ['struck-through text is <del>', '~~gone~~', '<p><del>gone</del></p>'],
    [
      'a table keeps its alignment as align, not style',
      '| a | b |\n|:-|-:|\n| 1 | 2 |',
      '<table>\n<thead>\n<tr>\n<th align="left">a</th>\n<th align="right">b</th>\n</tr>\n</thead>\n' +
        '<tbody>\n<tr>\n<td align="left">1</td>\n<td align="right">2</td>\n</tr>\n</tbody>\n</table>',
    ],
    [
      'an address with a scheme or www. is a link, as in GFM',
      'see https://example.com/a and www.example.org',
      '<p>see <a href="https://example.com/a" target="_blank" rel="noopener noreferrer">https://example.com/a</a> ' +
        'and <a href="http://www.example.org" target="_blank" rel="noopener noreferrer">www.example.org</a></p>',
    ],
    ['a bare domain name is not a link', 'see README.md and bbc.co.uk', '<p>see README.md and bbc.co.uk</p>'],
    [
      'an autolinked address that may not leave is its text',
      '<ftp://example.com/x>',
      '<p>ftp://example.com/x</p>',
    ],
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

  it.each([
    ['blockquotes', `${'>'.repeat(100)}kept`],
    ['lists', `${'- '.repeat(50)}kept`],
    ['a table in blockquotes', `${'>'.repeat(99)} a | b\n${'>'.repeat(99)} -|-\n${'>'.repeat(99)} kept | 2`],
  ])('keeps every word of %s nested just short of the guard', (_, source) => {
    expect(parse(noteHtml(source)).textContent).toContain('kept')
  })

  it('renders a note nested far too deeply as its text, instead of throwing', () => {
    const source = `${'> '.repeat(20_000)}deep\n\n<img src=x onerror=alert(1)>`
    const root = parse(noteHtml(source))
    expect(root.querySelectorAll('img')).toHaveLength(0)
    expect(root.textContent).toContain('deep')
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>')
  })

  // Each took marked seconds to minutes at a few thousand repetitions (bench/note-render.ts compares the growth),
  // on the renderer's main thread. 40,000 repetitions complete, and every letter of the note is shown.
  it.each([
    ['unclosed links', '[a](', '[a]('],
    ['underscores inside words', '_a', '_a'],
    ['single tildes', '~a', '~a'],
    ['double asterisks', '**a', 'a'],
    ['single asterisks', '*a', 'a'],
    ['underscores after letters', 'a_', 'a_'],
    ['double tildes', '~~a', 'a'],
    ['backticks', '`a', 'a'],
    ['uneven backtick runs', '``a`', undefined],
  ])('renders a note of 40,000 %s and shows all of it', (_, unit, shows) => {
    const source = unit.repeat(40_000)
    const root = parse(noteHtml(source))
    const text = root.textContent!
    expect(text.replaceAll(/[^a]/g, '')).toBe('a'.repeat(40_000))
    if (shows !== undefined) expect(text.trim()).toBe(shows.repeat(40_000))
    for (const el of root.querySelectorAll('*')) expect(MARKDOWN_ELEMENTS.has(el.localName)).toBe(true)
  })

  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    )
  })
})
