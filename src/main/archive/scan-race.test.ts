// Tests (Node), on a real archive: the startup scan (scan.ts) reads each annotations file from disk and puts its
// counts right; a save of the article landing between its reading and its catalog write kept the save's counts
// only until the scan wrote the older reading over them (with the save's saves-in-flight mark already ended).
import { describe, expect, it, vi } from 'vitest'
import { serviceHarness } from '../../../test/service-harness'
import { sampleTarget } from '../../../test/temp-archive'
import type * as AnnotationStoreModule from './annotation-store'
import { scanForDamage } from './scan'

const TEXT = 'The grid held at 70% of capacity overnight.'

/** Runs once, right after the scan's reading of a file: a save of the same article. */
const between: { save?: () => Promise<unknown> } = {}

vi.mock('./annotation-store', async (original) => {
  const actual = await original<typeof AnnotationStoreModule>()
  return {
    ...actual,
    openAnnotationFile: async (root: string, id: string) => {
      const shard = await actual.openAnnotationFile(root, id)
      const save = between.save
      between.save = undefined
      await save?.()
      return shard
    },
  }
})

describe('the startup scan beside a save', () => {
  it('never writes its older reading over the counts of a save made meanwhile', async () => {
    const h = await serviceHarness()
    const article = await h.call('articles.create', { title: 'Grid', text: TEXT })
    await h.call('annotations.create', { articleId: article.id, target: sampleTarget(TEXT, 'grid held') })
    await h.archive.flush()
    between.save = () =>
      h.call('annotations.create', { articleId: article.id, target: sampleTarget(TEXT, '70%') })
    expect(await scanForDamage(h.archive)).toBe(0)
    expect(between.save).toBeUndefined()
    await h.archive.flush()
    expect(h.archive.meta(article.id).counts.highlights).toBe(2)
  })
})
