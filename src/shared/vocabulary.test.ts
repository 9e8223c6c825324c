import { describe, expect, it } from 'vitest'
import { contract } from './contract'
import { METHOD_NAMES } from './methods'
import { tagNameSchema } from './schemas'
import { tagNameProblem } from './vocabulary'

describe('zod-free vocabularies agree with the schemas', () => {
  it('lists every contract method once', () => {
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(contract).sort())
  })

  it.each([
    'strikes',
    'strikes/launched',
    'a b',
    ' padded ',
    '',
    '   ',
    '/root',
    'a//b',
    'trailing/',
    '#hash',
    'a,b',
    'x'.repeat(121),
    'Nausėda/€',
  ])('tag %j: the renderer’s check and the schema agree', (name) => {
    expect(tagNameProblem(name) === null).toBe(tagNameSchema.safeParse(name).success)
  })
})
