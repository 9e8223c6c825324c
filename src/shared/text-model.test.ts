import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { buildTextModel, normalizePlainText, textToHtml } from './text-model'

function model(html: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`)
  return buildTextModel(document.body)
}

describe('buildTextModel', () => {
  it.each([
    ['paragraphs', '<p>One.</p>\n  <p>Two.</p>', 'One.\n\nTwo.'],
    ['inline markup keeps words together', '<p>It <b>rose</b> by <i>70%</i>.</p>', 'It rose by 70%.'],
    ['line breaks', '<p>a<br>b</p>', 'a\nb'],
    [
      'table cells and rows',
      '<table><tr><td>A</td><td>1</td></tr><tr><td>B</td><td>2</td></tr></table>',
      'A\t1\nB\t2',
    ],
    ['list items', '<ul><li>first</li><li>second</li></ul><p>after</p>', 'first\n\nsecond\n\nafter'],
    ['leading and trailing block whitespace', '<p>  spaced  </p><div>\n next </div>', 'spaced\n\nnext'],
    ['nested blocks collapse to one break', '<div><div><p>x</p></div></div><p>y</p>', 'x\n\ny'],
    ['scripts and styles are not text', '<p>a<script>b()</script><style>p{}</style></p>', 'a'],
    ['space between inline elements survives', '<p><b>a</b> <i>b</i></p>', 'a b'],
  ])('%s', (_name, html, expected) => {
    expect(model(html).text).toBe(expected)
  })

  it('maps every segment back to its text node', () => {
    const m = model(
      '<h1> Title </h1><p>It <b>rose</b>\n by 70%.</p><table><tr><td> x </td><td>y</td></tr></table>',
    )
    expect(m.segments.length).toBeGreaterThan(3)
    for (const seg of m.segments) {
      const value = seg.node.nodeValue ?? ''
      expect(value.slice(seg.nodeStart, seg.nodeStart + seg.end - seg.start)).toBe(
        m.text.slice(seg.start, seg.end),
      )
    }
    // Between segments there are only the separators the rule inserted.
    let at = 0
    for (const seg of m.segments) {
      expect(m.text.slice(at, seg.start)).toMatch(/^(\n\n|\n|\t|)$/)
      at = seg.end
    }
    expect(at).toBe(m.text.length)
  })
})

describe('plain text articles', () => {
  it.each([
    ['blank lines split paragraphs', 'One line\r\n\r\n\r\nTwo  \n   \nThree', 'One line\n\nTwo\n\nThree'],
    ['single newlines stay inside a paragraph', 'a\nb\n\nc', 'a\nb\n\nc'],
    ['edges are trimmed', '\n\n  hello \u00a0\n\n', 'hello'],
  ])('%s', (_name, raw, expected) => {
    const text = normalizePlainText(raw)
    expect(text).toBe(expected)
    expect(model(textToHtml(text)).text).toBe(text)
  })

  it('escapes markup in text', () => {
    expect(textToHtml('<script>x</script> & "q"')).not.toContain('<script>')
    expect(model(textToHtml('<b>not bold</b>')).text).toBe('<b>not bold</b>')
  })
})
