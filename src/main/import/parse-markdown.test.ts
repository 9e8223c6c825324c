import { describe, expect, it } from 'vitest'
import { textOfHtml } from './clean-body'
import { parseMarkdown } from './parse-markdown'
import { fixtureText } from './test-fixtures'

describe('a Markdown note with front matter', () => {
  const doc = parseMarkdown(fixtureText('field-note.md'))

  it('reads the front matter', () => {
    expect(doc).toMatchObject({
      title: 'Notes from the river commission hearing',
      publishedAt: '2024-01-18',
      source: 'Field notebook',
      url: 'https://notes.example.org/river-commission-hearing',
      author: 'Ana Lima, Ben Okafor',
      tags: ['floods', 'hearings/river-commission', 'local'],
      language: 'en',
      format: 'markdown',
    })
  })

  it('renders the body through the same sanitizer as web pages', () => {
    expect(doc.text.startsWith('The commission heard evidence')).toBe(true)
    expect(doc.text).not.toContain('Notes from the river commission hearing')
    expect(doc.html).toContain('<strong>three</strong>')
    expect(doc.html).toContain('<h2>Key figures</h2>')
    expect(doc.html).toContain('<blockquote><p>')
    expect(doc.text).toContain(
      'Option\tCost (£m)\tHomes protected\n\nBarrier only\t14.2\t640\nBarrier and storage\t52.2\t1,150',
    )
    expect(doc.html).toContain('href="https://notes.example.org/reports/draft.pdf"')
    expect(doc.html).not.toMatch(/<script|onclick|alert/)
    expect(doc.text).toContain('Inline HTML paragraph kept, handler removed.')
    expect(textOfHtml(doc.html)).toBe(doc.text)
  })
})

describe('parseMarkdown', () => {
  it.each([
    ['a first # heading is the title', '# Heading\n\nBody text.', { title: 'Heading', text: 'Body text.' }],
    [
      'front matter title wins; a different heading stays',
      '---\ntitle: FM\n---\n# Other\n\nBody.',
      { title: 'FM', text: 'Other\n\nBody.' },
    ],
    [
      'a heading that repeats the front matter title goes',
      '---\ntitle: Same\n---\n# Same\n\nBody.',
      { title: 'Same', text: 'Body.' },
    ],
    [
      'no heading: the first words',
      'Plain *note* text.',
      { title: 'Plain note text.', text: 'Plain note text.' },
    ],
    [
      'comma-separated tags; bad ones dropped',
      '---\ntags: a, b/c, /bad, d#e\n---\nx',
      { tags: ['a', 'b/c'] },
    ],
    ['a timestamp date', '---\ndate: 2024-01-18T09:30:00Z\n---\nx', { publishedAt: '2024-01-18T09:30:00Z' }],
    ['a natural-language date', '---\ndate: January 18, 2024\n---\nx', { publishedAt: '2024-01-18' }],
    [
      'source falls back to the URL host',
      '---\nurl: https://www.example.org/a\n---\nx',
      { source: 'example.org' },
    ],
    ['"..." also closes front matter', '---\ntitle: Dots\n...\nx', { title: 'Dots', text: 'x' }],
    ['a horizontal rule later is not front matter', 'Intro\n\n---\n\nAfter', { text: 'Intro\n\nAfter' }],
  ])('%s', (_name, md, expected) => {
    const doc = parseMarkdown(md)
    expect(doc).toMatchObject(expected)
    expect(textOfHtml(doc.html)).toBe(doc.text)
  })

  it('ignores a url that is not http(s)', () => {
    expect(parseMarkdown('---\nurl: javascript:alert(1)\n---\nx')).not.toHaveProperty('url')
  })

  it.each([
    ['invalid YAML', '---\ntitle: [unclosed\n---\nBody', 'unsupported', /not valid YAML/],
    ['front matter that is a list', '---\n- a\n- b\n---\nBody', 'unsupported', /key: value/],
    ['only front matter and a title', '---\ntitle: T\n---\n# T\n', 'empty', /no text besides/],
    [
      'thousands of nested quotes',
      `${'>'.repeat(5000)} deep`,
      'unsupported',
      /could not be read as Markdown/,
    ],
  ])('%s → %s', (_name, md, code, message) => {
    expect(() => parseMarkdown(md, { name: 'note.md' })).toThrow(expect.objectContaining({ code }))
    expect(() => parseMarkdown(md, { name: 'note.md' })).toThrow(message)
  })
})
