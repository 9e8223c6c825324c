// Whitespace and markup-like changes must place every fixture highlight on exactly the same words.
// The expected range comes from two marker characters put around the passage before the change.
import { describe as group, expect, it } from 'vitest'
import { loadFixtures } from '../../../test/fixtures/anchoring/fixtures'
import { anchor, anchorAll, describe } from './index'

const OPEN = '\u0001'
const CLOSE = '\u0002'

function rewrap(text: string, width: number): string {
  let out = ''
  let column = 0
  for (const char of text) {
    if (char === '\n') column = 0
    if (char === ' ' && column >= width) {
      out += '\n'
      column = 0
      continue
    }
    out += char
    column++
  }
  return out
}

const changes: { name: string; change: (text: string) => string }[] = [
  { name: 'paragraph breaks become spaces', change: (t) => t.replace(/\n\n/g, ' ') },
  { name: 'paragraph breaks become single newlines', change: (t) => t.replace(/\n\n/g, '\n') },
  { name: 'paragraphs run together', change: (t) => t.replace(/\n\n/g, '') },
  { name: 'every space doubled', change: (t) => t.replace(/ /g, '  ') },
  { name: 'lines re-wrapped at 60 columns', change: (t) => rewrap(t, 60) },
  { name: 'tabs become newlines', change: (t) => t.replace(/\t/g, '\n') },
  { name: 'tabs become spaces', change: (t) => t.replace(/\t/g, ' ') },
  { name: 'Windows line endings', change: (t) => t.replace(/\n/g, '\r\n') },
  { name: 'no-break spaces', change: (t) => t.replace(/ /g, '\u00a0') },
  { name: 'indented paragraphs, padded ends', change: (t) => `\n  ${t.replace(/\n\n/g, '\n\n    ')}\n\n` },
  { name: 'soft hyphens in long words', change: (t) => t.replace(/(\p{L}{4})(?=\p{L}{4})/gu, '$1\u00ad') },
  { name: 'zero-width spaces after commas', change: (t) => t.replace(/, /g, ',\u200b ') },
  {
    name: 'all at once',
    change: (t) =>
      rewrap(t.replace(/\n\n/g, '\n').replace(/\t/g, '\n').replace(/ /g, '  '), 50).replace(/\n/g, '\r\n'),
  },
]

const fixtures = loadFixtures()
const cases = changes.flatMap(({ name, change }) => fixtures.map((fixture) => ({ name, change, fixture })))

group('anchor after whitespace and markup changes', () => {
  it.each(cases)('$name: $fixture.name', ({ change, fixture }) => {
    for (const { start, end, name } of fixture.selectors) {
      const { text } = fixture
      const marked = change(text.slice(0, start) + OPEN + text.slice(start, end) + CLOSE + text.slice(end))
      const expected = { start: marked.indexOf(OPEN), end: marked.indexOf(CLOSE) - 1 }
      const changed = marked.replace(OPEN, '').replace(CLOSE, '')
      const found = anchor(changed, describe(text, start, end))
      expect(found, name).toMatchObject(expected)
      expect(found?.method, name).not.toBe('fuzzy')
    }
  })

  it('gives the same answers through anchorAll', () => {
    for (const { change, fixture } of cases) {
      const changed = change(fixture.text)
      const items = fixture.selectors.map((s) => ({
        id: s.name,
        target: describe(fixture.text, s.start, s.end),
      }))
      const { placed, orphans } = anchorAll(changed, items)
      expect(orphans).toEqual([])
      for (const item of items) expect(placed.get(item.id)).toEqual(anchor(changed, item.target))
    }
  })
})
