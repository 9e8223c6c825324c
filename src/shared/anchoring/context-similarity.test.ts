import { describe, expect, it } from 'vitest'
import { compareSide, outwardDistance, touches } from './context-similarity'

describe('outwardDistance', () => {
  it.each([
    { stored: 'abc', actual: 'abc', free: 0, full: 0 },
    { stored: 'abc', actual: 'abcdef', free: 0, full: 3 },
    { stored: 'abc', actual: 'xabc', free: 1, full: 1 },
    { stored: 'abc', actual: 'ab', free: 1, full: 1 },
    { stored: 'abc', actual: '', free: 3, full: 3 },
    { stored: '', actual: 'abc', free: 0, full: 3 },
    { stored: 'kitten', actual: 'sitting!', free: 2, full: 4 },
  ])('$stored vs $actual', ({ stored, actual, free, full }) => {
    expect(outwardDistance(stored, actual)).toEqual({ free, full })
  })
})

describe('touches', () => {
  it.each([
    { stored: 'abcdef', text: 'xxabcdxx', at: 2, direction: 1 as const, expected: true },
    { stored: 'abcdef', text: 'xxabcxxx', at: 2, direction: 1 as const, expected: false },
    { stored: 'dcba', text: 'abcdQ', at: 4, direction: -1 as const, expected: true },
    { stored: 'dcbaz', text: 'bcdQ', at: 3, direction: -1 as const, expected: false },
    { stored: 'ab', text: 'ab', at: 0, direction: 1 as const, expected: true },
    { stored: '', text: '', at: 0, direction: 1 as const, expected: true },
  ])('$stored at $at of $text', ({ stored, text, at, direction, expected }) => {
    expect(touches(stored, text, at, direction)).toBe(expected)
  })
})

describe('compareSide', () => {
  const stored = 'saidtheministeronTuesdayevening.' // 32 characters, as read outward
  const inner = { storedAtEdge: false, actualAtEdge: false }
  it.each([
    { name: 'unchanged', actual: `${stored}More`, agrees: true, strong: true },
    { name: 'three edits far out', actual: 'saidtheministeronTuesdayeveningXYZ', agrees: true, strong: true },
    { name: 'six edits far out', actual: 'saidtheministeronTuesdayXXXXXX', agrees: true, strong: false },
    { name: 'nine edits far out', actual: 'saidtheministeronTuXXXXXXXXX', agrees: false, strong: false },
    { name: 'edit touching the quote', actual: `Xaidtheministeronfriday`, agrees: false, strong: false },
    { name: 'unrelated text', actual: 'andthenthecouncilvotedtwentyseven', agrees: false, strong: false },
  ])('$name', ({ actual, agrees, strong }) => {
    expect(compareSide(stored, actual, inner)).toMatchObject({ agrees, strong })
  })

  it.each([
    { name: 'empty prefix at the text start', stored: '', actual: '', actualAtEdge: true, agrees: true },
    { name: 'empty prefix elsewhere', stored: '', actual: 'some text', actualAtEdge: false, agrees: false },
    { name: 'short prefix reaching the start', stored: 'tA', actual: 'tA', actualAtEdge: true, agrees: true },
    {
      name: 'short prefix not at the start',
      stored: 'tA',
      actual: 'tAdias',
      actualAtEdge: true,
      agrees: false,
    },
  ])('edge: $name', ({ stored: edgeStored, actual, actualAtEdge, agrees }) => {
    expect(compareSide(edgeStored, actual, { storedAtEdge: true, actualAtEdge })).toMatchObject({ agrees })
  })

  it('needs MIN_CONTEXT_CHARS of context away from the edges', () => {
    expect(compareSide('abcdefg', 'abcdefg', inner).agrees).toBe(false)
    expect(compareSide('abcdefgh', 'abcdefgh', inner).agrees).toBe(true)
  })
})
