// A tag merge can be undone (#14): exactly the items it moved go back, colours too, a change made since is kept,
// and an undo a crash interrupted is finished on the next open. Through the real service on a temp archive.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { taggedArchive } from '../../../test/tagged-archive'
import { Archive } from './archive'
import { revertTags } from './tag-move'
import type { TagMove } from './tag-move'

describe('undoing a tag merge', () => {
  it('moves back exactly the items the merge moved, figure metric and colour included', async () => {
    const h = await taggedArchive()
    const merged = await h.call('tags.rename', { from: 'strikes/launched', to: 'drones' })
    expect(merged).toMatchObject({ moved: 2 })
    expect(h.archive.meta(h.a.id).tags).toEqual(['strikes', 'drones', 'war'])
    const [fig] = await h.annotations()
    expect(fig).toMatchObject({ tags: ['drones'], figure: { metric: 'drones' } })

    expect(await h.call('tags.undoRename', { undo: merged.undo! })).toEqual({ touched: 1, moved: 2 })
    expect(h.archive.meta(h.a.id).tags).toEqual(['strikes', 'strikes/launched', 'war'])
    const [back] = await h.annotations()
    expect(back).toMatchObject({
      tags: ['strikes/launched', 'drones'],
      figure: { metric: 'strikes/launched' },
    })
    const tags = await h.call('tags.list', {})
    expect(tags.find((t) => t.name === 'strikes/launched')?.color).toBe('orange')
    expect(tags.find((t) => t.name === 'drones')?.color).toBeUndefined()
  })

  it('leaves items that already carried the target alone, and keeps a tag added since', async () => {
    const h = await taggedArchive()
    const merged = await h.call('tags.rename', { from: 'war', to: 'economy' })
    expect(merged.moved).toBe(1)
    await h.call('articles.update', { id: h.a.id, tags: [...h.archive.meta(h.a.id).tags, 'later'] })
    await h.call('tags.undoRename', { undo: merged.undo! })
    expect(h.archive.meta(h.a.id).tags).toEqual(['strikes', 'strikes/launched', 'later', 'war'])
    expect(h.archive.meta(h.b.id).tags).toEqual(['economy'])
  })

  it('undoes once, then says it cannot', async () => {
    const h = await taggedArchive()
    const { undo } = await h.call('tags.rename', { from: 'war', to: 'economy' })
    await h.call('tags.undoRename', { undo: undo! })
    await expect(h.call('tags.undoRename', { undo: undo! })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/can no longer be undone/),
    })
  })

  it('finishes an undo a crash interrupted, on the next open', async () => {
    const h = await taggedArchive()
    await h.call('tags.rename', { from: 'war', to: 'economy' })
    const move: TagMove = {
      from: 'war',
      to: 'economy',
      items: [
        {
          articleId: h.a.id,
          before: ['strikes', 'strikes/launched', 'war'],
          after: ['strikes', 'strikes/launched', 'economy'],
        },
      ],
      colors: [],
      colored: [],
    }
    await h.archive.flush()
    const journal = { version: 1, op: 'undo', move, startedAt: new Date().toISOString() }
    await writeFile(join(h.dir, 'tag-journal.json'), JSON.stringify(journal))
    const reopened = await Archive.open(h.dir)
    expect(reopened.meta(h.a.id).tags).toEqual(['strikes', 'strikes/launched', 'war'])
    expect(reopened.problems.map((p) => p.message).join(' ')).toMatch(/an undo that was interrupted/)
  })
})

describe('revertTags', () => {
  const item = { before: ['a', 'b', 'x'], after: ['a', 'b', 'y'] }
  it.each([
    [
      ['a', 'b', 'y'],
      ['a', 'b', 'x'],
    ],
    [
      ['a', 'b', 'y', 'z'],
      ['a', 'b', 'z', 'x'],
    ],
    [
      ['a', 'b', 'x'],
      ['a', 'b', 'x'],
    ],
    [['b'], ['b', 'x']],
  ])('%j → %j', (current, expected) => {
    expect(revertTags(current, item)).toEqual(expected)
  })
})
