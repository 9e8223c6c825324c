import { describe, expect, it } from 'vitest'
import type { Annotation, ArticleMeta } from '../types'
import { parseDocId } from './doc-ids'
import { annotationDoc, articleDoc, canonicalJson, changeKey, collectionDoc, readDoc, tagDoc } from './docs'
import { byCreation, planPush } from './plan'

const meta: ArticleMeta = {
  id: 'art1',
  title: 'Harbour budget',
  source: 'Gazette',
  addedAt: '2026-01-02T10:00:00.000Z',
  tags: ['budget'],
  textHash: 'abc',
  length: 10,
  counts: { highlights: 1, figures: 0, notes: 0 },
  annotationTags: { budget: 1 },
  annotationColors: ['yellow'],
}
const note: Annotation = {
  id: 'ann1',
  articleId: 'art1',
  kind: 'highlight',
  color: 'yellow',
  note: 'check this',
  tags: [],
  target: {
    quote: { type: 'TextQuoteSelector', exact: 'harbour', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: 7 },
  },
  createdAt: '2026-01-02T10:00:00.000Z',
  updatedAt: '2026-01-02T10:00:00.000Z',
}

describe('sync documents', () => {
  it('round-trip every kind through its id, leaving out what the archive derives', () => {
    const docs = {
      'article:art1': articleDoc(meta, { text: 'harbour x', html: '<p>harbour x</p>' }),
      'annotation:art1:ann1': annotationDoc(note),
      'tag:budget/harbour': tagDoc('budget/harbour', 'green'),
      'collection:coll1': collectionDoc({ id: 'coll1', name: 'Port' }),
    }
    for (const [id, doc] of Object.entries(docs)) {
      const back = readDoc(id, { ...JSON.parse(JSON.stringify(doc)), _id: id, _rev: '1-x' })
      expect(back).toEqual({ ok: true, doc })
    }
    const article = docs['article:art1']
    expect(article.meta).not.toHaveProperty('counts')
    expect(article.meta).not.toHaveProperty('textHash')
    expect(parseDocId('annotation:art1:ann1')).toEqual({ type: 'annotation', articleId: 'art1', id: 'ann1' })
  })

  it.each([
    ['_design/x', {}, 'not a Glossa document id'],
    ['article:../../etc', {}, 'not a Glossa document id'],
    ['annotation:art1:ann1:x', {}, 'not a Glossa document id'],
    ['article:art1', { type: 'article', meta: { ...meta, id: 'art2' }, text: 'x' }, 'holds "article:art2"'],
    ['annotation:art1:ann1', { type: 'annotation', annotation: { ...note, note: 5 } }, 'annotation.note'],
    ['annotation:art9:ann1', { type: 'annotation', annotation: note }, 'holds'],
    ['tag:x', { type: 'tag', name: 'x', color: 'plaid' }, 'color'],
    ['collection:coll1', { type: 'script', id: 'coll1' }, 'type'],
    ['article:art1', 'not an object', 'the document'],
  ])('refuses %s with a reason', (id, raw, reason) => {
    const read = readDoc(id, raw)
    expect(read.ok).toBe(false)
    if (!read.ok) expect(read.reason).toContain(reason)
  })

  it('judges change by content, not key order; an article by its metadata and text hash', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}')
    const a = annotationDoc(note)
    const reordered = annotationDoc(Object.fromEntries(Object.entries(note).reverse()) as Annotation)
    expect(changeKey(a)).toBe(changeKey(reordered))
    expect(changeKey(annotationDoc({ ...note, note: 'other' }))).not.toBe(changeKey(a))
    const withBody = articleDoc(meta, { text: 'long text' })
    const withoutBody = articleDoc(meta, { text: '' })
    expect(changeKey(withBody, 'abc')).toBe(changeKey(withoutBody, 'abc'))
    expect(changeKey(articleDoc(meta, { text: '' }, true), 'abc')).not.toBe(changeKey(withBody, 'abc'))
  })

  it('plans the documents to send: new, changed and gone', () => {
    const plan = planPush(
      new Map([
        ['a', 'k1'],
        ['b', 'k2'],
        ['c', 'k3'],
      ]),
      { a: { rev: '1-x', key: 'k1' }, b: { rev: '1-y', key: 'old' }, d: { rev: '2-z', key: 'k4' } },
    )
    expect(plan).toEqual({ changed: ['b', 'c'], deleted: ['d'] })
  })

  it('orders annotations by creation time, then id', () => {
    const list = [
      { id: 'b', createdAt: '2' },
      { id: 'a', createdAt: '2' },
      { id: 'z', createdAt: '1' },
    ]
    expect(list.sort(byCreation).map((x) => x.id)).toEqual(['z', 'a', 'b'])
  })
})
