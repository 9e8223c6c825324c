import { describe, expect, it } from 'vitest'
import { loadBundle } from '../../../test/fixtures/export/fixture'
import type { ExportBundle, ExportWriter } from './bundle'
import { figuresCsvWriter, highlightsCsvWriter } from './csv'
import { exportFiguresCsv, exportHighlightsCsv } from './csv'
import { combinedMarkdownWriter, exportMarkdown } from './markdown'

const fixture = loadBundle()
/** The fixture with an article without annotations first: a first slice may give no rows at all. */
const bundle: ExportBundle = {
  ...fixture,
  articles: [{ ...fixture.articles[0], id: 'unannotated', title: 'Read, not marked' }, ...fixture.articles],
}

/** The bundle cut into consecutive runs of articles of the given sizes, each with its own annotations. */
function slices(whole: ExportBundle, sizes: number[]): ExportBundle[] {
  const out: ExportBundle[] = []
  let at = 0
  for (const size of sizes) {
    const articles = whole.articles.slice(at, at + size)
    const ids = new Set(articles.map((a) => a.id))
    out.push({ ...whole, articles, annotations: whole.annotations.filter((a) => ids.has(a.articleId)) })
    at += size
  }
  return out
}

function written(writer: ExportWriter, parts: ExportBundle[]) {
  for (const part of parts) writer.add(part)
  return writer.finish()
}

const WRITERS: [string, () => ExportWriter, (b: ExportBundle) => unknown][] = [
  ['figures.csv', () => figuresCsvWriter(), (b) => [exportFiguresCsv(b)]],
  [
    'figures.csv with BOM',
    () => figuresCsvWriter({ bom: true }),
    (b) => [exportFiguresCsv(b, { bom: true })],
  ],
  ['highlights.csv', () => highlightsCsvWriter(), (b) => [exportHighlightsCsv(b)]],
  [
    'notes.md (combined)',
    () => combinedMarkdownWriter(bundle.generatedAt),
    (b) => exportMarkdown(b, { layout: 'combined', groupBy: 'article' }),
  ],
]

describe('export writers: a slice at a time gives the same files as the whole bundle', () => {
  const n = bundle.articles.length
  it('the bundle has several articles, the first without annotations', () => {
    expect(n).toBeGreaterThanOrEqual(4)
    const annotated = new Set(bundle.annotations.map((a) => a.articleId))
    const withFigures = new Set(bundle.annotations.filter((a) => a.figure).map((a) => a.articleId))
    expect(bundle.articles.filter((a) => !annotated.has(a.id)).length).toBeGreaterThan(0)
    expect(withFigures.has(bundle.articles[0].id)).toBe(false)
  })

  it.each(WRITERS)('%s', (_name, writer, whole) => {
    const expected = whole(bundle)
    for (const sizes of [[n], Array<number>(n).fill(1), [1, n - 1], [0, 2, 0, n - 2], [n - 1, 1, 0]]) {
      expect(written(writer(), slices(bundle, sizes)), JSON.stringify(sizes)).toEqual(expected)
    }
    // Nothing at all: the header (or front matter) alone, as for an empty bundle.
    expect(written(writer(), [])).toEqual(whole({ ...bundle, articles: [], annotations: [] }))
  })
})
