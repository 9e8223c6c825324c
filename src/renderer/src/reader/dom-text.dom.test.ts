// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { offsetOfPoint, offsetsFromRange, rangeFromOffsets, readDomText } from './dom-text'

function mount(html: string): HTMLElement {
  const root = document.createElement('div')
  root.innerHTML = html
  document.body.append(root)
  return root
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('readDomText reads the live DOM as the text model does', () => {
  it.each([
    {
      name: 'paragraphs and inline markup',
      html: '<p>Turnout <b>rose</b> to <i>61%</i>.</p>\n  <p>  Counting ends today. </p>',
      text: 'Turnout rose to 61%.\n\nCounting ends today.',
    },
    {
      name: 'a heading, a list and a line break',
      html: '<h2>Results</h2><ul><li>North: 12 seats</li><li>South:<br>9 seats</li></ul>',
      text: 'Results\n\nNorth: 12 seats\n\nSouth:\n9 seats',
    },
    {
      name: 'a table, cells and rows',
      html:
        '<p>Costs:</p><table><caption>In millions</caption>' +
        '<tr><th>Item</th><th>Cost</th></tr>\n<tr><td>Track</td><td>61.4</td></tr></table>',
      text: 'Costs:\n\nIn millions\n\nItem\tCost\nTrack\t61.4',
    },
    {
      name: 'scripts, styles and templates left out',
      html: '<p>Kept</p><script>var x = 1</script><style>p{}</style><template>hidden</template><p>also kept</p>',
      text: 'Kept\n\nalso kept',
    },
    {
      name: 'whitespace between and around blocks trimmed, inside kept',
      html: '\n  <div>\n  <p>\u00a0one  two\u00a0</p>\n\n  </div>  <p>three</p>\n',
      text: 'one  two\n\nthree',
    },
    { name: 'an empty article', html: '<p>  </p><div>\n</div>', text: '' },
  ])('$name', ({ html, text }) => {
    expect(readDomText(mount(html)).text).toBe(text)
  })

  it('maps each segment back to the characters of its text node', () => {
    const model = readDomText(mount('<p> Alpha <em>beta</em></p><table><tr><td> gamma </td></tr></table>'))
    expect(model.text).toBe('Alpha beta\n\ngamma')
    for (const seg of model.segments) {
      const value = seg.node.nodeValue ?? ''
      expect(value.slice(seg.nodeStart, seg.nodeStart + seg.end - seg.start)).toBe(
        model.text.slice(seg.start, seg.end),
      )
    }
  })
})

const ARTICLE =
  '<h1>Tram vote</h1>' +
  '<p>Councillors voted <strong>27 to 12</strong> on Tuesday.</p>' +
  '<ul><li>Track: 61.4 million</li><li>Trams: 32.0 million</li></ul>' +
  '<table><tr><td>Stops</td><td>18.9</td></tr><tr><td>Design</td><td>15.7</td></tr></table>' +
  '<p>The line opens in <a href="#">2028</a>.</p>'

describe('rangeFromOffsets and offsetsFromRange', () => {
  it('covers the quote exactly when the offsets lie inside one block', () => {
    const model = readDomText(mount(ARTICLE))
    for (const quote of ['voted 27 to 12 on', '27', 'Trams: 32.0', '18.9', 'opens in 2028', 'Tram vote']) {
      const start = model.text.indexOf(quote)
      expect(start, quote).toBeGreaterThanOrEqual(0)
      const range = rangeFromOffsets(model, start, start + quote.length)
      expect(range?.toString()).toBe(quote)
    }
  })

  it('round-trips every word-aligned span of the article, across blocks, list items and cells', () => {
    const model = readDomText(mount(ARTICLE))
    const bounds = [...model.text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length])
    expect(bounds.length).toBeGreaterThan(15)
    for (const [start] of bounds) {
      for (const [, end] of bounds) {
        if (end <= start) continue
        const range = rangeFromOffsets(model, start, end)
        expect(range, `${start}–${end}`).not.toBeNull()
        expect(offsetsFromRange(model, range as Range), `${start}–${end}`).toEqual({ start, end })
      }
    }
  })

  it('starts and ends the range in the text nodes that hold the characters', () => {
    const root = mount(ARTICLE)
    const model = readDomText(root)
    const start = model.text.indexOf('27 to 12')
    const range = rangeFromOffsets(model, start, start + '27 to 12'.length) as Range
    const strong = root.querySelector('strong')?.firstChild
    expect(range.startContainer).toBe(strong)
    expect(range.startOffset).toBe(0)
    expect(range.endContainer).toBe(strong)
    expect(range.endOffset).toBe(8)
  })

  it('gives no range for an empty or reversed span, or an empty article', () => {
    const model = readDomText(mount(ARTICLE))
    expect(rangeFromOffsets(model, 5, 5)).toBeNull()
    expect(rangeFromOffsets(model, 9, 4)).toBeNull()
    expect(rangeFromOffsets(readDomText(mount('<p> </p>')), 0, 1)).toBeNull()
  })

  it('trims whitespace and separators a selection picks up at its edges', () => {
    const root = mount('<p>First paragraph.</p>\n<p>Second one.</p>')
    const model = readDomText(root)
    const [first, second] = root.querySelectorAll('p')
    const range = document.createRange()
    range.setStart(first.firstChild as Node, 5)
    range.setEnd(second.firstChild as Node, 0)
    expect(offsetsFromRange(model, range)).toEqual({ start: 6, end: 16 })
    const leading = document.createRange()
    leading.setStart(first.firstChild as Node, 16)
    leading.setEnd(second.firstChild as Node, 6)
    expect(offsetsFromRange(model, leading)).toEqual({ start: 18, end: 24 })
    const blank = document.createRange()
    blank.setStart(first.firstChild as Node, 16)
    blank.setEnd(second.firstChild as Node, 0)
    expect(offsetsFromRange(model, blank)).toBeNull()
  })

  it('snaps a point between elements to the next text, or the end', () => {
    const root = mount('<p>One.</p><p>Two.</p>')
    const model = readDomText(root)
    expect(offsetOfPoint(model, root, 1)).toBe(model.text.indexOf('Two.'))
    expect(offsetOfPoint(model, root, 0)).toBe(0)
    expect(offsetOfPoint(model, root, 2)).toBe(model.text.length)
  })
})
