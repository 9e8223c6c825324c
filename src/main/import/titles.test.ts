import { describe, expect, it } from 'vitest'
import { stripAuthorName, stripBeyondHeadline } from './titles'

describe('stripAuthorName', () => {
  it.each([
    ['Tram fares frozen – Ana Lima', 'Ana Lima', 'Tram fares frozen'],
    ['Tram fares frozen - By Ana Lima', 'Ana Lima', 'Tram fares frozen'],
    ['Tram fares frozen | ana lima', 'By Ana Lima', 'Tram fares frozen'],
    ['Tram fares frozen | Ana Lima', 'Ana Lima, 4 March 2024', 'Tram fares frozen'],
    // Not the author, or the name is all there is: the title stays.
    ['Tram fares frozen | Transport desk', 'Ana Lima', 'Tram fares frozen | Transport desk'],
    ['Ana Lima', 'Ana Lima', 'Ana Lima'],
    ['– Ana Lima', 'Ana Lima', '– Ana Lima'],
    ['Tram fares frozen – Ana Lima', undefined, 'Tram fares frozen – Ana Lima'],
  ])('%j by %j → %j', (title, author, expected) => {
    expect(stripAuthorName(title, author)).toBe(expected)
  })
})

describe('stripBeyondHeadline', () => {
  it.each([
    ['Fares frozen | Coastline Post', 'Fares frozen', 'Fares frozen'],
    ['Budget 2025 | What the plan costs', undefined, 'Budget 2025 | What the plan costs'],
    ['Budget 2025 | What the plan costs', 'What the plan costs', 'Budget 2025 | What the plan costs'],
  ])('%j under headline %j → %j', (title, headline, expected) => {
    expect(stripBeyondHeadline(title, headline)).toBe(expected)
  })
})
