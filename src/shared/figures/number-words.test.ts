import { describe, expect, it } from 'vitest'
import { parseNumberWords } from './number-words'

const split = (text: string): string[] => text.toLowerCase().match(/[a-z]+|-/g) ?? []

describe('parseNumberWords', () => {
  it.each([
    ['seven', 7, 1],
    ['five hundred', 500, 2],
    ['twenty-three', 23, 3],
    ['twenty three', 23, 2],
    ['two hundred and fifty', 250, 4],
    ['one thousand two hundred', 1200, 4],
    ['five hundred thousand', 500_000, 3],
    ['two million five hundred thousand', 2_500_000, 5],
    ['a hundred', 100, 2],
    ['a dozen', 12, 2],
    ['two dozen', 24, 2],
    ['a million', 1e6, 2],
    ['one and a half', 1.5, 4],
    ['two and a half million', 2.5e6, 5],
    ['a quarter', 0.25, 2],
    ['a third', 1 / 3, 2],
    ['two-thirds', 2 / 3, 3],
    ['three quarters', 0.75, 2],
    ['one-third', 1 / 3, 3],
    ['ninety-nine', 99, 3],
    ['seven in ten', 7, 1],
    ['one or two', 1, 1],
    ['ten', 10, 1],
    ['nineteen', 19, 1],
  ])('%s → %d', (text, value, used) => {
    expect(parseNumberWords(split(text))).toEqual({ value, used, fraction: expect.any(Boolean) })
  })

  it.each([['a'], ['hundred'], ['thousand'], ['and'], ['a year'], ['half'], ['the two'], ['']])(
    '%s is not a number',
    (text) => {
      expect(parseNumberWords(split(text))).toBeUndefined()
    },
  )

  it('leaves a denominator alone when fractions are off', () => {
    expect(parseNumberWords(split('three quarter'), false)).toEqual({ value: 3, used: 1, fraction: false })
    expect(parseNumberWords(split('three quarter'))).toEqual({ value: 0.75, used: 2, fraction: true })
  })
})
