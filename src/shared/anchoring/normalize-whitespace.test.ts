import { describe, expect, it } from 'vitest'
import {
  countIgnorable,
  isIgnorable,
  stripString,
  stripText,
  toOriginalRange,
  toStrippedOffset,
} from './normalize-whitespace'

describe('isIgnorable', () => {
  it.each([
    [' ', true],
    ['\n', true],
    ['\t', true],
    ['\r', true],
    ['\u00a0', true],
    ['\u00ad', true],
    ['\u200b', true],
    ['\u2009', true],
    ['\u3000', true],
    ['\ufeff', true],
    ['a', false],
    ['ė', false],
    ['€', false],
    ['—', false],
    ['\u0001', false],
    ['\u2010', false],
  ])('%j → %s', (char, expected) => {
    expect(isIgnorable(char.charCodeAt(0))).toBe(expected)
  })
})

describe('stripText', () => {
  it.each([
    { text: '', stripped: '', offsets: [] },
    { text: '   ', stripped: '', offsets: [] },
    { text: 'ab', stripped: 'ab', offsets: [0, 1] },
    { text: ' a \n\n b\t', stripped: 'ab', offsets: [1, 6] },
    { text: 'Nau\u00adsė\u200bda — €5', stripped: 'Nausėda—€5', offsets: [0, 1, 2, 4, 5, 7, 8, 10, 12, 13] },
  ])('$text', ({ text, stripped, offsets }) => {
    const result = stripText(text)
    expect(result.text).toBe(stripped)
    expect([...result.offsets]).toEqual(offsets)
    expect(stripString(text)).toBe(stripped)
  })
})

describe('offset maps', () => {
  const text = 'one  two\n\nthree'
  const stripped = stripText(text)

  it.each([
    { offset: 0, expected: 0 },
    { offset: 3, expected: 3 },
    { offset: 4, expected: 3 },
    { offset: 5, expected: 3 },
    { offset: 8, expected: 6 },
    { offset: 15, expected: 11 },
  ])('original $offset → stripped $expected', ({ offset, expected }) => {
    expect(toStrippedOffset(stripped, offset)).toBe(expected)
  })

  it.each([
    { from: 3, to: 6, before: 0, after: 0, expected: 'two' },
    { from: 3, to: 6, before: 1, after: 0, expected: ' two' },
    { from: 3, to: 6, before: 5, after: 0, expected: '  two' },
    { from: 3, to: 6, before: 0, after: 2, expected: 'two\n\n' },
    { from: 0, to: 11, before: 3, after: 3, expected: text },
    { from: 2, to: 4, before: 0, after: 0, expected: 'e  t' },
  ])('stripped $from–$to (widen $before/$after) → $expected', ({ from, to, before, after, expected }) => {
    const range = toOriginalRange(text, stripped, from, to, { before, after })
    expect(text.slice(range.start, range.end)).toBe(expected)
  })

  it.each([
    { at: 3, direction: 1 as const, expected: 2 },
    { at: 5, direction: -1 as const, expected: 2 },
    { at: 8, direction: 1 as const, expected: 2 },
    { at: 10, direction: -1 as const, expected: 2 },
    { at: 0, direction: -1 as const, expected: 0 },
    { at: 15, direction: 1 as const, expected: 0 },
  ])('countIgnorable at $at direction $direction → $expected', ({ at, direction, expected }) => {
    expect(countIgnorable(text, at, direction)).toBe(expected)
  })
})
