// Tests (Node): figures.list on a real archive — the figures of each article are kept once read and dropped when
// the article or its annotations change, and the annotations files are read, not held open for editing.
import { readFile, writeFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { serviceHarness } from '../../../test/service-harness'
import { sampleTarget } from '../../../test/temp-archive'
import { articleFile } from '../archive/ids'

const TEXT = 'Officials counted 500 strikes in January.\n\nThe grid held at 70% of capacity.'

async function withFigures() {
  const h = await serviceHarness()
  const a = await h.call('articles.create', { title: 'Strikes', text: TEXT, source: 'Wire' })
  const b = await h.call('articles.create', { title: 'Grid', text: `${TEXT} Again.`, source: 'Post' })
  const strikes = await h.call('annotations.create', {
    articleId: a.id,
    target: sampleTarget(TEXT, '500'),
    figure: { value: 500, metric: 'strikes' },
  })
  await h.call('annotations.create', {
    articleId: b.id,
    target: sampleTarget(`${TEXT} Again.`, '70%'),
    figure: { value: 70, unit: '%', metric: 'grid/share' },
  })
  await h.call('annotations.create', { articleId: a.id, target: sampleTarget(TEXT, 'grid held') })
  return { ...h, a, b, strikes }
}

const summary = (list: { annotation: { figure: { value: number } }; article: { title: string } }[]) =>
  list.map((r) => `${r.article.title}: ${r.annotation.figure.value}`).sort()

describe('figures.list', () => {
  it('follows every change: a figure edited, added or removed, an article renamed or deleted', async () => {
    const h = await withFigures()
    expect(summary(await h.call('figures.list', {}))).toEqual(['Grid: 70', 'Strikes: 500'])
    expect(summary(await h.call('figures.list', { metric: 'grid' }))).toEqual(['Grid: 70'])

    await h.call('annotations.update', {
      articleId: h.a.id,
      id: h.strikes.id,
      figure: { value: 520, metric: 'strikes' },
    })
    await h.call('articles.update', { id: h.b.id, title: 'Power grid' })
    expect(summary(await h.call('figures.list', {}))).toEqual(['Power grid: 70', 'Strikes: 520'])

    await h.call('annotations.update', { articleId: h.a.id, id: h.strikes.id, figure: null })
    expect(summary(await h.call('figures.list', {}))).toEqual(['Power grid: 70'])
    await h.call('articles.delete', { ids: [h.b.id] })
    expect(await h.call('figures.list', {})).toEqual([])
  })

  it('reads the annotations files without keeping them open for editing', async () => {
    const h = await withFigures()
    await h.archive.flush()
    // A fresh service over the same folder, so no file was opened for editing before figures.list.
    const fresh = await serviceHarness(h.dir)
    expect(summary(await fresh.call('figures.list', {}))).toEqual(['Grid: 70', 'Strikes: 500'])
    // Changed on disk behind the service's back: a file held open would still answer with the old list.
    const file = articleFile(h.dir, 'annotations', h.a.id)
    const data = JSON.parse(await readFile(file, 'utf8'))
    data.annotations = data.annotations.filter((a: { figure?: unknown }) => !a.figure)
    await writeFile(file, JSON.stringify(data))
    expect(await fresh.call('annotations.list', { articleId: h.a.id })).toHaveLength(1)
  })
})
