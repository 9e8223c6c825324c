import { describe, expect, it } from 'vitest'
import { cutSnippet } from './snippet'
import { findSpans, tokenize } from './terms'

const marked = (content: string, terms: string[], width?: number) => {
  const { snippet, marks, anchor } = cutSnippet(content, findSpans(content, new Set(terms)), width)
  return { snippet, words: marks.map(([a, b]) => snippet.slice(a, b)), anchor }
}

describe('tokenize and findSpans', () => {
  it.each([
    ['Kharkiv’s grid, 1,850 MW', ['Kharkiv', 's', 'grid', '1', '850', 'MW']],
    ['strikes/launched #war', ['strikes', 'launched', 'war']],
    ['$5 or €6 — 70%', ['5', 'or', '6', '70']],
    ['tab\tseparated\u00a0words', ['tab', 'separated', 'words']],
    ['Зеленський і Київ', ['Зеленський', 'і', 'Київ']],
    ['naïve café', ['naïve', 'café']],
  ])('splits %j into words', (text, words) => {
    expect(tokenize(text)).toEqual(words)
  })

  it('finds whole words case-insensitively, never parts of words', () => {
    const text = 'Repairs repaired; REPAIRS. unrepairs'
    expect(findSpans(text, new Set(['repairs'])).map((s) => text.slice(s.start, s.end))).toEqual([
      'Repairs',
      'REPAIRS',
    ])
  })
})

describe('cutSnippet', () => {
  const long = (n: number, word = 'filler') => Array.from({ length: n }, () => word).join(' ')

  it.each([
    {
      name: 'short content whole',
      content: 'Grain exports rise',
      terms: ['grain'],
      snippet: 'Grain exports rise',
      words: ['Grain'],
    },
    {
      name: 'no match: the opening',
      content: `Opening words ${long(60)}`,
      terms: ['absent'],
      snippet: `Opening words ${long(26)}…`,
      words: [],
    },
    {
      name: 'match in the middle: ellipses on both sides, cut between words',
      content: `${long(40)} the turbine contract was signed ${long(40)}`,
      terms: ['turbine'],
      snippet: `…${long(6)} the turbine contract was signed ${long(18)}…`,
      words: ['turbine'],
    },
    {
      name: 'match at the end: no trailing ellipsis',
      content: `${long(60)} final turbine`,
      terms: ['turbine'],
      snippet: `…${long(6)} final turbine`,
      words: ['turbine'],
    },
    {
      name: 'newlines become spaces, marks stay aligned',
      content: 'First paragraph.\n\nTurbine news\r\nhere.',
      terms: ['turbine', 'here'],
      snippet: 'First paragraph.  Turbine news  here.',
      words: ['Turbine', 'here'],
    },
  ])('$name', ({ content, terms, snippet, words }) => {
    const cut = marked(content, terms)
    expect(cut.snippet).toBe(snippet)
    expect(cut.words).toEqual(words)
  })

  it('centres on the cluster holding the most distinct terms, not the first match', () => {
    const content = `turbine alone ${long(80)} turbine deliveries together ${long(80)}`
    const cut = marked(content, ['turbine', 'deliveries'])
    expect(cut.words).toEqual(['turbine', 'deliveries'])
    expect(cut.anchor?.start).toBe(content.indexOf('turbine deliveries'))
  })

  it('cuts one enormous word rather than overflowing', () => {
    const content = `${'x'.repeat(500)} turbine`
    const cut = marked(content, ['turbine'])
    expect(cut.snippet.length).toBeLessThanOrEqual(202)
    expect(cut.words).toEqual(['turbine'])
  })
})
