import { describe, expect, it } from 'vitest'
import { tagNameSchema } from './schemas'
import { tagNameProblem } from './vocabulary'

describe('zod-free vocabularies agree with the schemas', () => {
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
