import { describe, expect, it } from 'vitest'
import { sniff } from './sniff'
import { MAX_IMPORT_BYTES } from './types'

const utf8 = (s: string) => new TextEncoder().encode(s)
const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)))
// A complete 1×1 transparent PNG.
const TINY_PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
)

describe('bad input', () => {
  it.each([
    ['an empty file', 'empty.txt', new Uint8Array(0), 'empty', /“empty\.txt” is empty/],
    ['whitespace only', 'blank.md', utf8(' \n\t \r\n'), 'empty', /only whitespace/],
    ['a tiny PNG', 'photo.html', TINY_PNG, 'binary', /“photo\.html” looks like a PNG image/],
    ['a PDF', 'report.txt', bytes('%PDF-1.7\n%\xe2\xe3\n1 0 obj'), 'binary', /a PDF document.*copy its text/],
    [
      'a ZIP (docx)',
      'story.docx',
      bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]),
      'binary',
      /ZIP archive \(Word \.docx/,
    ],
    ['a gzip file', 'page.html.gz', bytes([0x1f, 0x8b, 8, 0, 0, 0]), 'binary', /gzip.*unpack it first/],
    ['NUL bytes', 'data.bin', bytes('abc', [0, 0, 1], 'def'), 'binary', /contains NUL bytes/],
    [
      'mostly control characters',
      'weird.txt',
      bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15], 'ab'),
      'binary',
      /control characters/,
    ],
    [
      'Latin-1 bytes',
      'cafe.txt',
      bytes('Line one\nCaf', [0xe9], ' au lait'),
      'invalid_utf8',
      /not valid UTF-8 text \(the first bad byte is on line 2\).*save it as UTF-8/,
    ],
    [
      'a broken UTF-16 file',
      'u16.txt',
      bytes([0xff, 0xfe, 0x00, 0xd8]),
      'invalid_utf8',
      /UTF-16LE byte-order mark/,
    ],
    ['an MHTML archive', 'page.mhtml', utf8('MIME-Version: 1.0\r\n'), 'unsupported', /Web Page, HTML only/],
    ['an RTF document', 'letter.txt', utf8('{\\rtf1\\ansi Hello}'), 'unsupported', /RTF document/],
  ])('%s', (_name, name, input, code, message) => {
    expect(() => sniff({ name, bytes: input })).toThrow(expect.objectContaining({ code }))
    expect(() => sniff({ name, bytes: input })).toThrow(message)
  })

  it('a file over the limit', () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61)
    expect(() => sniff({ name: 'huge.txt', bytes: big })).toThrow(
      expect.objectContaining({ code: 'too_large' }),
    )
    expect(() => sniff({ name: 'huge.txt', bytes: big })).toThrow(
      /“huge\.txt” is 20 MB; Glossa imports files of up to 20 MB/,
    )
  })
})

describe('decoding', () => {
  it.each([
    ['UTF-8', utf8('Café “quoted”'), 'Café “quoted”'],
    ['UTF-8 with a BOM', bytes([0xef, 0xbb, 0xbf], 'Café'), 'Café'],
    ['UTF-16LE with a BOM', bytes([0xff, 0xfe, 0x43, 0, 0xe9, 0]), 'Cé'],
    ['UTF-16BE with a BOM', bytes([0xfe, 0xff, 0, 0x43, 0, 0xe9]), 'Cé'],
    ['a genuine U+FFFD is fine', utf8('a\ufffdb'), 'a\ufffdb'],
  ])('%s', (_name, input, text) => {
    expect(sniff({ name: 'a.txt', bytes: input }).text).toBe(text)
  })

  it('honours a legacy <meta charset> in a saved page', () => {
    const page = bytes(
      '<html><head><meta charset="windows-1252"></head><body><p>',
      [0x93],
      'Hi',
      [0x94],
      ' caf',
      [0xe9],
      '</p></body></html>',
    )
    expect(sniff({ name: 'old.html', bytes: page }).text).toContain('<p>“Hi” café</p>')
  })
})

describe('format', () => {
  it.each([
    ['page.html', '<p>x</p>', 'html'],
    ['page.HTM', '<p>x</p>', 'html'],
    ['note.md', '# x', 'markdown'],
    ['note.markdown', 'x', 'markdown'],
    ['story.txt', '<!doctype html><p>x</p>', 'text'],
    ['saved-page', '<!-- saved from url=(0042) -->\n<!DOCTYPE html><html><body>x</body></html>', 'html'],
    ['note.dat', '---\ntitle: T\n---\nBody', 'markdown'],
    ['data.csv', 'a,b\n1,2', 'text'],
    ['README', 'Just words.', 'text'],
  ])('%s', (name, content, format) => {
    expect(sniff({ name, bytes: utf8(content) }).format).toBe(format)
  })
})
