import { describe, expect, it } from 'vitest'
import { METHOD_NAMES } from './contract'
import type { Handlers } from './contract'
import { dispatch } from './dispatch'
import { GlossaError } from './errors'

// Handlers that record what reached them: validation must stop bad calls before any handler runs.
function recordingHandlers() {
  const calls: [string, unknown][] = []
  const handlers = Object.fromEntries(
    METHOD_NAMES.map((m) => [
      m,
      async (args: unknown) => {
        calls.push([m, args])
        if (m === 'articles.get')
          throw new GlossaError('not_found', 'No article with id abcd1234 in this archive.')
        if (m === 'articles.delete') throw new TypeError('boom')
        return { echoed: args }
      },
    ]),
  ) as unknown as Handlers
  return { handlers, calls }
}

const target = {
  quote: { type: 'TextQuoteSelector', exact: '70%', prefix: 'repulse ', suffix: ' on average' },
  position: { type: 'TextPositionSelector', start: 10, end: 13 },
}

describe('dispatch', () => {
  it.each([
    ['articles.get', {}, 'id'],
    ['articles.get', { id: 'NOT AN ID' }, 'id'],
    ['articles.get', { id: 'abcd1234', extra: 1 }, 'extra'],
    ['articles.create', { title: '' }, 'title'],
    ['articles.create', { title: 'x' }, 'text'],
    ['articles.create', { title: 'x', text: 'y', publishedAt: '10/01/2024' }, 'publishedAt'],
    [
      'annotations.create',
      {
        articleId: 'abcd1234',
        target: { ...target, position: { type: 'TextPositionSelector', start: 5, end: 2 } },
      },
      'target.position.end',
    ],
    ['annotations.create', { articleId: 'abcd1234', target, color: 'octarine' }, 'color'],
    ['annotations.create', { articleId: 'abcd1234', target, tags: ['ok', '#bad'] }, 'tags.1'],
    ['annotations.create', { articleId: 'abcd1234', target, figure: { value: 5, max: 2 } }, 'figure.max'],
    ['annotations.update', { articleId: 'abcd1234' }, 'id'],
    ['tags.list', null, ''],
    ['tags.list', { stray: true }, 'stray'],
  ])('%s rejects %j naming %s', async (method, args, field) => {
    const { handlers, calls } = recordingHandlers()
    const result = await dispatch(handlers, method, args)
    if (method === 'tags.list' && args === null) {
      expect(result.ok).toBe(true) // a missing argument object is treated as {}
      return
    }
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
    if (!result.ok) expect(result.error.message).toContain(`${field}:`)
    expect(calls).toEqual([])
  })

  it('passes parsed arguments to the handler and wraps the value', async () => {
    const { handlers, calls } = recordingHandlers()
    const result = await dispatch(handlers, 'annotations.create', {
      articleId: 'abcd1234',
      target,
      tags: ['strikes/launched'],
    })
    expect(result.ok).toBe(true)
    expect(calls).toEqual([
      ['annotations.create', { articleId: 'abcd1234', target, tags: ['strikes/launched'] }],
    ])
  })

  it('names an unknown method', async () => {
    const result = await dispatch(recordingHandlers().handlers, 'articles.drop', {})
    expect(result).toEqual({
      ok: false,
      error: { code: 'unknown_method', message: 'There is no method called "articles.drop".' },
    })
  })

  it('does not treat inherited object keys as methods', async () => {
    const result = await dispatch(recordingHandlers().handlers, 'constructor', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
  })

  it('turns thrown errors into values with a code', async () => {
    const { handlers } = recordingHandlers()
    expect(await dispatch(handlers, 'articles.get', { id: 'abcd1234' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No article with id abcd1234 in this archive.' },
    })
    expect(await dispatch(handlers, 'articles.delete', { ids: ['abcd1234'] })).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Unexpected error: boom' },
    })
  })
})
