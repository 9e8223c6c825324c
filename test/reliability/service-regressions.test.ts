// Tests (Node): reproducers for the service bugs the fuzz found, small enough to read as a specification.
//  - names that are Object.prototype keys ('constructor', '__proto__', …) must behave like any other name;
//  - a batch call that fails must not have done half its work;
//  - two deletes, restores or tag renames at once must not collide on the files they write.
import { describe, expect, it } from 'vitest'
import { Archive } from '../../src/main/archive/archive'
import { createService } from '../../src/main/service'
import { contract } from '../../src/shared/contract'
import type { MethodName } from '../../src/shared/contract'
import { dispatch } from '../../src/shared/dispatch'
import type { Result } from '../../src/shared/types'
import { sampleTarget, tempDir } from '../temp-archive'
import { typedCall } from '../typed-call'
import { diffSnapshots, snapshot } from './archive-snapshot'

const TEXT = 'In total there were 500 missile and drone strikes.'

async function setup() {
  const dir = await tempDir('glossa-regress-')
  const handlers = createService({ archive: await Archive.open(dir), version: 'test' })
  const send = (method: MethodName, args: unknown): Promise<Result<unknown>> =>
    dispatch(handlers, method, args)
  /** Calls that must succeed, with a value inside the contract. */
  const call = typedCall(async (method, args) => {
    const name = method as MethodName
    const result = await send(name, args)
    if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`)
    const checked = contract[name].result.safeParse(result.value)
    if (!checked.success) throw new Error(`${method} broke its result schema: ${checked.error.message}`)
    return result.value
  })
  const article = async (text = TEXT, tags: string[] = []) =>
    (await call('articles.create', { title: 'T', text, tags })).id
  return { dir, send, call, article }
}

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype)

describe('names that are Object.prototype keys', () => {
  it.each(PROTO_NAMES)('counts an annotation tag called %s like any other tag', async (tag) => {
    const { call, article } = await setup()
    const articleId = await article()
    await call('annotations.create', { articleId, tags: [tag], target: sampleTarget(TEXT, '500') })
    const meta = await call('articles.get', { id: articleId })
    expect(Object.entries(meta.annotationTags)).toEqual([[tag, 1]])
    expect(await call('tags.list', {})).toEqual([{ name: tag, count: 1 }])
  })

  it.each(PROTO_NAMES)('keeps the colour of a tag called %s', async (name) => {
    const { dir, call } = await setup()
    await call('tags.setColor', { name, color: 'green' })
    const reopened = createService({ archive: await Archive.open(dir), version: 'test' })
    const tags = await dispatch(reopened, 'tags.list', {})
    expect(tags).toEqual({ ok: true, value: [{ name, color: 'green', count: 0 }] })
  })

  it.each([
    ['collections.rename', { id: 'constructor', name: 'Mine' }],
    ['collections.delete', { id: 'constructor' }],
    ['articles.bulkUpdate', { ids: ['ARTICLE'], addCollections: ['constructor'] }],
  ] as const)('answers %s for the collection id "constructor" with not_found', async (method, args) => {
    const { send, call, article } = await setup()
    const id = await article()
    const result = await send(method, JSON.parse(JSON.stringify(args).replace('ARTICLE', id)))
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await call('collections.list', {})).toEqual([])
  })
})

describe('batch calls with the same id twice', () => {
  it.each(['articles.delete', 'articles.restore'] as const)(
    '%s either succeeds once or changes nothing',
    async (method) => {
      const { dir, send, call, article } = await setup()
      const id = await article()
      if (method === 'articles.restore') await call('articles.delete', { ids: [id] })
      const before = await snapshot(dir)
      const result = await send(method, { ids: [id, id] })
      if (!result.ok) expect(diffSnapshots(before, await snapshot(dir))).toEqual([])
      const listed = (await call('articles.list', {})).map((a) => a.id)
      expect(listed).toEqual(result.ok === (method === 'articles.restore') ? [id] : result.ok ? [] : [id])
    },
  )
})

describe('the same article deleted or restored twice at once', () => {
  it.each([
    ['articles.delete', 'not_found', []],
    ['articles.restore', 'conflict', ['ID']],
  ] as const)('%s: one call succeeds, the other is refused with %s', async (method, code, left) => {
    const { send, call, article } = await setup()
    const id = await article()
    if (method === 'articles.restore') await call('articles.delete', { ids: [id] })
    const results = await Promise.all([send(method, { ids: [id] }), send(method, { ids: [id] })])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code } })
    const listed = (await call('articles.list', {})).map((a) => a.id)
    expect(listed).toEqual(left.map(() => id))
  })
})

describe('tag operations at the same time', () => {
  it('renames and deletes two tags concurrently without an internal error', async () => {
    const { dir, send, call, article } = await setup()
    await article(TEXT, ['alpha', 'beta'])
    await article('Another text with 7 numbers.', ['alpha', 'gamma'])
    const results = await Promise.all([
      send('tags.rename', { from: 'alpha', to: 'omega' }),
      send('tags.delete', { name: 'beta' }),
      send('tags.rename', { from: 'gamma', to: 'delta' }),
    ])
    expect(results.filter((r) => !r.ok)).toEqual([])
    const names = (await call('tags.list', {})).map((t) => t.name)
    expect(names).toEqual(['delta', 'omega'])
    expect([...(await snapshot(dir)).keys()].filter((f) => f.includes('tag-journal'))).toEqual([])
  })
})
