import { describe, expect, it } from 'vitest'
import {
  documentText,
  normalizeItemText,
  pageAt,
  pageCitation,
  pageOfOffset,
  pageText,
  splitByPage,
} from './pdf-text'
import type { PdfTextItem } from './pdf-text'
import { normalizePlainText } from './text-model'

/** An item of `str` at (x, y) in a font of `size`, about 0.5 × size wide per character. */
function item(str: string, x: number, y: number, size = 10, width = str.length * size * 0.5): PdfTextItem {
  return { str, transform: [size, 0, 0, size, x, y], width, height: size }
}

/** Every item's span holds its own characters (as normalised), and between spans only separators. */
function expectConsistent(items: PdfTextItem[]) {
  const { text, items: spans } = pageText(items)
  let at = 0
  spans.forEach((span, i) => {
    if (!span) return
    const own = normalizeItemText(items[i].str)
    expect(own.startsWith(text.slice(span.start, span.end))).toBe(true)
    expect(text.slice(at, span.start)).toMatch(/^(|[ \t]|\n|\n\n)$/)
    at = span.end
  })
  expect(at).toBe(text.length)
  // What a text article stores and the reader reads back: nothing to normalise.
  expect(normalizePlainText(text)).toBe(text)
  return text
}

describe('pageText', () => {
  it('joins the lines of a paragraph with a space and separates paragraphs by a blank line', () => {
    const text = expectConsistent([
      item('Heading of the report', 50, 800, 18),
      item('The first line of a paragraph that runs', 50, 760),
      item('on to a second line.', 50, 747),
      item('A second paragraph after a gap.', 50, 722),
    ])
    expect(text).toBe(
      'Heading of the report\n\nThe first line of a paragraph that runs on to a second line.\n\nA second paragraph after a gap.',
    )
  })

  it('reads two columns one after the other', () => {
    const text = expectConsistent([
      item('Left column first line', 50, 700),
      item('left column second line.', 50, 687),
      item('Right column first line', 320, 700),
      item('right column second line.', 320, 687),
    ])
    expect(text).toBe(
      'Left column first line left column second line.\n\nRight column first line right column second line.',
    )
  })

  it('keeps a table as rows of tab-separated cells', () => {
    const text = expectConsistent([
      item('Region', 50, 700),
      item('Pupils', 200, 700),
      item('North', 50, 686),
      item('11,300', 200, 686),
    ])
    expect(text).toBe('Region\tPupils\nNorth\t11,300')
  })

  it('joins a word broken by a hyphen at a line end, and keeps a hyphen inside a line', () => {
    const items = [
      item('new infra-', 50, 700),
      item('structure and a well-known', 50, 687),
      item('change.', 50, 674),
    ]
    const text = expectConsistent(items)
    expect(text).toBe('new infrastructure and a well-known change.')
    expect(pageText(items).items[0]).toEqual({ start: 0, end: 9 })
  })

  it('keeps a hyphen before a capital or a digit on the next line', () => {
    expect(expectConsistent([item('the Anglo-', 50, 700), item('French line', 50, 687)])).toBe(
      'the Anglo- French line',
    )
  })

  it('spells out ligatures and drops soft hyphens and zero-width characters', () => {
    expect(normalizeItemText('ﬁgures, ﬂows, ofﬁce, eﬀect')).toBe('figures, flows, office, effect')
    expect(normalizeItemText('infor\u00admation\u200b')).toBe('information')
    const text = expectConsistent([item('The oﬃcial ﬁgures', 50, 700)])
    expect(text).toBe('The official figures')
  })

  it('keeps a raised footnote marker apart from the number it follows, and the footnote in its own block', () => {
    const text = expectConsistent([
      item('prices rose 8%', 50, 700, 10, 70),
      item('1', 120.5, 704, 6, 3),
      item('in 2026.', 126, 700, 10, 40),
      item('1 Estimate by the operators.', 50, 60, 7),
    ])
    expect(text).toBe('prices rose 8% 1 in 2026.\n\n1 Estimate by the operators.')
  })

  it('puts a space between items on one line that pdf.js gives apart, and none inside a word split in two', () => {
    expect(expectConsistent([item('Hello', 50, 700, 10, 25), item('world', 78, 700, 10, 25)])).toBe(
      'Hello world',
    )
    expect(expectConsistent([item('Hel', 50, 700, 10, 15), item('lo', 65, 700, 10, 10)])).toBe('Hello')
  })

  it('collapses whitespace and skips empty items', () => {
    const items = [item('  a   lot  of   space ', 50, 700), item('   ', 50, 687), item('', 50, 687)]
    const r = pageText(items)
    expect(r.text).toBe('a lot of space')
    expect(r.items[1]).toBeNull()
    expect(r.items[2]).toBeNull()
  })

  it('an empty page has no text', () => {
    expect(pageText([])).toEqual({ text: '', items: [] })
  })
})

describe('documentText', () => {
  it('joins pages with a blank line, an empty page adding nothing', () => {
    const { text, pages } = documentText(['One.', '', 'Two.'])
    expect(text).toBe('One.\n\nTwo.')
    expect(pages).toEqual([
      { start: 0, end: 4 },
      { start: 4, end: 4 },
      { start: 6, end: 10 },
    ])
    expect(pageAt(pages, 0)).toBe(0)
    expect(pageAt(pages, 7)).toBe(2)
    expect(splitByPage(pages, 2, 8)).toEqual([
      { page: 0, start: 2, end: 4 },
      { page: 2, start: 6, end: 8 },
    ])
  })
})

describe('pages of an article', () => {
  const pdf = {
    pages: 3,
    pageRanges: [
      [0, 4],
      [4, 4],
      [6, 10],
    ] as [number, number][],
  }
  it("cites the page a span starts on, by its number or the PDF's own label", () => {
    expect(pageOfOffset(pdf, 7)).toEqual({ index: 2, label: '3' })
    expect(pageCitation(pdf, 1)).toBe('p. 1')
    expect(pageCitation({ ...pdf, labels: ['i', 'ii', '12'] }, 7)).toBe('p. 12')
    expect(pageCitation(undefined, 7)).toBeUndefined()
    expect(pageCitation({ pages: 2 }, 7)).toBeUndefined()
  })
})
