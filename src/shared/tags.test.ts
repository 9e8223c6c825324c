import { describe, expect, it } from 'vitest'
import { isWithinTag, tagAncestry } from './tags'

describe('tag hierarchy', () => {
  it.each([
    ['strikes', 'strikes', true],
    ['strikes/launched', 'strikes', true],
    ['strikes/launched/drones', 'strikes/launched', true],
    ['strikes-other', 'strikes', false],
    ['strike', 'strikes', false],
    ['strikes', 'strikes/launched', false],
    [undefined, 'strikes', false],
  ])('%s within %s is %s', (tag, parent, expected) => {
    expect(isWithinTag(tag, parent)).toBe(expected)
  })

  it('lists ancestors from the root', () => {
    expect(tagAncestry('a/b/c')).toEqual(['a', 'a/b', 'a/b/c'])
    expect(tagAncestry('solo')).toEqual(['solo'])
  })
})
