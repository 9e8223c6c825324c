// Tests (Node): the typed client refuses, at compile time, what the service would refuse at run time.
// `tsc -p tsconfig.node.json` checks the @ts-expect-error lines: each must be an error, or the build fails.
import { describe, expect, it } from 'vitest'
import type { ArticleMeta, Tag } from '../src/shared/types'
import { serviceHarness } from './service-harness'

describe('the typed test client', () => {
  it('types arguments and results from the contract', async () => {
    const h = await serviceHarness()
    const created: ArticleMeta = await h.call('articles.create', { title: 'T', text: 'Prices rose 4.2%.' })
    const tags: Tag[] = await h.call('tags.list', {})
    expect(tags).toEqual([])
    // @ts-expect-error -- a misspelled method does not compile
    await expect(h.call('articles.gte', { id: created.id })).rejects.toMatchObject({
      code: 'unknown_method',
    })
    // @ts-expect-error -- an argument of the wrong shape does not compile
    await expect(h.call('articles.get', { ids: [created.id] })).rejects.toMatchObject({
      code: 'invalid_argument',
    })
    // @ts-expect-error -- a wrong guess at the result's type does not compile
    const count: number = await h.call('tags.list', {})
    expect(count).toEqual([])
  })
})
