// Tests (Node): a kill between a save's acknowledgement and its catalog counts, on a real archive on disk — the
// annotations file written, the catalog as it was before the save. The next open mends the counts before the
// export or the figures index chooses articles by them.
import { cp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { serviceHarness } from '../../../test/service-harness'
import { sampleTarget } from '../../../test/temp-archive'
import { setFigureIndexKey } from '../figures/figure-index'
import { uncountedIds } from './heal-counts'

const TEXT = 'There were 500 missile and drone strikes overnight.\n\nThe grid held at 70% of capacity.'

/** An archive left as a kill between the annotations file and the counts leaves it; `figured` had no annotation. */
async function killedBetweenTheWrites() {
  const h = await serviceHarness()
  const figured = await h.call('articles.create', { title: 'Strikes', text: TEXT, source: 'Wire' })
  const other = await h.call('articles.create', { title: 'Grid', text: `${TEXT} B`, source: 'Post' })
  await h.call('annotations.create', { articleId: other.id, target: sampleTarget(TEXT, 'grid held') })
  await h.archive.flush()
  const catalog = join(h.dir, 'catalog')
  const before = join(h.dir, '..', `catalog-before-${Date.now()}-${Math.random()}`)
  await cp(catalog, before, { recursive: true })
  const saved = await h.call('annotations.create', {
    articleId: figured.id,
    target: sampleTarget(TEXT, '500'),
    figure: { value: 500, metric: 'strikes/launched', attributedTo: 'Air force' },
    tags: ['war'],
  })
  await h.archive.flush()
  // The save was acknowledged and its file is on disk; the catalog is put back as it was before the save.
  await rm(catalog, { recursive: true, force: true })
  await cp(before, catalog, { recursive: true })
  await rm(before, { recursive: true, force: true })
  return { dir: h.dir, figured, other, saved }
}

describe('counts mended at open after a kill', () => {
  it('exports and indexes a figure whose counts a kill left at 0', async () => {
    const { dir, figured, saved } = await killedBetweenTheWrites()
    const h = await serviceHarness(dir)
    setFigureIndexKey(h.archive, join(dir, '..', `key-${Date.now()}-${Math.random()}`))
    expect(h.archive.meta(figured.id).counts).toEqual({ highlights: 0, figures: 1, notes: 0 })
    expect(Object.keys(h.archive.meta(figured.id).annotationTags)).toContain('war')
    expect(await uncountedIds(h.archive)).toEqual([])

    const [all] = await h.call('export.run', { format: 'figures-csv', scope: {} })
    expect(all.name).toBe('figures.csv')
    expect(all.content).toContain('500')
    expect(all.content).toContain('Air force')
    const [byMetric] = await h.call('export.run', { format: 'figures-csv', scope: { metric: 'strikes' } })
    expect(byMetric.content).toContain('500')
    const [byTag] = await h.call('export.run', { format: 'figures-csv', scope: { tag: 'war' } })
    expect(byTag.content).toContain('500')

    let page = await h.call('figures.page', { offset: 0, limit: 10 })
    while ((await h.call('figures.status', {})).state !== 'ready')
      page = await h.call('figures.page', { offset: 0, limit: 10 })
    page = await h.call('figures.page', { offset: 0, limit: 10 })
    expect(page.items.map((r) => r.annotation.id)).toEqual([saved.id])
  })

  it('writes the mended counts to the catalog, so a third open reads them as they are', async () => {
    const { dir, figured } = await killedBetweenTheWrites()
    const once = await serviceHarness(dir)
    await once.archive.flush()
    const again = await serviceHarness(dir)
    expect(again.archive.meta(figured.id).counts.figures).toBe(1)
  })
})
