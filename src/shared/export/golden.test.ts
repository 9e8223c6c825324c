import { describe, expect, it } from 'vitest'
import { golden, goldenFiles, loadBundle } from '../../../test/fixtures/export/fixture'
import type { ExportFile } from './bundle'
import {
  exportCslJson,
  exportFiguresCsv,
  exportHighlightsCsv,
  exportMarkdown,
  exportWebAnnotations,
} from './index'

const bundle = loadBundle()

// Every format and option, each file compared byte for byte with test/fixtures/export/golden/.
const cases: [string, () => ExportFile[]][] = [
  ['markdown/per-article', () => exportMarkdown(bundle, { layout: 'per-article', groupBy: 'article' })],
  ['markdown/combined', () => exportMarkdown(bundle, { layout: 'combined', groupBy: 'article' })],
  ['markdown/by-tag', () => exportMarkdown(bundle, { layout: 'combined', groupBy: 'tag' })],
  ['csv/plain', () => [exportFiguresCsv(bundle), exportHighlightsCsv(bundle)]],
  ['csv/bom', () => [exportFiguresCsv(bundle, { bom: true }), exportHighlightsCsv(bundle, { bom: true })]],
  ['jsonld/urn', () => [exportWebAnnotations(bundle)]],
  ['jsonld/base-uri', () => [exportWebAnnotations(bundle, { baseUri: 'https://archive.example/glossa/' })]],
  ['csl', () => [exportCslJson(bundle)]],
]

describe('golden exports', () => {
  it.each(cases)('%s matches its golden files', (dir, run) => {
    for (const file of run())
      expect(file.content, `${dir}/${file.name}`).toBe(golden(`${dir}/${file.name}`, file.content))
  })

  it('by-tag ignores the layout', () => {
    expect(exportMarkdown(bundle, { layout: 'per-article', groupBy: 'tag' })).toEqual(
      exportMarkdown(bundle, { layout: 'combined', groupBy: 'tag' }),
    )
  })

  it('has no stale golden files', () => {
    const written = cases.flatMap(([dir, run]) => run().map((file) => `${dir}/${file.name}`))
    expect(goldenFiles().sort()).toEqual(written.sort())
  })

  it('does not depend on the order annotations come in', () => {
    const shuffled = { ...bundle, annotations: [...bundle.annotations].reverse() }
    expect(exportHighlightsCsv(shuffled)).toEqual(exportHighlightsCsv(bundle))
    expect(exportFiguresCsv(shuffled)).toEqual(exportFiguresCsv(bundle))
    expect(exportMarkdown(shuffled, { layout: 'per-article', groupBy: 'article' })).toEqual(
      exportMarkdown(bundle, { layout: 'per-article', groupBy: 'article' }),
    )
    expect(exportMarkdown(shuffled, { layout: 'combined', groupBy: 'tag' })).toEqual(
      exportMarkdown(bundle, { layout: 'combined', groupBy: 'tag' }),
    )
    expect(exportWebAnnotations(shuffled)).toEqual(exportWebAnnotations(bundle))
  })
})
