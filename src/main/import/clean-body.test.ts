import { describe, expect, it } from 'vitest'
import { cleanBody, textOfHtml } from './clean-body'
import { loadDom } from './dom'
import { parseHtml } from './extract-html'
import { serializeChildren } from './serialize'

function clean(html: string) {
  const doc = loadDom(`<!doctype html><html><head></head><body>${html}</body></html>`)
  return cleanBody(doc.body ?? doc)
}

describe('whitespace', () => {
  it.each([
    ['runs collapse to one space', '<p>  One\n   two\t three </p>', '<p>One two three</p>', 'One two three'],
    ['collapse crosses inline tags', '<p>a <b> b</b> c</p>', '<p>a <b>b</b> c</p>', 'a b c'],
    [
      'no line starts or ends with a space',
      '<p>line<br> next <br>third</p>',
      '<p>line<br>next<br>third</p>',
      'line\nnext\nthird',
    ],
    [
      'blocks get one newline between them',
      '<div> <p>one</p> <p>two</p> </div>',
      '<p>one</p>\n<p>two</p>',
      'one\n\ntwo',
    ],
    [
      'spaces between inline elements survive',
      '<span> x </span><span> y </span>',
      '<span>x </span><span>y</span>',
      'x y',
    ],
    [
      'pre keeps its spaces and loses its first newline',
      '<pre>\n  code\n    more\n</pre>',
      '<pre>  code\n    more\n</pre>',
      'code\n    more',
    ],
    ['no-break spaces are kept as entities', '<p>10&nbsp;km</p>', '<p>10&nbsp;km</p>', '10\u00a0km'],
    ['CR LF and control characters', 'a\u0000b\r\nc\u0001d', 'ab cd', 'ab cd'],
  ])('%s', (_name, input, html, text) => {
    const out = clean(input)
    expect(out.html).toBe(html)
    expect(out.text).toBe(text)
    expect(textOfHtml(out.html)).toBe(out.text)
  })
})

// Each case is markup a browser would reshape when parsing the stored HTML; after repair it must not.
describe('structure the parser would change', () => {
  it.each([
    [
      'a block inside <p> turns the <p> into a <div>',
      '<p>a<span><div>b</div></span>c</p>',
      '<div>a<span><div>b</div></span>c</div>',
    ],
    [
      'rows and cells outside a table become divs',
      '<tr><td>loose</td></tr><td>cell</td>',
      '<div><div>loose</div></div>\n<div>cell</div>',
    ],
    [
      'list items outside a list become divs',
      '<li>orphan</li><ul><li>a</li></ul>',
      '<div>orphan</div>\n<ul><li>a</li></ul>',
    ],
    [
      'dd and dt outside dl become divs',
      '<dl><dt>T</dt><dd>D</dd></dl><dd>loose</dd>',
      '<dl><dt>T</dt>\n<dd>D</dd></dl>\n<div>loose</div>',
    ],
    [
      'a link inside a link is unwrapped',
      '<a href="https://a.example/">out <a href="https://b.example/">in</a></a>',
      '<a href="https://a.example/" rel="noopener noreferrer">out in</a>',
    ],
    ['a heading inside a heading is unwrapped', '<h2>Head <h3>inner</h3></h2>', '<h2>Head inner</h2>'],
    [
      'rows get a tbody and stray content moves before the table',
      '<table>stray<tr><td>a</td><div>x</div></tr><p>para</p><tr><td>b</td></tr></table>',
      'stray<div>x</div>\n<p>para</p>\n<table><tbody><tr><td>a</td></tr>\n<tr><td>b</td></tr></tbody></table>',
    ],
    [
      'a table directly inside a table moves out',
      '<table><table><tr><td>in</td></tr></table></table>',
      '<table><tbody><tr><td>in</td></tr></tbody></table>\n<table></table>',
    ],
  ])('%s', (_name, input, html) => {
    const out = clean(input)
    expect(out.html).toBe(html)
    // The stored HTML parses back to the same tree: serialising the parse gives the same string.
    const reparsed = loadDom(`<!doctype html><html><head></head><body>${out.html}</body></html>`)
    expect(serializeChildren(reparsed.body ?? reparsed)).toBe(out.html)
    expect(textOfHtml(out.html)).toBe(out.text)
  })
})

describe('deeply nested markup', () => {
  const para = `<p>${'A sentence long enough to count as the prose of an article, with a comma or two. '.repeat(5)}</p>`
  it.each([
    ['div', '<div>', '</div>'],
    ['b', '<b>', '</b>'],
    ['blockquote', '<blockquote>', '</blockquote>'],
  ])('20,000 nested <%s> are flattened instead of overflowing the stack', (_tag, open, close) => {
    const n = 20_000
    const doc = parseHtml(
      `<html><body><article>${para}${open.repeat(n)}deep text${close.repeat(n)}${para}</article></body></html>`,
    )
    expect(doc.text).toContain('deep text')
    expect(textOfHtml(doc.html)).toBe(doc.text)
  })
})
