// Taking in what came from the team: many annotations on one article are written together (the article's file
// once, not once per note: 1,000 notes took 24 s to take in before, bench/sync.ts), and one bad note among them
// is refused on its own while the rest are kept.
import { describe, expect, it, vi } from 'vitest'
import { serviceHarness } from '../../../test/service-harness'
import { sampleTarget } from '../../../test/temp-archive'
import { annotationDoc } from '../../shared/sync/docs'
import type { Annotation } from '../../shared/types'
import { applyIncoming } from './apply'

const TEXT = 'The harbour plan costs 40 million euros, the council said on Tuesday.'

describe('applyIncoming', () => {
  it('writes one article’s incoming annotations at once, refusing a bad one on its own', async () => {
    const h = await serviceHarness()
    const article = await h.call('articles.create', { title: 'Harbour plan', text: TEXT })
    const note = (i: number): Annotation => ({
      id: `note${String(i).padStart(4, '0')}`,
      articleId: article.id,
      kind: 'highlight',
      color: 'yellow',
      note: `note ${i}`,
      tags: [],
      target: sampleTarget(TEXT, 'council'),
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      updatedAt: '2026-01-01T00:00:00.000Z',
    })
    const incoming = Array.from({ length: 50 }, (_, i) => ({
      id: `annotation:${article.id}:${note(i).id}`,
      raw: annotationDoc(note(i)),
    }))
    // Not an annotation the schemas accept: refused alone.
    const bad = { ...note(99), note: 5 }
    incoming.push({
      id: `annotation:${article.id}:${bad.id}`,
      raw: { type: 'annotation', annotation: bad } as never,
    })
    const writes = vi.spyOn(h.archive, 'changeAnnotations')
    const refused = await applyIncoming(h.archive, incoming)
    expect(writes).toHaveBeenCalledTimes(1)
    expect([...refused.keys()]).toEqual([`annotation:${article.id}:${bad.id}`])
    const list = await h.call('annotations.list', { articleId: article.id })
    expect(list.map((a) => a.id)).toEqual(Array.from({ length: 50 }, (_, i) => note(i).id))
  })
})
