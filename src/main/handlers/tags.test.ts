import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { serviceHarness } from '../../../test/service-harness'
import { TAGGED_TEXT, taggedArchive } from '../../../test/tagged-archive'
import { sampleTarget } from '../../../test/temp-archive'
import { Archive } from '../archive/archive'
import type { ArgsOf } from '../../shared/contract'

describe('tags', () => {
  it('renaming a parent moves its whole hierarchy in articles, annotations, figure metrics and colours', async () => {
    const h = await taggedArchive()
    await h.call('tags.rename', { from: 'strikes', to: 'attacks' })
    const reopened = await serviceHarness(h.dir)
    const [a, b] = [reopened.archive.meta(h.a.id), reopened.archive.meta(h.b.id)]
    expect(a.tags).toEqual(['attacks', 'attacks/launched', 'war'])
    expect(b.tags).toEqual(['economy'])
    const [fig] = await reopened.call('annotations.list', { articleId: h.a.id })
    expect(fig.tags).toEqual(['attacks/launched', 'drones'])
    expect(fig.figure?.metric).toBe('attacks/launched')
    expect((await reopened.call('annotations.list', { articleId: h.b.id }))[0].tags).toEqual([
      'attacks/repelled',
    ])
    const tags = await reopened.call('tags.list', {})
    expect(tags.map((t) => t.name)).toEqual([
      'attacks',
      'attacks/launched',
      'attacks/repelled',
      'drones',
      'economy',
      'war',
    ])
    expect(tags.find((t) => t.name === 'attacks/launched')).toEqual({
      name: 'attacks/launched',
      count: 2,
      color: 'orange',
    })
  })

  it('merging into an existing tag leaves one copy', async () => {
    const h = await taggedArchive()
    await h.call('tags.rename', { from: 'strikes/launched', to: 'strikes' })
    expect(h.archive.meta(h.a.id).tags).toEqual(['strikes', 'war'])
    expect((await h.annotations())[0].tags).toEqual(['strikes', 'drones'])
  })

  it('deletes a tag everywhere, and refuses unknown tags and moves into itself', async () => {
    const h = await taggedArchive()
    await expect(h.call('tags.rename', { from: 'nope', to: 'x' })).rejects.toMatchObject({
      code: 'not_found',
    })
    await expect(h.call('tags.rename', { from: 'strikes', to: 'strikes/sub' })).rejects.toMatchObject({
      code: 'invalid_argument',
    })
    await h.call('tags.delete', { name: 'strikes' })
    expect(h.archive.meta(h.a.id).tags).toEqual(['war'])
    const [fig] = await h.annotations()
    expect(fig.tags).toEqual(['drones'])
    expect(fig.figure?.metric).toBeUndefined()
  })

  it('finishes a rename that a crash interrupted, on the next open', async () => {
    const h = await taggedArchive()
    await writeFile(
      join(h.dir, 'tag-journal.json'),
      JSON.stringify({ version: 1, op: 'rename', from: 'war', to: 'conflict', startedAt: 'x' }),
    )
    const reopened = await Archive.open(h.dir)
    expect(reopened.meta(h.a.id).tags).toContain('conflict')
    expect(reopened.meta(h.a.id).tags).not.toContain('war')
    expect(reopened.problems.map((p) => p.message).join(' ')).toMatch(/interrupted/)
  })
})

describe('articles matching a tag or a colour', () => {
  it('matches tags on articles and on annotations (a parent includes its children) and highlight colours', async () => {
    const h = await taggedArchive()
    await h.call('annotations.create', {
      articleId: h.a.id,
      target: sampleTarget(TAGGED_TEXT, '70%'),
      color: 'green',
    })
    const matching = (args: ArgsOf<'articles.matching'>) => h.call('articles.matching', args)
    expect((await matching({ tag: 'strikes' })).sort()).toEqual([h.a.id, h.b.id].sort())
    expect(await matching({ tag: 'strikes/repelled' })).toEqual([h.b.id])
    expect(await matching({ tag: 'drones' })).toEqual([h.a.id])
    expect(await matching({ tag: 'economy' })).toEqual([h.b.id])
    expect(await matching({ tag: 'strike' })).toEqual([])
    expect(await matching({ color: 'green' })).toEqual([h.a.id])
    expect(await matching({ tag: 'strikes/repelled', color: 'green' })).toEqual([])
    // The library list leaves these per-article maps out; it asks this method instead.
    const [item] = await h.call('articles.list', {})
    expect(item).not.toHaveProperty('annotationTags')
    expect(item).not.toHaveProperty('annotationColors')
    await expect(h.callUnchecked('articles.matching', {})).rejects.toMatchObject({ code: 'invalid_argument' })
  })
})

describe('collections and bulk changes', () => {
  it('adds articles to a collection, tags them in bulk, and survives a rename and delete of the collection', async () => {
    const h = await taggedArchive()
    const c = await h.call('collections.create', { name: 'Winter strikes' })
    await expect(h.call('collections.create', { name: 'winter STRIKES' })).rejects.toMatchObject({
      code: 'conflict',
    })
    await h.call('articles.bulkUpdate', {
      ids: [h.a.id, h.b.id],
      addCollections: [c.id],
      addTags: ['review'],
      removeTags: ['war'],
    })
    expect(h.archive.meta(h.a.id)).toMatchObject({
      tags: ['strikes', 'strikes/launched', 'review'],
      collections: [c.id],
    })
    expect(await h.call('collections.rename', { id: c.id, name: 'Winter' })).toEqual({
      id: c.id,
      name: 'Winter',
      count: 2,
    })
    await h.call('collections.delete', { id: c.id })
    expect(h.archive.meta(h.b.id).collections).toEqual([])
    expect(await h.call('collections.list', {})).toEqual([])
    await expect(
      h.call('articles.bulkUpdate', { ids: [h.a.id], addCollections: [c.id] }),
    ).rejects.toMatchObject({ code: 'not_found' })
  })

  it('deletes several articles and restores them with their annotations', async () => {
    const h = await taggedArchive()
    await expect(h.call('articles.delete', { ids: [h.a.id, 'missing1'] })).rejects.toMatchObject({
      code: 'not_found',
    })
    expect(h.archive.list()).toHaveLength(2) // nothing moved when one id was wrong
    await h.call('articles.delete', { ids: [h.a.id, h.b.id] })
    expect(await h.call('articles.list', {})).toEqual([])
    await h.call('articles.restore', { ids: [h.a.id, h.b.id] })
    expect((await h.annotations())[0].figure?.value).toBe(520)
    expect((await h.call('articles.list', {})).map((a) => a.title).sort()).toEqual(['A', 'B'])
  })
})
