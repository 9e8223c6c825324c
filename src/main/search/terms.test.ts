import { describe, expect, it } from 'vitest'
import { dropStopWords, findSpans, processTerm } from './terms'

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

describe('findSpans', () => {
  /** Every word walked and processed, as findSpans did for every query before it used one pattern. */
  function walked(content: string, terms: Set<string>) {
    const out = []
    for (const m of content.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
      const term = processTerm(m[0])
      if (term !== null && terms.has(term)) out.push({ start: m.index, end: m.index + m[0].length, term })
    }
    return out
  }
  const TEXT = [
    'Grain GRAIN grains regrain grain2 2grain grain’s grain-fed «grain» (grain) Grain.',
    'The \u212Aelvin sign: \u212Aharkiv and kharkiv; the long s: \u017Fhelling and shelling.',
    'Combining: grainé graine\u0301 grain\u0301 and Straße STRASSE strasse; 2024 20245 x2024 2024x.',
    'Cyrillic Київ КИЇВ київ and Greek ΟΔΟΣ οδος; ΟΔΟΣ.',
  ].join('\n')
  it.each([
    ['grain'],
    ['kharkiv', 'shelling'],
    ['strasse', '2024'],
    ['grain', 'grains', 'regrain'],
    ['київ'],
    ['οδος', 'οδoς'],
    ['straße', 'grain'],
  ])('%j: the same spans as a walk over every word', (...terms) => {
    const set = new Set(terms)
    expect(findSpans(TEXT, set)).toEqual(walked(TEXT, set))
  })
})
