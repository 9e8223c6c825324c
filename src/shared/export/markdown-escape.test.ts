import { describe, expect, it } from 'vitest'
import {
  blockquoteText,
  blocks,
  literalText,
  renderedQuote,
} from '../../../test/fixtures/export/markdown-tokens'
import { blockquote, escapeInline, escapeLine, markdownUrl, obsidianTag, tagName } from './markdown-escape'

// Quotes are verbatim article text: each must come back from marked as one blockquote of plain paragraphs.
const HOSTILE_QUOTES = [
  '# looks like a heading',
  '###### six',
  '#hashtag and #1 priority',
  '- a list item',
  '+ plus item',
  '* star item',
  '1. first',
  '2024) bracketed',
  '2024. The year the grid decoupled',
  '> nested quote',
  '>> double',
  '---',
  '***',
  '___',
  '- - -',
  'Setext heading\n===',
  'Setext two\n---',
  'a | b\n--- | ---\nc | d',
  '| a | b |\n|:--|--:|',
  ':--|--:',
  '```js\nconst x = 1',
  '~~~\nfenced',
  '    indented code',
  '\tTabbed',
  '<script>alert(1)</script>',
  '<div onclick="x()">html block</div>',
  '<!-- never closed',
  '<img src=x onerror=alert(1)>',
  '[a link](https://example.com)',
  '![an image](x.png)',
  '[[Wikilink]] and [^1] footnote',
  '[ref]: https://example.com/ref',
  '[!note] looks like a callout',
  '**bold** and _em_ and `code` and ~~strike~~ and ~one~',
  'snake_case_word and 2*3*4',
  '&amp; &#169; &copy; AT&T',
  'back\\slash \\* \\',
  '$x^2$ costs $3 and $4',
  '==highlight== and %%comment%%',
  'a == b, 10%% off',
  'trailing two spaces  \nnext line',
  'multi\n\n\n\nparagraph',
  '  padded line  \n\n   second  ',
  'Nausėda said €1.2 billion — “a necessary shield”',
  'see https://example.com/a_b_c*d for more',
  'mail desk@example.org',
  'http://localhost/_x_ and _y_',
  '(see https://en.wikipedia.org/wiki/Foo_(bar)) and https://x.org/a_b.',
  'https://example.com/#frag|pipe`tick`~x~',
  'xhttps://a.example/_b_',
  'HTTPS://EXAMPLE.COM/A_B',
  'https://example.com/a_b at a line start\nhttps://example.com/c_d',
  'CR\r\nLF and CR\ronly',
]

describe('blockquote', () => {
  it.each(HOSTILE_QUOTES)('keeps %j literal', (quote) => {
    const tokens = blocks(blockquote(quote))
    expect(tokens.map((t) => t.type)).toEqual(['blockquote'])
    expect(blockquoteText(tokens[0])).toBe(renderedQuote(quote))
  })

  it('prefixes every line, blank lines included', () => {
    expect(blockquote('one\ntwo\n\nthree')).toBe('> one\n> two\n>\n> three')
  })
})

describe('escapeInline / escapeLine', () => {
  it.each(HOSTILE_QUOTES)('keeps %j literal in a paragraph', (text) => {
    const tokens = blocks(`Before: ${escapeLine(text)}`)
    expect(tokens.map((t) => t.type)).toEqual(['paragraph'])
    expect(literalText(tokens[0].type === 'paragraph' ? tokens[0].tokens : [])).toBe(
      `Before: ${text.replace(/\s+/g, ' ').trim()}`,
    )
  })

  it.each(HOSTILE_QUOTES)('keeps %j literal in a heading', (text) => {
    const tokens = blocks(`## ${escapeLine(text)}`)
    expect(tokens.map((t) => t.type)).toEqual(['heading'])
    expect(literalText(tokens[0].type === 'heading' ? tokens[0].tokens : [])).toBe(
      text.replace(/\s+/g, ' ').trim(),
    )
  })

  it.each([
    ['==highlight==', '\\=\\=highlight\\=\\='],
    ['a = b', 'a = b'],
    ['%%comment%%', '\\%\\%comment\\%\\%'],
    ['50% off', '50% off'],
    ['$3 and $4', '\\$3 and \\$4'],
    ['[[Wikilink]]', '\\[\\[Wikilink\\]\\]'],
    ['#tag', '\\#tag'],
    ['AT&T &amp;', 'AT&T \\&amp;'],
    ['state-owned (2024)', 'state-owned (2024)'],
  ])('escapes Obsidian syntax marked does not know: %j', (text, escaped) => {
    expect(escapeInline(text)).toBe(escaped)
  })
})

describe('markdownUrl', () => {
  it.each([
    ['https://example.com/a_b?x=1&y=2', '<https://example.com/a_b?x=1&y=2>'],
    ['http://example.org/', '<http://example.org/>'],
    ['javascript:alert(1)', 'javascript:alert(1)'],
    ['file:///etc/passwd', 'file:///etc/passwd'],
    ['not a url [x](y)', 'not a url \\[x\\](y)'],
  ])('%j → %j', (url, markdown) => {
    expect(markdownUrl(url)).toBe(markdown)
  })
})

describe('obsidianTag', () => {
  it.each([
    ['strikes/launched', '#strikes/launched'],
    ['follow up', '#follow-up'],
    ['energy  prices', '#energy-prices'],
    ['Nausėda/quotes', '#Nausėda/quotes'],
    ['a.b (c)', '#a-b-c-'],
    ['snake_case', '#snake_case'],
  ])('%j → %j', (tag, obsidian) => {
    expect(obsidianTag(tag)).toBe(obsidian)
    expect(tagName(tag)).toBe(obsidian.slice(1))
  })
})

// escapeInline as it was before its fast path (text with no Markdown character returned as it is), with `<` as
// `&lt;` (a backslash before it was taken into GFM's www. autolinks).
const INLINE_BEFORE = /[\\`*_[\]#|~$]|&(?=#?[a-z0-9]+;)|=(?==)|(?<==)=|%(?=%)|(?<=%)%/gi
// eslint-disable-next-line no-control-regex -- as in markdown-escape.ts
const WEB_BEFORE = /https?:\/\/[^\s<>\u0000-\u001f\u007f]*[^\s<>\u0000-\u001f\u007f?!.,:;*_~)'"\]]/gi
function escapeInlineBefore(text: string): string {
  let out = ''
  let last = 0
  for (const match of text.matchAll(WEB_BEFORE)) {
    out += plainBefore(text.slice(last, match.index)) + `<${match[0]}>`
    last = match.index + match[0].length
  }
  return out + plainBefore(text.slice(last))
}
function plainBefore(text: string): string {
  return text.replace(INLINE_BEFORE, (c) => `\\${c}`).replaceAll('<', '&lt;')
}

describe('escapeInline with its fast path', () => {
  it('escapes 20,000 random texts exactly as before', () => {
    const pieces = [
      ...'ab Z0.,;:!?()\'"\\`*_[]<>#|~$&=%/\n\té',
      '&amp;',
      '&#39;',
      '==',
      '%%',
      'http://x.org/a_b',
      'HTTPS://Y.io/',
      'http:/',
    ]
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    for (let n = 0; n < 20000; n++) {
      const text = Array.from(
        { length: Math.floor(next() * 12) },
        () => pieces[Math.floor(next() * pieces.length)],
      ).join('')
      expect(escapeInline(text), JSON.stringify(text)).toBe(escapeInlineBefore(text))
    }
  })
})

// blockquote as it was before its one-line fast path and its line-start check without regular expressions.
function blockquoteBefore(text: string): string {
  const start = (line: string) =>
    /^[-+>=]/.test(line) ? `\\${line}` : line.replace(/^(\d{1,9})([.)])/, '$1\\$2')
  const lines = text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split('\n')
    .map((line) => line.trim())
  return lines.map((line) => (line ? `> ${start(escapeInline(line))}` : '>')).join('\n')
}

describe('blockquote with its one-line fast path', () => {
  it('quotes 20,000 random texts exactly as before', () => {
    const pieces = [...'ab Z09.)-+>=*#_<\t\u00a0\u2028', '\n', '\r\n', '\r', '12.', '7)', '1234567890.', '- ']
    let seed = 11
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    for (let n = 0; n < 20000; n++) {
      const text = Array.from(
        { length: Math.floor(next() * 10) },
        () => pieces[Math.floor(next() * pieces.length)],
      ).join('')
      expect(blockquote(text), JSON.stringify(text)).toBe(blockquoteBefore(text))
    }
  })
})

describe('tagName remembered', () => {
  it('gives the same name on every call, past the size where the cache is emptied', () => {
    for (let round = 0; round < 2; round++)
      for (let n = 0; n < 10_050; n += 7) expect(tagName(`tag ${n}/x y`)).toBe(`tag-${n}/x-y`)
  })
})
