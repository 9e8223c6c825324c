import { beforeEach, describe, expect, it } from 'vitest'
import type { ApiClient } from '../../../shared/contract'
import { createOpenings } from './openings'

const calls: string[] = []
const client = {
  'articles.get': ({ id }: { id: string }) => {
    calls.push(`get ${id}`)
    return Promise.resolve({ id, n: calls.length })
  },
  'annotations.list': ({ articleId }: { articleId: string }) => {
    calls.push(`list ${articleId}`)
    return Promise.resolve([{ articleId, n: calls.length }])
  },
} as unknown as Pick<ApiClient, 'articles.get' | 'annotations.list'>

const { loadAnnotations, loadArticle, openArticle } = createOpenings(client)

describe('openings', () => {
  beforeEach(() => {
    openArticle(null)
    calls.length = 0
  })

  it('asks for an article and its annotations when it is opened, and hands each answer out once', async () => {
    openArticle('a1')
    expect(calls).toEqual(['get a1', 'list a1'])
    await expect(loadArticle('a1')).resolves.toEqual({ id: 'a1', n: 1 })
    await expect(loadAnnotations('a1')).resolves.toEqual([{ articleId: 'a1', n: 2 }])
    expect(calls).toHaveLength(2)
    // A reader mounted later asks again.
    await loadArticle('a1')
    await loadAnnotations('a1')
    expect(calls).toEqual(['get a1', 'list a1', 'get a1', 'list a1'])
  })

  it('does not hand one article’s answers to another, and keeps only the latest opening', async () => {
    openArticle('a1')
    openArticle('b2')
    await loadArticle('a1')
    expect(calls).toEqual(['get a1', 'list a1', 'get b2', 'list b2', 'get a1'])
    await loadArticle('b2')
    expect(calls).toHaveLength(5)
  })

  it('asks nothing when the navigation stays on the open article, and afresh once it has left it', async () => {
    openArticle('a1')
    openArticle('a1')
    expect(calls).toEqual(['get a1', 'list a1'])
    await loadArticle('a1')
    await loadAnnotations('a1')
    openArticle('a1')
    expect(calls).toHaveLength(2)
    openArticle(null)
    openArticle('a1')
    expect(calls).toEqual(['get a1', 'list a1', 'get a1', 'list a1'])
    await expect(loadArticle('a1')).resolves.toEqual({ id: 'a1', n: 3 })
  })

  it('forgets an unclaimed opening when the navigation leaves the article', async () => {
    openArticle('a1')
    openArticle(null)
    await loadAnnotations('a1')
    expect(calls).toEqual(['get a1', 'list a1', 'list a1'])
  })
})
