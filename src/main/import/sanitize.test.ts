import { describe, expect, it } from 'vitest'
import { cleanBody, textOfHtml } from './clean-body'
import { loadDom } from './dom'
import { all } from './dom'
import { parseHtml } from './extract-html'
import { parseMarkdown } from './parse-markdown'
import { ALLOWED_TAGS } from './sanitize'
import { xssPayloads } from './test-fixtures'

const ALLOWED_ATTRS = new Set([
  'href',
  'rel',
  'src',
  'alt',
  'title',
  'colspan',
  'rowspan',
  'datetime',
  'dir',
  'lang',
])
const FIRST =
  'The harbour authority published its annual report on Thursday, showing that cargo volumes rose by six percent last year while passenger numbers stayed flat.'
const LAST =
  'Board members will discuss the report at a public meeting on the last Monday of the month, and residents may submit written questions beforehand.'

function article(payload: string): string {
  return `<!doctype html><html lang="en"><head><title>Harbour authority publishes annual report</title></head><body>
    <nav><a href="/">Home</a> <a href="/news/">News</a></nav>
    <article><h1>Harbour authority publishes annual report</h1>
      <p>${FIRST}</p>
      ${payload}
      <p>The report also sets out plans to dredge the inner basin next summer, at an estimated cost of 2.3 million, and to replace the lighting on the north quay.</p>
      <p>${LAST}</p>
    </article></body></html>`
}

function expectHarmless(html: string): void {
  expect(html).not.toMatch(/<script/i)
  expect(html).not.toMatch(/\son[a-z]+\s*=/i)
  expect(html).not.toMatch(/javascript:|vbscript:|data:text|data:image\/svg/i)
  expect(html).not.toMatch(/iframe|srcdoc|srcset|poster|background=/i)
  expect(html).not.toMatch(/<style|\sstyle\s*=|expression\(|url\(|@import|@font-face/i)
  expect(html).not.toMatch(
    /<(base|meta|link|form|input|button|object|embed|svg|math|template|noscript|video|frame)/i,
  )
  expect(html).not.toMatch(/\ssrc\s*=\s*"(?!data:image\/(png|jpeg|gif|webp);base64,)/i)
  // The same, read as a DOM: only allow-listed elements and attributes remain.
  const { body } = loadDom(`<!doctype html><html><head></head><body>${html}</body></html>`)
  for (const el of body ? all(body, '*') : []) {
    expect(ALLOWED_TAGS.has(el.localName)).toBe(true)
    for (const attr of Array.from(el.attributes)) expect(ALLOWED_ATTRS.has(attr.name)).toBe(true)
  }
}

describe('hostile pages', () => {
  it.each(xssPayloads().map((p) => [p.name, p.html]))('%s', (_name, payload) => {
    const doc = parseHtml(article(payload), { url: 'https://harbour.example/news/report' })
    expectHarmless(doc.html)
    expect(doc.text).toContain(FIRST)
    // An unclosed <style> turns the rest of the page into its text, in browsers as in linkedom.
    if (!/<style>(?![\s\S]*<\/style>)/i.test(payload)) expect(doc.text).toContain(LAST)
    expect(textOfHtml(doc.html)).toBe(doc.text)
  })

  it.each(xssPayloads().map((p) => [p.name, p.html]))('%s, as raw HTML in Markdown', (_name, payload) => {
    const doc = parseMarkdown(`# Annual report\n\n${FIRST}\n\n${payload}\n\n${LAST}\n`)
    expectHarmless(doc.html)
    expect(doc.text).toContain(FIRST)
    expect(textOfHtml(doc.html)).toBe(doc.text)
  })

  it('keeps an injected <base> from redirecting relative links', () => {
    const doc = parseHtml(
      article('<base href="https://evil.example/"><p>See <a href="/reports/annual">the report</a>.</p>'),
      {
        url: 'https://harbour.example/news/report',
      },
    )
    expect(doc.html).toContain('href="https://harbour.example/reports/annual"')
    expect(doc.html).not.toContain('evil.example')
  })
})

function clean(html: string, baseUrl?: string) {
  const { document } = { document: loadDom(`<!doctype html><html><head></head><body>${html}</body></html>`) }
  return cleanBody(document.body ?? document, { baseUrl }).html
}

describe('allow-list', () => {
  it.each([
    [
      'structural tags survive',
      '<h2>T</h2><p><em>a</em> <strong>b</strong> <sub>2</sub></p>',
      '<h2>T</h2>\n<p><em>a</em> <strong>b</strong> <sub>2</sub></p>',
    ],
    [
      'unknown containers keep their text',
      '<section><font color="red">Red</font> text</section>',
      'Red text',
    ],
    [
      'block containers become div',
      '<article><p>a</p></article><aside><p>b</p></aside>',
      '<div><p>a</p></div>\n<div><p>b</p></div>',
    ],
    [
      'links get rel and absolute href',
      '<p><a href="/x" target="_blank">x</a></p>',
      '<p><a href="https://site.example/x" rel="noopener noreferrer">x</a></p>',
    ],
    ['links with credentials are unwrapped', '<p><a href="https://u:p@site.example/">x</a></p>', '<p>x</p>'],
    [
      'mailto links stay',
      '<p><a href="mailto:desk@site.example">mail</a></p>',
      '<p><a href="mailto:desk@site.example" rel="noopener noreferrer">mail</a></p>',
    ],
    ['remote images are dropped', '<p>a<img src="https://cdn.example/x.jpg" alt="x">b</p>', '<p>ab</p>'],
    [
      'inline raster images stay',
      '<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="dot" width="9"></p>',
      '<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="dot"></p>',
    ],
    [
      'cell spans are kept and bounded',
      '<table><tr><td colspan="2" rowspan="x">a</td></tr></table>',
      '<table><tbody><tr><td colspan="2">a</td></tr></tbody></table>',
    ],
    [
      'dir and lang are validated',
      '<p lang="ar" dir="rtl">x</p><p dir="sideways" lang="not a tag">y</p>',
      '<p dir="rtl" lang="ar">x</p>\n<p>y</p>',
    ],
    [
      'class, id, style and data attributes go',
      '<p class="c" id="i" style="color:red" data-x="1" aria-label="l">x</p>',
      '<p>x</p>',
    ],
    [
      'time keeps datetime',
      '<p><time datetime="2024-01-10">10 Jan</time></p>',
      '<p><time datetime="2024-01-10">10 Jan</time></p>',
    ],
    ['comments go', '<p>a<!-- note -->b</p>', '<p>ab</p>'],
  ])('%s', (_name, input, expected) => {
    expect(clean(input, 'https://site.example/news/')).toBe(expected)
  })
})
