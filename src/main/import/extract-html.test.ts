import { describe, expect, it } from 'vitest'
import { textOfHtml } from './clean-body'
import { parseHtml } from './extract-html'
import { fixtureText } from './test-fixtures'

const NEWS_URL = 'https://www.riverside-courier.example/news/2024/01/flood-barrier-approved?utm_source=feed'

describe('titles lose an author suffix (#14)', () => {
  it.each([
    ['author-in-meta.html', 'Harbour dredging to start in April'],
    ['author-in-byline.html', 'Tram fares frozen for a second year'],
    ['author-after-pipe.html', 'Why the mooring fee rise is a mistake'],
    // The part after the bar is not the author: it stays.
    ['author-pipe-not-author.html', 'Budget 2025 | What the harbour plan costs'],
  ])('%s → %s', (name, title) => {
    expect(parseHtml(fixtureText(`titles/${name}`), { name }).title).toBe(title)
  })
})

describe('a lead paragraph marked up as a heading stays a paragraph (#14)', () => {
  const doc = parseHtml(fixtureText('lead/standfirst-heading.html'), { name: 'standfirst-heading.html' })

  it('makes the standfirst <h2> a <p>, and keeps the real subheading', () => {
    expect(doc.title).toBe('Harbour dredging to start in April')
    expect(doc.html).toMatch(/<p>Work on the inner harbour will close the outer berths/)
    expect(doc.html).not.toMatch(/<h\d[^>]*>Work on the inner harbour/)
    expect(doc.html).toMatch(/<h2[^>]*>What happens to the silt<\/h2>/)
    expect(textOfHtml(doc.html)).toBe(doc.text)
  })
})

describe('a realistic news page', () => {
  const doc = parseHtml(fixtureText('news-page.html'), { url: NEWS_URL })

  it('keeps the article paragraphs, in order', () => {
    const starts = [
      'Marlow Bridge district council has approved',
      'Councillors voted 31 to 4 on Tuesday evening',
      "The council's cabinet member for climate",
      'Rainfall at the Wend Valley gauge reached 412 millimetres',
      'Of the £14.2 million, £9.5 million',
      'Opponents questioned whether the panels',
      'Residents on the Quayside, where water reached',
      'The council will hold two public drop-in sessions',
    ]
    const paragraphs = doc.text.split('\n\n')
    expect(paragraphs.map((p) => starts.find((s) => p.startsWith(s)))).toEqual(starts)
  })

  it.each([
    ['navigation', 'Subscribe for £1 a week'],
    ['cookie banner', 'We use cookies'],
    ['cookie buttons', 'Accept all cookies'],
    ['ad label', 'Advertisement'],
    ['in-article ad', 'Compare home insurance'],
    ['sidebar ad', 'Best mortgage rates'],
    ['share buttons', 'Share on Social'],
    ['newsletter form', 'morning briefing'],
    ['related articles', 'Quayside residents evacuated'],
    ['comments', 'RiverWatcher62'],
    ['comment text', 'works on paper only'],
    ['footer', 'All rights reserved'],
    ['byline', 'Local Democracy Reporter'],
    ['inline script', 'dataLayer'],
    ['JSON-LD', 'schema.org'],
  ])('drops the %s', (_name, boilerplate) => {
    expect(doc.text).not.toContain(boilerplate)
    expect(doc.html).not.toContain(boilerplate)
  })

  it('reads the metadata', () => {
    expect(doc).toMatchObject({
      title: 'Marlow Bridge council approves flood barrier after record winter rain',
      author: 'Priya Castellanos',
      source: 'The Riverside Courier',
      publishedAt: '2024-01-10T07:45:00+00:00',
      language: 'en-GB',
      url: NEWS_URL,
      canonicalUrl: 'https://www.riverside-courier.example/news/2024/01/flood-barrier-approved',
      excerpt: 'Councillors voted 31 to 4 for a £14.2m demountable barrier along the Wend.',
      format: 'html',
    })
  })

  it('stores HTML whose text model is exactly `text`', () => {
    expect(textOfHtml(doc.html)).toBe(doc.text)
    expect(doc.html).toMatch(/^<div lang="en-GB">/)
    expect(doc.html).not.toMatch(/<(img|script|iframe|form|button)/)
  })
})

describe('a page with a data table', () => {
  const doc = parseHtml(fixtureText('table-page.html'))

  it('keeps the table, cells separated by tabs and rows by newlines', () => {
    expect(doc.html).toContain('<table><caption>Reservoir storage')
    expect(doc.html).toContain('<td colspan="3">All regions (weighted by capacity)</td>')
    expect(doc.text).toContain(
      'Region\t2024\tTen-year average\tChange\n\nNorth\t88.2\t81.0\t+7.2\nEast\t69.5\t76.3\t-6.8\nSouth\t54.1\t72.9\t-18.8\nWest\t73.8\t79.4\t-5.6\nAll regions (weighted by capacity)\t71.4',
    )
    expect(doc.text.indexOf('lowest February level')).toBeLessThan(doc.text.indexOf('Region\t2024'))
    expect(doc.text.indexOf('North\t88.2')).toBeLessThan(doc.text.indexOf('irrigation allocations'))
    expect(textOfHtml(doc.html)).toBe(doc.text)
  })

  it('takes the author from <meta> and keeps the byline out of the text', () => {
    expect(doc).toMatchObject({ author: 'Jonas Eberhardt', source: 'Water Desk', publishedAt: '2024-03-04' })
    expect(doc.text).not.toContain('By Jonas')
    expect(doc.excerpt).toMatch(/^Storage in the country's main reservoirs/)
  })
})

describe('a right-to-left page', () => {
  const doc = parseHtml(fixtureText('rtl-page.html'))

  it('keeps direction and language on the article', () => {
    expect(doc.html).toMatch(/^<div dir="rtl" lang="ar">/)
    expect(doc.language).toBe('ar')
    expect(doc.source).toBe('صحيفة الحي')
    expect(doc.publishedAt).toBe('2024-02-19T09:00:00+03:00')
  })

  it('has the Arabic paragraphs without navigation or a repeated title', () => {
    expect(doc.title).toBe('افتتاح المكتبة العامة في المدينة القديمة بعد ترميم استمر عامين')
    expect(doc.text.startsWith('أعادت المكتبة العامة')).toBe(true)
    expect(doc.text.split('\n\n')).toHaveLength(5)
    expect(doc.text).not.toContain('رياضة')
    expect(doc.text).not.toContain('جميع الحقوق')
    expect(textOfHtml(doc.html)).toBe(doc.text)
  })
})

describe('a page with <base href>', () => {
  const doc = parseHtml(fixtureText('base-href-page.html'))

  it.each([
    ['a relative file', 'https://archive.harbour-gazette.example/2023/11/timetable-winter.html'],
    ['a parent path', 'https://archive.harbour-gazette.example/fares/'],
    ['a root path', 'https://archive.harbour-gazette.example/events/christmas-market'],
    ['a fragment', 'https://archive.harbour-gazette.example/2023/11/#notes'],
    ['a protocol-relative URL', 'https://help.harbour-gazette.example/assistance'],
    ['a mailto link', 'mailto:ferry-help@harbour-gazette.example'],
  ])('resolves %s', (_name, href) => {
    expect(doc.html).toContain(`<a href="${href}" rel="noopener noreferrer">`)
  })

  it('resolves the canonical URL and drops the (remote) image', () => {
    expect(doc.canonicalUrl).toBe('https://archive.harbour-gazette.example/2023/11/ferry-timetable.html')
    expect(doc.url).toBe(doc.canonicalUrl)
    expect(doc.html).not.toContain('<img')
    expect(doc.text).toContain('The route between the harbour and the island.')
  })

  it('leaves relative links unresolvable without a base as plain text', () => {
    const page = fixtureText('base-href-page.html').replace(/<base[^>]*>/, '')
    const bare = parseHtml(page)
    expect(bare.html).not.toContain('timetable-winter.html')
    expect(bare.text).toContain('published on the winter timetable page')
    expect(bare.html).toContain('href="mailto:ferry-help@harbour-gazette.example"')
  })
})

describe('pages that are not articles', () => {
  it.each([
    [
      'only scripts',
      '<html><head><script>app()</script></head><body><div id="root"></div><script src="/app.js"></script></body></html>',
    ],
    ['only an empty shell', '<!doctype html><html><head><title>Loading…</title></head><body></body></html>'],
  ])('%s → no_article', (_name, html) => {
    expect(() => parseHtml(html, { name: 'app.html' })).toThrow(
      expect.objectContaining({ code: 'no_article' }),
    )
    expect(() => parseHtml(html, { name: 'app.html' })).toThrow(/“app\.html” has no article text/)
  })

  it('whitespace only → empty', () => {
    expect(() => parseHtml(' \n ')).toThrow(expect.objectContaining({ code: 'empty' }))
  })

  it('a bare fragment without <html> or <body> still imports', () => {
    const doc = parseHtml('<h1>Short note</h1><p>Just one paragraph of text, pasted from somewhere.</p>')
    expect(doc.text).toBe('Just one paragraph of text, pasted from somewhere.')
    expect(doc.title).toBe('Short note')
  })
})
