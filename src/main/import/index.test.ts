import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { articleMetaSchema } from '../../shared/schemas'
import { textOfHtml } from './clean-body'
import { ImportError, MAX_IMPORT_BYTES, parseDocument } from './index'
import { fixtureBytes } from './test-fixtures'

// What the archive stores from an import must pass the article schema (ids and counts aside).
const storedMeta = articleMetaSchema.pick({
  title: true,
  source: true,
  url: true,
  author: true,
  publishedAt: true,
  language: true,
  excerpt: true,
})

describe('a source for every import (#14)', () => {
  it.each([
    // The page names no site: the URL's domain stands in, else the file name.
    [
      'reader/11-bylinedate-a.html',
      'https://www.fenwater-news.example/2023/09/plant',
      'fenwater-news.example',
    ],
    ['reader/11-bylinedate-a.html', undefined, '11-bylinedate-a.html'],
    ['dated-article.txt', undefined, 'dated-article.txt'],
    // A named site stays.
    ['news-page.html', 'https://courier.example/flood', 'The Riverside Courier'],
  ])('%s from %s → %s', (name, url, source) => {
    expect(parseDocument({ name, url, bytes: fixtureBytes(name) }).source).toBe(source)
  })
})

describe('parseDocument on the fixtures', () => {
  it.each([
    ['news-page.html', 'html', 'Marlow Bridge council approves flood barrier after record winter rain'],
    ['table-page.html', 'html', 'Reservoir levels fall below seasonal average in three of four regions'],
    ['rtl-page.html', 'html', 'افتتاح المكتبة العامة في المدينة القديمة بعد ترميم استمر عامين'],
    ['base-href-page.html', 'html', 'Ferry timetable changes from Monday'],
    ['field-note.md', 'markdown', 'Notes from the river commission hearing'],
    [
      'dated-article.txt',
      'text',
      'In late December – early January, Russia launched 500 strikes on energy facilities, officials say',
    ],
  ])('%s', (name, format, title) => {
    const doc = parseDocument({ name, bytes: fixtureBytes(name) })
    expect(doc.format).toBe(format)
    expect(doc.title).toBe(title)
    // The renderer re-parses `html` and runs the text model; it must land on exactly `text`.
    expect(textOfHtml(doc.html)).toBe(doc.text)
    expect(doc.text).not.toMatch(/^\s|\s$| {2}|\n{3,}/)
    expect(storedMeta.safeParse(doc).success).toBe(true)
  })

  it('keeps the URL it was given', () => {
    const doc = parseDocument({
      name: 'p.html',
      bytes: fixtureBytes('table-page.html'),
      url: 'https://water-desk.example/a',
    })
    expect(doc.url).toBe('https://water-desk.example/a')
  })
})

describe('parseDocument on bad files', () => {
  const pngBytes = Uint8Array.from(
    atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
    (c) => c.charCodeAt(0),
  )
  // Titles name the case, never the bytes (a title holding the oversized buffer ran to 42 million characters).
  it.each([
    { name: 'empty.txt', bytes: new Uint8Array(0), code: 'empty' },
    { name: 'pixel.png', bytes: pngBytes, code: 'binary' },
    { name: 'latin1.txt', bytes: Uint8Array.from([0x63, 0x61, 0x66, 0xe9]), code: 'invalid_utf8' },
    { name: 'huge.html', bytes: new Uint8Array(MAX_IMPORT_BYTES + 1), code: 'too_large' },
    {
      name: 'app.html',
      bytes: new TextEncoder().encode('<html><body><script>boot()</script></body></html>'),
      code: 'no_article',
    },
    { name: 'note.md', bytes: new TextEncoder().encode('---\ntitle: [\n---\nx'), code: 'unsupported' },
  ])('$name → $code', ({ name, bytes, code }) => {
    let error: unknown
    try {
      parseDocument({ name, bytes })
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(ImportError)
    expect(error).toMatchObject({ code, message: expect.stringContaining(`“${name}”`) })
  })
})

describe('the bundled samples', () => {
  const dir = fileURLToPath(new URL('../../../resources/samples/', import.meta.url))
  const names = readdirSync(dir).filter((n) => !n.startsWith('.'))

  it.each(names)('%s', (name) => {
    const doc = parseDocument({ name, bytes: readFileSync(dir + name) })
    expect(doc.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(doc.title.length).toBeGreaterThan(10)
    expect(doc.text).not.toMatch(/^\s*date \d{4}/)
    expect(textOfHtml(doc.html)).toBe(doc.text)
  })
})
