import { describe, expect, it } from 'vitest'
import { containsPhrase, parseSearchQuery } from './search-query'
import type { ParsedQuery } from './search-query'

const empty: ParsedQuery = {
  terms: [],
  prefixes: [],
  phrases: [],
  exclude: { terms: [], phrases: [] },
  filters: [],
}
const q = (over: Partial<ParsedQuery>): ParsedQuery => ({ ...empty, ...over })

describe('parseSearchQuery', () => {
  it.each([
    ['whale', q({ terms: ['whale'] })],
    ['  Whale  SHIPS ', q({ terms: ['whale', 'ships'] })],
    ['"grain corridor"', q({ phrases: [['grain', 'corridor']] })],
    ['export "Grain  Corridor" deal', q({ terms: ['export', 'deal'], phrases: [['grain', 'corridor']] })],
    ['"grain corridor', q({ phrases: [['grain', 'corridor']] })],
    ['drones -shahed', q({ terms: ['drones'], exclude: { terms: ['shahed'], phrases: [] } })],
    [
      'drones -"air defence"',
      q({ terms: ['drones'], exclude: { terms: [], phrases: [['air', 'defence']] } }),
    ],
    ['drones - shahed', q({ terms: ['drones', 'shahed'] })],
    ['covid-19', q({ phrases: [['covid', '19']] })],
    ['U.S. tariffs', q({ terms: ['tariffs'], phrases: [['u', 's']] })],
    ['zeppel*', q({ prefixes: ['zeppel'] })],
    ['-zeppel* grain', q({ terms: ['grain'], exclude: { terms: ['zeppel'], phrases: [] } })],
    ['tag:energy', q({ filters: [{ field: 'tag', value: 'energy', negate: false }] })],
    [
      'TAG:energy/grid grid',
      q({ terms: ['grid'], filters: [{ field: 'tag', value: 'energy/grid', negate: false }] }),
    ],
    ['grid -tag:energy', q({ terms: ['grid'], filters: [{ field: 'tag', value: 'energy', negate: true }] })],
    [
      'source:"The Guardian" budget',
      q({ terms: ['budget'], filters: [{ field: 'source', value: 'The Guardian', negate: false }] }),
    ],
    [
      'figure:strikes/launched',
      q({ filters: [{ field: 'figure', value: 'strikes/launched', negate: false }] }),
    ],
    ['https://example.org', q({ phrases: [['https', 'example', 'org']] })],
    ['note:minutes', q({ phrases: [['note', 'minutes']] })],
    ['“smart” quotes…', q({ terms: ['smart', 'quotes'] })],
  ])('%s', (input, expected) => {
    expect(parseSearchQuery(input)).toEqual({ ok: true, query: expected })
  })

  it.each([
    ['tag:', /tag: needs a value right after the colon, as in tag:energy/],
    ['grain source:', /source: needs a value/],
    ['-shahed', /“-shahed” has nothing to look for/],
    ['-tag:energy', /nothing to look for/],
    ['   ', /Type a word/],
    ['!!!', /“!!!” has nothing to look for/],
  ])('refuses %j with a sentence saying why', (input, message) => {
    const parsed = parseSearchQuery(input)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) {
      expect(parsed.code).toBe('invalid_argument')
      expect(parsed.message).toMatch(message)
    }
  })
})

describe('containsPhrase', () => {
  it.each([
    ['The grain corridor deal', ['grain', 'corridor'], true],
    ['the GRAIN,  corridor', ['grain', 'corridor'], true],
    ['the grain deal corridor', ['grain', 'corridor'], false],
    ['grain', ['grain', 'corridor'], false],
    ['corridor grain', ['grain', 'corridor'], false],
    ['regrain corridors', ['grain', 'corridor'], false],
    ['Covid-19 cases', ['covid', '19'], true],
    ['Ministère de la Défense', ['ministère', 'de'], true],
    ['anything', [], true],
  ])('%j has %j: %s', (text, phrase, expected) => {
    expect(containsPhrase(text, phrase)).toBe(expected)
  })
})
