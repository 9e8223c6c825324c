// annotations.create with an id the reader made: a creation sent again (its answer lost, the page reloaded)
// returns the annotation it made instead of adding a second one.
import { describe, expect, it } from 'vitest'
import { serviceHarness } from '../../../test/service-harness'
import { sampleTarget } from '../../../test/temp-archive'

const TEXT = 'The harbour plan costs 40 million euros, the council said on Tuesday.'

describe('annotations.create with a client-made id', () => {
  it('keeps the id, and a second creation with it returns the first without adding one', async () => {
    const h = await serviceHarness()
    const article = await h.call('articles.create', { title: 'Harbour plan', text: TEXT })
    const args = { articleId: article.id, id: 'a1b2c3d4e5f6', target: sampleTarget(TEXT, 'council') }
    const first = await h.call('annotations.create', { ...args, color: 'green' })
    expect(first).toMatchObject({ id: 'a1b2c3d4e5f6', color: 'green' })
    const again = await h.call('annotations.create', { ...args, color: 'green' })
    expect(again).toEqual(first)
    expect(await h.call('annotations.list', { articleId: article.id })).toEqual([first])
    // Without an id the archive makes one, as before.
    const made = await h.call('annotations.create', {
      articleId: article.id,
      target: sampleTarget(TEXT, 'harbour'),
    })
    expect(made.id).toMatch(/^[0-9a-f]{12}$/)
  })

  it('refuses an id that is not an id', async () => {
    const h = await serviceHarness()
    const article = await h.call('articles.create', { title: 'Harbour plan', text: TEXT })
    await expect(
      h.call('annotations.create', {
        articleId: article.id,
        id: '../x',
        target: sampleTarget(TEXT, 'council'),
      }),
    ).rejects.toThrow(/id/)
  })
})
