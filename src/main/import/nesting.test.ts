import { describe, expect, it } from 'vitest'
import { createRng } from '../../../test/prng'
import type { DomNode } from './dom'
import { childrenOf, isElement, loadDom } from './dom'
import { MAX_NESTING, limitNesting } from './nesting'
import { loadHtml } from './skeleton'

/**
 * How deep the parser's stack of open elements went: linkedom hangs each element under the one on top of
 * htmlparser2's stack, so the deepest element of the tree it builds is exactly that.
 */
function parsedDepth(html: string): number {
  let deepest = 0
  const stack: [DomNode, number][] = [[loadDom(html), 0]]
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, depth] = item
    deepest = Math.max(deepest, depth)
    for (const child of childrenOf(node)) if (isElement(child)) stack.push([child, depth + 1])
  }
  return deepest
}

const textOf = (html: string) => loadDom(html).textContent ?? ''
const N = 1000

describe('limitNesting keeps the parser within MAX_NESTING, in one pass', () => {
  it.each([
    ['a list nested 1,000 deep', '<ul><li>item '.repeat(N) + '</li></ul>'.repeat(N)],
    ['divs never closed', '<div>x '.repeat(N)],
    ['inline tags never closed', '<b>x<i>y<span>z'.repeat(N)],
    ['closing tags that close nothing, between the opening ones', '<div>a</span></q>'.repeat(N)],
    ['"<div/>" inside <svg><foreignObject>, where it opens', '<svg><foreignObject>' + '<div/>x'.repeat(N)],
    ['a ">" inside quoted attributes', '<div title="a>b" data-x=\'>\'>t'.repeat(N)],
    ['unquoted attribute values ending in "/"', '<svg>' + '<g a=b/>t'.repeat(N)],
    ['a deep list past a deep table', '<table><tr><td>'.repeat(N) + '<ul><li>i'.repeat(N)],
  ])('%s', (_name, html) => {
    expect(parsedDepth(html)).toBeGreaterThan(MAX_NESTING)
    const limited = limitNesting(html)
    expect(parsedDepth(limited.html)).toBeLessThanOrEqual(MAX_NESTING)
    expect(textOf(limited.html)).toBe(textOf(html))
  })

  it.each([
    ['paragraphs never closed (each <p> closes the one before)', '<p>para '.repeat(N)],
    ['list items never closed', '<ul>' + '<li>item '.repeat(N)],
    ['table rows and cells never closed', '<table>' + '<tr><td>a<td>b'.repeat(N)],
    ['self-closing shapes in an <svg>', '<svg>' + '<path d="M0 0"/>'.repeat(N) + '</svg>'],
    ['tags inside a script, a style, a textarea and a comment', scriptsAndComments()],
    [
      'a page nested exactly MAX_NESTING deep',
      '<div>'.repeat(MAX_NESTING - 1) + '<img src=x>x<script>s</script>',
    ],
  ])('leaves %s as it is', (_name, html) => {
    expect(limitNesting(html).html).toBe(html)
  })

  it('keeps the words of a dropped block apart, and drops each closing tag with its opening tag', () => {
    const [deep, up] = ['<div>'.repeat(MAX_NESTING - 1), '</div>'.repeat(MAX_NESTING - 1)]
    const html = `${deep}<div>one</div><div>two</div><b>three</b> four${up}<p>after</p>`
    expect(limitNesting(html).html).toBe(`${deep}<br>one<br><br>two<br>three four${up}<p>after</p>`)
  })

  it('is what loadHtml parses: a page nested 5,000 deep loads at most MAX_NESTING deep, every word kept', () => {
    const html = '<ul><li>item '.repeat(5000) + '</li></ul>'.repeat(5000)
    const doc = loadHtml(html)
    expect(parsedDepth(doc.toString())).toBeLessThanOrEqual(MAX_NESTING)
    expect(doc.body?.textContent).toBe('item '.repeat(5000))
  })

  it('counts the tags, attributes and comments the parser will make nodes of', () => {
    expect(limitNesting('<p class="a" id=b>x</p><!-- c --><img src=x alt="y">').parts).toBe(8)
    expect(limitNesting('<b>x</b> '.repeat(1000)).parts).toBe(2000)
  })

  it('holds for random tag soup', () => {
    const rng = createRng(20)
    const tags = [
      'div',
      'p',
      'li',
      'ul',
      'b',
      'span',
      'td',
      'tr',
      'table',
      'svg',
      'g',
      'foreignObject',
      'math',
    ]
    for (let run = 0; run < 20; run++) {
      let html = ''
      for (let i = 0; i < 1500; i++) {
        const tag = rng.pick(tags)
        html += rng.chance(0.25) ? `</${tag}>` : rng.chance(0.1) ? `<${tag}/>` : `<${tag}>`
        if (rng.chance(0.3)) html += `w${i} `
      }
      const limited = limitNesting(html)
      expect(parsedDepth(limited.html)).toBeLessThanOrEqual(MAX_NESTING)
      expect(textOf(limited.html)).toBe(textOf(html))
    }
  })
})

function scriptsAndComments(): string {
  const tags = '<div><ul><li>'.repeat(N)
  return `<script>${tags}</script><style>${tags}</style><textarea>${tags}</textarea><!-- ${tags} --><p>x</p>`
}
