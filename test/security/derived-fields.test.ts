// Tests (Node): what the archive derives from annotations (the catalog's annotationCreators, for the Person
// filter) must stay within the catalog's own schema, whatever the annotations hold. A team database (or a backup)
// is hostile: one article with more people on its notes than the catalog keeps must not leave a catalog entry that
// the next open refuses — the article hidden and its whole bucket read-only.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Archive } from '../../src/main/archive/archive'
import { bucketOf } from '../../src/main/archive/ids'
import type { Annotation } from '../../src/shared/types'
import { sampleTarget, tempDir } from '../temp-archive'

const TEXT = 'The council said 40 boats left the harbour on Tuesday.'

describe('annotationCreators from hostile annotations', () => {
  it('an article with 1,500 people on its annotations opens again, listed and writable', async () => {
    const root = await tempDir()
    const dir = join(root, 'archive')
    const options = { trustKeyFile: join(root, 'trust.key') }
    const archive = await Archive.open(dir, options)
    const meta = await archive.createArticle({ title: 'Harbour', text: TEXT, tags: [] })
    const now = new Date().toISOString()
    await archive.changeAnnotations(meta.id, (list: Annotation[]) => {
      for (let i = 0; i < 1500; i++)
        list.push({
          id: `a${String(i).padStart(6, '0')}x`,
          articleId: meta.id,
          kind: 'highlight',
          color: 'yellow',
          note: '',
          tags: [],
          target: sampleTarget(TEXT, 'boats'),
          creator: `person-${i}`,
          createdAt: now,
          updatedAt: now,
        })
    })
    await archive.flush()
    const listed = archive.list().find((a) => a.id === meta.id)
    expect(listed?.counts.highlights).toBe(1500)

    const again = await Archive.open(dir, options)
    expect(again.problems).toEqual([])
    expect(again.catalog.isReadOnly(bucketOf(meta.id))).toBe(false)
    const reopened = again.list().find((a) => a.id === meta.id)
    expect(reopened?.counts.highlights).toBe(1500)
    expect(reopened?.annotationCreators?.length).toBeLessThanOrEqual(1000)
    expect(reopened?.annotationCreators).toContain('person-0')
  })
})
