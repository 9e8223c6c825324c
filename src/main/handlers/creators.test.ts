// The library's person filter: each article knows who annotated it (the catalog's annotationCreators, derived
// from its annotations like its colours), articles.page filters by it, and articles.creators lists everyone.
import { describe, expect, it } from 'vitest'
import { serviceHarness } from '../../../test/service-harness'
import { sampleTarget } from '../../../test/temp-archive'

const TEXT = 'The harbour plan costs 40 million euros, the council said on Tuesday.'
const OTHER = 'Repair crews restored 1,850 MW overnight, the grid operator said.'

describe('filter the library by person', () => {
  it('finds the articles a team member annotated, and forgets them when their notes are gone', async () => {
    const h = await serviceHarness()
    const as = (user: string) => h.call('sync.configure', { remote: 'http://127.0.0.1:9/team', user })
    const one = await h.call('articles.create', { title: 'Harbour plan', text: TEXT })
    const two = await h.call('articles.create', { title: 'Grid repairs', text: OTHER })
    await as('ann')
    const byAnn = await h.call('annotations.create', {
      articleId: one.id,
      note: 'ann',
      target: sampleTarget(TEXT, 'council'),
    })
    await as('rob')
    await h.call('annotations.create', {
      articleId: one.id,
      note: 'rob',
      target: sampleTarget(TEXT, 'harbour'),
    })
    await h.call('annotations.create', {
      articleId: two.id,
      note: 'rob',
      target: sampleTarget(OTHER, 'grid'),
    })

    const page = async (creator: string) =>
      (await h.call('articles.page', { filter: { creator }, offset: 0, limit: 50 })).items.map((a) => a.title)
    expect(await h.call('articles.creators', {})).toEqual(['ann', 'rob'])
    expect(await page('ann')).toEqual(['Harbour plan'])
    expect((await page('rob')).sort()).toEqual(['Grid repairs', 'Harbour plan'])

    await h.call('annotations.delete', { articleId: one.id, id: byAnn.id })
    expect(await page('ann')).toEqual([])
    expect(await h.call('articles.creators', {})).toEqual(['rob'])
    // Derived, like the counts: not sent to the team as part of the article.
    expect(h.archive.meta(one.id).annotationCreators).toEqual(['rob'])
  })
})
