import { describe, expect, it } from 'vitest'
import { dropStopWords } from './terms'

describe('query stop words', () => {
  it.each([
    [
      ['could', 'not', 'be', 'independently', 'verified'],
      ['independently', 'verified'],
    ],
    [['The', 'grid'], ['grid']],
    [
      ['to', 'be', 'or', 'not'],
      ['to', 'be', 'or', 'not'],
    ], // only stop words: searched as typed
    [['drones'], ['drones']],
  ])('%j → %j', (terms, expected) => {
    expect(dropStopWords(terms)).toEqual(expected)
  })
})
