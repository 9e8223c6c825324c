import { describe as group, expect, it } from 'vitest'
import { loadFixtures } from '../../../test/fixtures/anchoring/fixtures'
import { anchor, anchorAll, describe } from './index'

const fixtures = loadFixtures()
const cases = fixtures.flatMap((fixture) => fixture.selectors.map((selector) => ({ fixture, selector })))

group('fixtures', () => {
  it('hold three articles of 500–1200 words with at least eight selectors each', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(3)
    for (const { text, selectors } of fixtures) {
      const words = text.split(/\s+/).length
      expect(words).toBeGreaterThanOrEqual(500)
      expect(words).toBeLessThanOrEqual(1200)
      expect(selectors.length).toBeGreaterThanOrEqual(8)
    }
  })
})

group('describe', () => {
  it.each(cases)('$fixture.name: $selector.name', ({ fixture, selector }) => {
    expect(describe(fixture.text, selector.start, selector.end)).toEqual({
      quote: {
        type: 'TextQuoteSelector',
        exact: selector.exact,
        prefix: selector.prefix,
        suffix: selector.suffix,
      },
      position: { type: 'TextPositionSelector', start: selector.start, end: selector.end },
    })
  })

  it.each([
    { name: 'empty range', start: 5, end: 5 },
    { name: 'reversed range', start: 9, end: 4 },
    { name: 'negative start', start: -1, end: 4 },
    { name: 'past the end', start: 0, end: 11 },
    { name: 'fractional offset', start: 0.5, end: 4 },
  ])('rejects $name', ({ start, end }) => {
    expect(() => describe('ten chars!', start, end)).toThrow(RangeError)
  })

  it('never cuts a surrogate pair in the context', () => {
    const text = `${'😊'.repeat(20)}quote${'😊'.repeat(20)}`
    const start = 40
    const { quote } = describe(text, start, start + 5)
    expect(quote.exact).toBe('quote')
    expect(quote.prefix).toBe('😊'.repeat(16))
    expect(quote.suffix).toBe('😊'.repeat(16))
    const odd = describe(`x${text}`, start + 1, start + 6).quote
    expect(odd.prefix).toBe('😊'.repeat(16))
  })
})

group('anchor on the unchanged text', () => {
  it.each(cases)('$fixture.name: $selector.name', ({ fixture, selector }) => {
    const target = describe(fixture.text, selector.start, selector.end)
    expect(anchor(fixture.text, target)).toEqual({
      start: selector.start,
      end: selector.end,
      method: 'position',
    })
  })
})

group('anchorAll', () => {
  it('places every fixture selector and keeps orphans in input order', () => {
    const [fixture] = fixtures
    const items = fixture.selectors.map((s, i) => ({
      id: `sel-${i}`,
      target: describe(fixture.text, s.start, s.end),
    }))
    const gone = { id: 'gone-1', target: describe('A sentence that is not in the article at all.', 2, 10) }
    const gone2 = { id: 'gone-2', target: describe('Nor is this one, anywhere in it.', 0, 15) }
    const { placed, orphans } = anchorAll(fixture.text, [gone, ...items, gone2])
    expect(orphans).toEqual([gone, gone2])
    items.forEach((item, i) => {
      const { start, end } = fixture.selectors[i]
      expect(placed.get(item.id)).toEqual({ start, end, method: 'position' })
    })
  })
})
