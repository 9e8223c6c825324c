import { describe, expect, it } from 'vitest'
import { textOfHtml } from './clean-body'
import { parseText } from './parse-text'
import { fixtureText } from './test-fixtures'

describe('parseText', () => {
  it('reads a "date YYYY-MM-DD Title" first line, leading space and all', () => {
    const doc = parseText(fixtureText('dated-article.txt'))
    expect(doc.publishedAt).toBe('2024-01-10')
    expect(doc.title).toBe(
      'In late December – early January, Russia launched 500 strikes on energy facilities, officials say',
    )
    expect(doc.text.startsWith('Officials said on Wednesday')).toBe(true)
    expect(doc.text).not.toContain('date 2024')
    expect(doc.text.split('\n\n')).toHaveLength(3)
    expect(doc.text).toContain('a ministry spokesperson said.\nRepair crews')
    expect(doc.html).toContain('<br>')
    expect(doc.format).toBe('text')
  })

  it.each([
    [
      'dated line',
      ' date 2024-01-10 Title here\n\nBody.',
      { title: 'Title here', publishedAt: '2024-01-10', text: 'Body.' },
    ],
    [
      'dated line, CRLF and BOM',
      '\ufeffdate 2023-12-21 Budget adopted\r\n\r\nLine one.\r\nLine two.',
      { title: 'Budget adopted', text: 'Line one.\nLine two.' },
    ],
    [
      'an impossible date is not a date line',
      'date 2024-02-31 Not a date\n\nBody.',
      { title: 'date 2024-02-31 Not a date', text: 'Body.' },
    ],
    [
      'a short first line is the title',
      'Grain exports hit a record\n\nShips carried 3.9 million tonnes.',
      { title: 'Grain exports hit a record', text: 'Ships carried 3.9 million tonnes.' },
    ],
    [
      'a question can be a title',
      'Will the corridor hold?\n\nAnalysts are divided.',
      { title: 'Will the corridor hold?', text: 'Analysts are divided.' },
    ],
    [
      'a first sentence stays in the text',
      'The council met on Monday.\n\nIt voted.',
      { title: 'The council met on Monday.', text: 'The council met on Monday.\n\nIt voted.' },
    ],
    [
      'a first line that runs on stays in the text',
      'Opening line\nthat continues\n\nMore.',
      { title: 'Opening line', text: 'Opening line\nthat continues\n\nMore.' },
    ],
    [
      'a single paragraph is all text',
      'Just one paragraph',
      { title: 'Just one paragraph', text: 'Just one paragraph' },
    ],
    [
      'a long first line is cut for the title',
      `${'word '.repeat(60)}end`,
      { title: `${'word '.repeat(16).trim()}…` },
    ],
    ['form feeds become paragraph breaks', 'Page one.\fPage two.', { text: 'Page one.\n\nPage two.' }],
    [
      'markup is text, not HTML',
      'Title\n\n<b>not bold</b> & <script>x</script>',
      { text: '<b>not bold</b> & <script>x</script>' },
    ],
    ['no-break space at a line end', 'Title\n\nA line\u00a0\nnext', { text: 'A line\nnext' }],
  ])('%s', (_name, raw, expected) => {
    const doc = parseText(raw)
    expect(doc).toMatchObject(expected)
    expect(textOfHtml(doc.html)).toBe(doc.text)
    expect(doc.html).not.toContain('<script')
  })

  it.each([
    ['blank', ' \n\t\n'],
    ['only a date line', 'date 2024-01-10 Title only\n\n'],
  ])('%s → empty', (_name, raw) => {
    expect(() => parseText(raw, { name: 'note.txt' })).toThrow(expect.objectContaining({ code: 'empty' }))
  })
})

describe('a lead paragraph is never taken for the headline (#14)', () => {
  it('keeps a lead that ends in a closing quote as text, not as the title', () => {
    const doc = parseText(fixtureText('lead/quote-lead.txt'), { name: 'quote-lead.txt' })
    expect(doc.text.startsWith('"We have listened to residents and changed the plan twice,"')).toBe(true)
    expect(textOfHtml(doc.html)).toBe(doc.text)
    expect(doc.html).toMatch(/^<p>[^<]*We have listened/)
    expect(doc.title).not.toContain('This version is cheaper')
  })

  it.each([
    ['Mayor: "We will not back down"\n\nThe mayor spoke on Monday.', 'Mayor: "We will not back down"'],
    ['Will the barrier hold?\n\nAnalysts are divided.', 'Will the barrier hold?'],
    ['"It is over." (He said so twice)\n\nMore.', undefined],
  ])('%j → title %j', (raw, title) => {
    const doc = parseText(raw)
    if (title) expect(doc).toMatchObject({ title, text: raw.split('\n\n')[1] })
    else expect(doc.text).toBe(raw)
  })
})
