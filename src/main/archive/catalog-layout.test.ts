// Tests (Node): which bucket file holds an id, and what a folder of bucket files says (catalog-layout.ts).
import { describe, expect, it } from 'vitest'
import { belongsIn, bucketAt, childrenOf, digitOf, layoutOf, leafOf } from './catalog-layout'

describe('catalog layout', () => {
  it('splits by the id’s own hex digits, and makes one of any other character', () => {
    expect(bucketAt('ab3c9f000001', 2)).toBe('ab')
    expect(bucketAt('ab3c9f000001', 5)).toBe('ab3c9')
    // Ids from a backup or a team may use any of [a-z0-9_-]: each still lands in one of the 16.
    expect(digitOf('abzq', 2)).toBe('a') // 'z' is 122, 122 & 15 = 10
    expect(digitOf('ab_-', 3)).toBe('d') // '-' is 45, 45 & 15 = 13
    expect(digitOf('abcd', 4)).toBe('0') // past the end of a short id
    for (const id of ['abzq', 'ab_-', 'abcd', 'ab0123456789']) {
      expect(belongsIn(id, bucketAt(id, 6))).toBe(true)
      expect(childrenOf('ab')).toContain(bucketAt(id, 3))
    }
    expect(belongsIn('ab3c9f000001', 'ab4')).toBe(false)
    expect(belongsIn('ab3c9f000001', 'hello')).toBe(false) // not a name of the layout
  })

  it('reads the split buckets off the files, and finds the bucket of any id', () => {
    const { split, leftovers } = layoutOf(['00', 'ab0', 'ab1', 'ab3c0', 'zz'])
    expect([...split].sort()).toEqual(['ab', 'ab3', 'ab3c'])
    expect(leftovers.size).toBe(0)
    expect(leafOf('00aaaa', split)).toBe('00')
    expect(leafOf('ab3c9f', split)).toBe('ab3c9') // no file yet: an empty bucket
    expect(leafOf('ab1234', split)).toBe('ab1')
    expect(leafOf('cd1234', split)).toBe('cd')
  })

  it('lists the files of a split cut short under the bucket they came from, deepest last', () => {
    const { split, leftovers } = layoutOf(['ab', 'ab3c', 'ab3', 'ab0', 'cd', 'cd1', 'ef0'])
    expect(leftovers.get('ab')).toEqual(['ab0', 'ab3', 'ab3c'])
    expect(leftovers.get('cd')).toEqual(['cd1'])
    // Until the split is done again the parent is the bucket: nothing under it counts as split.
    expect([...split].sort()).toEqual(['ef'])
  })
})
