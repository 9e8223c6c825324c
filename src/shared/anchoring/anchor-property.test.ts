// Seeded random selections on the fixtures: each must round-trip, and survive a paragraph inserted elsewhere.
import { describe as group, expect, it } from 'vitest'
import { loadFixtures } from '../../../test/fixtures/anchoring/fixtures'
import { createRng } from '../../../test/prng'
import { anchor, describe } from './index'

const prng = (seed: number): (() => number) => createRng(seed).next

const SELECTIONS_PER_FIXTURE = 6000

type Selection = { start: number; end: number }

function randomSelection(random: () => number, length: number): Selection {
  const int = (below: number) => Math.floor(random() * below)
  const kind = int(3)
  const size = kind === 0 ? 1 + int(12) : kind === 1 ? 12 + int(80) : 90 + int(600)
  const start = int(length - 1)
  return { start, end: Math.min(length, start + size) }
}

/** A paragraph of the article's own words in random order: the hardest kind of text to insert. */
function randomParagraph(random: () => number, words: string[]): string {
  const count = 20 + Math.floor(random() * 60)
  return Array.from({ length: count }, () => words[Math.floor(random() * words.length)]).join(' ')
}

/** Offsets where a paragraph can go: the text edges and every paragraph break. */
function paragraphBreaks(text: string): number[] {
  const breaks = [0, text.length]
  for (let at = text.indexOf('\n\n'); at !== -1; at = text.indexOf('\n\n', at + 2)) breaks.push(at)
  return breaks
}

function insertParagraph(text: string, at: number, paragraph: string): string {
  if (at === 0) return `${paragraph}\n\n${text}`
  return `${text.slice(0, at)}\n\n${paragraph}${text.slice(at)}`
}

group.each(loadFixtures().map((fixture, i) => ({ fixture, seed: 0x5eed + i })))(
  'random selections on $fixture.name (seed $seed)',
  ({ fixture, seed }) => {
    const { text } = fixture
    const random = prng(seed)
    const words = text.split(/\s+/)
    const breaks = paragraphBreaks(text)
    const selections = Array.from({ length: SELECTIONS_PER_FIXTURE }, () =>
      randomSelection(random, text.length),
    )

    it('round-trip at their position', () => {
      for (const { start, end } of selections) {
        expect(anchor(text, describe(text, start, end)), `${start}–${end}`).toEqual({
          start,
          end,
          method: 'position',
        })
      }
    })

    it('are found again after a paragraph is inserted elsewhere', () => {
      for (const { start, end } of selections) {
        const outside = breaks.filter((at) => at <= start || at >= end)
        const at = outside[Math.floor(random() * outside.length)]
        const paragraph = randomParagraph(random, words)
        const edited = insertParagraph(text, at, paragraph)
        const shift = at <= start ? edited.length - text.length : 0
        const found = anchor(edited, describe(text, start, end))
        expect(found, `${start}–${end}, paragraph at ${at}`).toMatchObject({
          start: start + shift,
          end: end + shift,
        })
      }
    })
  },
)
