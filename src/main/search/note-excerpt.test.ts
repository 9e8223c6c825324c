import { describe, expect, it } from 'vitest'
import { NOTE_EXCERPT_WIDTH, noteExcerpt } from './note-excerpt'
import { findSpans } from './terms'

const excerpt = (note: string, word: string) => {
  const { snippet, marks } = noteExcerpt(note, findSpans(note, new Set([word])))
  return { snippet, words: marks.map(([a, b]) => snippet.slice(a, b)) }
}

const filler = (n: number) =>
  Array.from({ length: n }, (_, i) => `Filler sentence ${i} about nothing much.`).join(' ')

describe('noteExcerpt', () => {
  it('keeps a short note whole, Markdown and line breaks included', () => {
    const note = '**Check** the _minutes_\n\n- ask the spokesperson\n- file it'
    expect(excerpt(note, 'spokesperson')).toEqual({ snippet: note, words: ['spokesperson'] })
  })

  it('cuts a long note between blocks, never inside one, and marks what was left out', () => {
    const note = [
      filler(6),
      '**Bold claim** by the spokesperson, [source](https://example.org).',
      filler(6),
      filler(6),
    ].join('\n\n')
    const { snippet, words } = excerpt(note, 'spokesperson')
    expect(snippet.startsWith('…\n\n**Bold claim** by the spokesperson')).toBe(true)
    expect(snippet.length).toBeLessThanOrEqual(NOTE_EXCERPT_WIDTH + 6)
    expect(snippet.split('**').length % 2).toBe(1)
    expect(words).toEqual(['spokesperson'])
  })

  it('starts a block at each list item and heading', () => {
    const note = `${filler(10)}\n# Heading\n- one\n- the spokesperson said\n- three\n${filler(10)}`
    const { snippet, words } = excerpt(note, 'spokesperson')
    expect(snippet).toMatch(/^…\n\n- the spokesperson said/)
    expect(words).toEqual(['spokesperson'])
  })
})
