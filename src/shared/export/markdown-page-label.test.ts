// A PDF report's page labels are the PDF's own text (any 40 characters its maker chose, and the PDF may come from
// anyone): in a Markdown export opened in another app, a label is the text it is, never HTML or a link.
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import type { Annotation, ArticleMeta } from '../types'
import { exportMarkdown } from './index'

const text = 'Page one says 40 trucks.\n\nPage two says 75 trucks crossed.'
const LABEL = '<img src=https://t.example/p>'
const article: ArticleMeta = {
  id: 'pdf-report',
  title: 'Border crossings report',
  source: 'Customs Office',
  addedAt: '2025-03-01T10:00:00Z',
  tags: ['trade'],
  textHash: 'x',
  length: text.length,
  counts: { highlights: 1, figures: 0, notes: 0 },
  annotationTags: {},
  pdf: {
    file: `${'a'.repeat(64)}.pdf`,
    pages: 2,
    fingerprint: 'f'.repeat(32),
    scanned: false,
    pageRanges: [
      [0, 24],
      [26, text.length],
    ],
    labels: ['1', LABEL],
  },
}
const start = text.indexOf('75 trucks')
const annotation: Annotation = {
  id: 'hl-two',
  articleId: article.id,
  kind: 'highlight',
  color: 'yellow',
  note: '',
  tags: ['trade'],
  createdAt: '2025-03-01',
  updatedAt: '2025-03-01',
  target: {
    quote: { type: 'TextQuoteSelector', exact: '75 trucks', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + '75 trucks'.length },
  },
}
const bundle = { generatedAt: '2025-03-02T00:00:00Z', articles: [article], annotations: [annotation] }

describe('a PDF page label in a Markdown export', () => {
  it.each([
    ['per article', { layout: 'per-article', groupBy: 'article' }],
    ['combined', { layout: 'combined', groupBy: 'article' }],
    ['by tag', { layout: 'combined', groupBy: 'tag' }],
  ] as const)('%s: shown as its text, never as an element', (_name, options) => {
    const html = exportMarkdown(bundle, options)
      .map((file) => new MarkdownIt({ html: true }).render(file.content))
      .join('\n')
    expect(html).not.toMatch(/<img/i)
    // The address in it is a plain link, as any address in an exported text is.
    expect(html, html).toContain('p. &lt;img src=<a href="https://t.example/p">')
  })
})
