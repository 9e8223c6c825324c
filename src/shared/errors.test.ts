import { describe, expect, it } from 'vitest'
import { contract } from './contract'
import { dispatch } from './dispatch'
import { toErrorShape } from './errors'
import type { Handlers } from './contract'

const handlers = new Proxy({}, { get: () => async () => ({}) }) as Handlers

async function errorFor(method: string, args: unknown) {
  const result = await dispatch(handlers, method, args)
  if (result.ok) throw new Error('expected a refusal')
  return result.error
}

describe('an invalid call gets a short message, however much is wrong with it', () => {
  it('lists the first five unknown fields, then how many more', async () => {
    const args = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, 1]))
    const error = await errorFor('articles.update', { id: 'abcd1234', ...args })
    expect(error).toEqual({
      code: 'invalid_argument',
      message:
        'Invalid argument for articles.update: k0: is not a field this method takes; k1: is not a field this method takes; ' +
        'k2: is not a field this method takes; k3: is not a field this method takes; k4: is not a field this method takes; ' +
        '49,995 more fields it does not take',
    })
  })

  it('cuts a huge field name short', async () => {
    const error = await errorFor('tags.list', { ['x'.repeat(1_000_000)]: 1 })
    expect(error.message).toBe(
      `Invalid argument for tags.list: ${'x'.repeat(79)}…: is not a field this method takes`,
    )
  })

  it('names five problems, then how many more', async () => {
    const ids = Array.from({ length: 10_000 }, () => 'NOT AN ID')
    const error = await errorFor('articles.delete', { ids })
    expect(error.message.length).toBeLessThan(1_000)
    expect(error.message).toMatch(/^Invalid argument for articles\.delete: ids\.0: must be an id/)
    expect(error.message).toMatch(/; 9,995 more problems$/)
  })

  it('keeps what it said before for one wrong field', async () => {
    expect(contract['articles.get'].args.safeParse({}).success).toBe(false)
    expect((await errorFor('articles.get', {})).message).toBe(
      'Invalid argument for articles.get: id: Invalid input: expected string, received undefined',
    )
  })
})

describe('a disk that cannot take a save', () => {
  it.each([
    [
      'ENOSPC',
      'The disk holding the archive is full: the change was not saved',
      'Free some space on that disk.',
    ],
    [
      'EROFS',
      'The archive is on a disk that cannot be written to: the change was not saved',
      'Make the disk writable, or move the archive to one that is.',
    ],
  ])('%s is said in words, with the system’s own message and what to do', (code, said, todo) => {
    const err = Object.assign(new Error(`${code}: no space left on device, write`), { code })
    expect(toErrorShape(err)).toEqual({ code: 'internal', message: `${said} (${err.message}). ${todo}` })
  })
  it('any other failure stays an unexpected error', () => {
    expect(toErrorShape(new Error('boom'))).toEqual({ code: 'internal', message: 'Unexpected error: boom' })
  })
})
