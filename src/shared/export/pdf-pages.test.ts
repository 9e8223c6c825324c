import { describe, expect, it } from 'vitest'
import { parse } from 'papaparse'
import type { Annotation, ArticleMeta } from '../types'
import type { ExportBundle } from './bundle'
import { exportFiguresCsv, exportHighlightsCsv, exportMarkdown } from './index'

// A PDF report of three pages whose third page has its own label, "12".
const text = 'Page one says 40 trucks.\n\nPage two.\n\nPage twelve says 75 trucks crossed.'
const article: ArticleMeta = {
  id: 'pdf-report',
  title: 'Border crossings report',
  source: 'Customs Office',
  addedAt: '2025-03-01T10:00:00Z',
  tags: [],
  textHash: 'x',
  length: text.length,
  counts: { highlights: 1, figures: 1, notes: 0 },
  annotationTags: {},
  pdf: {
    file: `${'a'.repeat(64)}.pdf`,
    pages: 3,
    fingerprint: 'f'.repeat(32),
    scanned: false,
    pageRanges: [
      [0, 24],
      [26, 35],
      [37, text.length],
    ],
    labels: ['1', '2', '12'],
  },
}
const at = (exact: string) => {
  const start = text.indexOf(exact)
  return {
    quote: { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector' as const, start, end: start + exact.length },
  }
}
const base = { articleId: article.id, note: '', tags: [], createdAt: '2025-03-01', updatedAt: '2025-03-01' }
const annotations: Annotation[] = [
  { ...base, id: 'hl-one', kind: 'highlight', color: 'yellow', target: at('40 trucks') },
  {
    ...base,
    id: 'fig-twelve',
    kind: 'figure',
    color: 'blue',
    target: at('75'),
    figure: { value: 75, unit: 'trucks', metric: 'border/crossings' },
  },
]
const bundle: ExportBundle = { generatedAt: '2025-03-02T00:00:00Z', articles: [article], annotations }

describe('exports of a PDF report name the page', () => {
  it("Markdown gives each passage its page, by the PDF's own label", () => {
    const [file] = exportMarkdown(bundle, { layout: 'combined', groupBy: 'article' })
    expect(file.content).toMatch(/> 40 trucks\n\n\(p\. 1\)/)
    expect(file.content).toMatch(/\(p\. 12\)/)
    const [byTag] = exportMarkdown(bundle, { layout: 'combined', groupBy: 'tag' })
    expect(byTag.content).toContain('— Border crossings report. (n.d.). Customs Office. p. 12')
  })

  it('the CSV files have the page in their page column', () => {
    const figures = parse<Record<string, string>>(exportFiguresCsv(bundle).content, {
      header: true,
      skipEmptyLines: true,
    }).data
    expect(figures.map((r) => r.page)).toEqual(['12'])
    const highlights = parse<Record<string, string>>(exportHighlightsCsv(bundle).content, {
      header: true,
      skipEmptyLines: true,
    }).data
    expect(highlights.map((r) => [r.quote, r.page])).toEqual([
      ['40 trucks', '1'],
      ['75', '12'],
    ])
  })
})
