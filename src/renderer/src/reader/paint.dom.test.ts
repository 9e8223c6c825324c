// @vitest-environment happy-dom
// happy-dom has no CSS Custom Highlight API (no `Highlight`, no `CSS.highlights`). The painting is checked
// twice: as happy-dom is (paint must do nothing and not throw), and against the API's shape as the spec
// gives it (a Highlight is a set of ranges with a priority; the registry maps names to highlights), installed
// here. Chromium's own implementation is exercised by the e2e reader specs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HIGHLIGHT_COLORS } from '../../../shared/vocabulary'
import { readDomText } from './dom-text'
import type { DomText } from './dom-text'
import { clearPaint, paintAnnotations, paintLayer } from './paint'
import type { PaintedAnnotation } from './paint'

class SpecHighlight extends Set<AbstractRange> {
  priority = 0
  type = 'highlight'
  constructor(...initialRanges: AbstractRange[]) {
    super(initialRanges)
  }
}

let model: DomText

beforeEach(() => {
  const root = document.createElement('div')
  root.innerHTML = '<p>Rents rose 8% in Leipzig.</p><table><tr><td>Dresden</td><td>5%</td></tr></table>'
  document.body.append(root)
  model = readDomText(root)
})

afterEach(() => {
  document.body.innerHTML = ''
})

const span = (quote: string) => {
  const start = model.text.indexOf(quote)
  if (start < 0) throw new Error(`"${quote}" is not in the test article`)
  return { start, end: start + quote.length }
}
const texts = (highlight: Set<AbstractRange> | undefined) =>
  [...(highlight ?? [])].map((r) => (r as Range).toString())

describe('without the Custom Highlight API (happy-dom as it is)', () => {
  it('has no registry, and painting and clearing do nothing', () => {
    expect('highlights' in CSS).toBe(false)
    expect(() => {
      paintAnnotations(model, [{ ...span('8%'), id: 'a', color: 'yellow', kind: 'highlight' }])
      paintLayer(model, 'find-match', [span('Leipzig')])
      paintLayer(null, 'hl-focus', [])
      clearPaint()
    }).not.toThrow()
  })
})

describe('with the Custom Highlight API as the spec shapes it', () => {
  let registry: Map<string, SpecHighlight>
  beforeEach(() => {
    registry = new Map()
    // happy-dom's `CSS` getter makes a new object each time, so the registry goes on their prototype.
    Object.defineProperty(Object.getPrototypeOf(CSS), 'highlights', { value: registry, configurable: true })
    Object.assign(globalThis, { Highlight: SpecHighlight })
  })
  afterEach(() => {
    Reflect.deleteProperty(Object.getPrototypeOf(CSS), 'highlights')
    Reflect.deleteProperty(globalThis, 'Highlight')
  })

  it('registers one highlight per colour and one for figures, each with the ranges of its annotations', () => {
    const annotations: PaintedAnnotation[] = [
      { ...span('Rents rose'), id: 'a', color: 'yellow', kind: 'highlight' },
      { ...span('8%'), id: 'b', color: 'blue', kind: 'figure' },
      { ...span('Dresden\t5%'), id: 'c', color: 'yellow', kind: 'highlight' },
      { start: 4, end: 4, id: 'empty', color: 'green', kind: 'highlight' },
    ]
    paintAnnotations(model, annotations)
    expect([...registry.keys()].sort()).toEqual(
      [...HIGHLIGHT_COLORS.map((c) => `hl-${c}`), 'hl-figure'].sort(),
    )
    expect(texts(registry.get('hl-yellow'))).toEqual(['Rents rose', 'Dresden5%'])
    expect(texts(registry.get('hl-blue'))).toEqual(['8%'])
    expect(texts(registry.get('hl-figure'))).toEqual(['8%'])
    expect(texts(registry.get('hl-green'))).toEqual([])
    for (const color of HIGHLIGHT_COLORS) expect(registry.get(`hl-${color}`)?.priority).toBe(1)
    expect(registry.get('hl-figure')?.priority).toBe(2)
  })

  it('paints layers above highlights, the current find match and focus above the rest', () => {
    paintLayer(model, 'find-match', [span('Leipzig'), span('Dresden')])
    paintLayer(model, 'find-current', [span('Leipzig')])
    paintLayer(model, 'hl-focus', [span('Rents')])
    paintLayer(model, 'figure-candidate', [span('8%'), span('5%')])
    paintLayer(null, 'hl-unsaved', [span('rose')])
    expect(texts(registry.get('find-match'))).toEqual(['Leipzig', 'Dresden'])
    expect(texts(registry.get('figure-candidate'))).toEqual(['8%', '5%'])
    expect(texts(registry.get('hl-unsaved'))).toEqual([])
    expect(registry.get('find-match')?.priority).toBe(3)
    expect(registry.get('figure-candidate')?.priority).toBe(3)
    expect(registry.get('hl-unsaved')?.priority).toBe(3)
    expect(registry.get('find-current')?.priority).toBe(4)
    expect(registry.get('hl-focus')?.priority).toBe(4)
  })

  it('replaces a layer when painted again, and clearPaint empties the registry', () => {
    paintLayer(model, 'find-match', [span('Leipzig')])
    paintLayer(model, 'find-match', [span('Dresden')])
    expect(texts(registry.get('find-match'))).toEqual(['Dresden'])
    clearPaint()
    expect(registry.size).toBe(0)
  })
})
