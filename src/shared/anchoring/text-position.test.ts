import { describe, expect, it } from 'vitest'
import type { Target } from '../types'
import { matchPosition } from './text-position'

const target = (exact: string, prefix: string, suffix: string, start: number): Target => ({
  quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
  position: { type: 'TextPositionSelector', start, end: start + exact.length },
})

const LONG_PREFIX = 'x'.repeat(32)
const LONG_SUFFIX = 'y'.repeat(32)

describe('matchPosition', () => {
  it.each([
    { name: 'quote and both sides hold', text: `${LONG_PREFIX}word${LONG_SUFFIX}`, at: 32, expected: true },
    { name: 'only the prefix holds', text: `${LONG_PREFIX}word!${LONG_SUFFIX}`, at: 32, expected: true },
    { name: 'only the suffix holds', text: `${'z'.repeat(32)}word${LONG_SUFFIX}`, at: 32, expected: true },
    { name: 'neither side holds', text: `${'z'.repeat(32)}word${'z'.repeat(32)}`, at: 32, expected: false },
    { name: 'the quote changed', text: `${LONG_PREFIX}ward${LONG_SUFFIX}`, at: 32, expected: false },
    { name: 'the text is shorter', text: `${LONG_PREFIX}wo`, at: 32, expected: false },
  ])('$name', ({ text, at, expected }) => {
    const found = matchPosition(text, target('word', LONG_PREFIX, LONG_SUFFIX, at))
    expect(found).toEqual(expected ? { start: at, end: at + 4 } : null)
  })

  it.each([
    { name: 'empty prefix still at the start', text: 'word and more', prefix: '', start: 0, expected: true },
    {
      name: 'short prefix still at the start',
      text: 'A word and more',
      prefix: 'A ',
      start: 2,
      expected: true,
    },
    {
      name: 'short prefix no longer at the start',
      text: 'Then A word',
      prefix: 'A ',
      start: 2,
      expected: false,
    },
  ])('$name', ({ text, prefix, start, expected }) => {
    const found = matchPosition(text, target('word', prefix, 'not here, at all, not anywhere..', start))
    expect(found !== null).toBe(expected)
  })

  it.each([
    {
      name: 'empty suffix still at the end',
      text: `${LONG_PREFIX.slice(1)}!word`,
      suffix: '',
      expected: true,
    },
    {
      name: 'empty suffix no longer at the end',
      text: `${LONG_PREFIX.slice(1)}!word more`,
      suffix: '',
      expected: false,
    },
  ])('$name', ({ text, suffix, expected }) => {
    const found = matchPosition(text, target('word', 'q'.repeat(32), suffix, 32))
    expect(found !== null).toBe(expected)
  })
})
