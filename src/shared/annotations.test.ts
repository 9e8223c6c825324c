import { describe, expect, it } from 'vitest'
import { buildAnnotation, patchAnnotation } from './annotations'

const target = {
  quote: { type: 'TextQuoteSelector' as const, exact: '70%', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector' as const, start: 0, end: 3 },
}
const base = buildAnnotation({ articleId: 'abcd1234', target, tags: ['a', 'b', 'a'] }, 'x1', 't0')!

describe('annotations', () => {
  it('builds a highlight with the shared defaults and each tag once', () => {
    expect(base).toMatchObject({
      kind: 'highlight',
      color: 'yellow',
      note: '',
      tags: ['a', 'b'],
      updatedAt: 't0',
    })
  })

  it('refuses a figure annotation without a figure', () => {
    expect(buildAnnotation({ articleId: 'abcd1234', target, kind: 'figure' }, 'x2', 't0')).toBeUndefined()
  })

  it('patches note, colour and tags, removing duplicate tags', () => {
    const next = patchAnnotation(base, { note: 'n', color: 'green', tags: ['c', 'c', 'd'] }, 't1')
    expect(next).toMatchObject({ note: 'n', color: 'green', tags: ['c', 'd'], updatedAt: 't1' })
    expect(base.note).toBe('')
  })

  it('adds a figure (a figure annotation) and removes it (a highlight again)', () => {
    const figure = { value: 70, unit: '%' }
    const withFigure = patchAnnotation(base, { figure })
    expect(withFigure).toMatchObject({ kind: 'figure', figure })
    const without = patchAnnotation(withFigure, { figure: null })
    expect(without.kind).toBe('highlight')
    expect('figure' in without).toBe(false)
  })
})
