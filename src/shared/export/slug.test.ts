import { describe, expect, it } from 'vitest'
import { createSlugger, MAX_SLUG_LENGTH, slugify } from './slug'

describe('slugify', () => {
  it.each([
    ['Ukraine’s drone makers: more than 50 firms', 'ukraine-s-drone-makers-more-than-50-firms'],
    [
      'Nausėda: energy support to cost €1.2 billion — “a shield”',
      'nauseda-energy-support-to-cost-1-2-billion-a-shield',
    ],
    ['Łódź, Straße & Ærø', 'lodz-strasse-aero'],
    ['  --Leading and trailing--  ', 'leading-and-trailing'],
    ['../../etc/passwd', 'etc-passwd'],
    ['C:\\Windows\\System32', 'c-windows-system32'],
    ['Київ готується до зими', ''],
    ['日本語', ''],
    ['', ''],
    ['a\u0000b\tc\nd', 'a-b-c-d'],
  ])('%j → %j', (text, slug) => {
    expect(slugify(text)).toBe(slug)
  })

  it('keeps within 80 characters and cuts at a word', () => {
    const slug = slugify('word '.repeat(40))
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH)
    expect(slug).toMatch(/^(word-)*word$/)
  })

  it('cuts an unbroken run hard', () => {
    expect(slugify('x'.repeat(200))).toBe('x'.repeat(MAX_SLUG_LENGTH))
  })
})

describe('createSlugger', () => {
  it('numbers collisions and stays unique', () => {
    const next = createSlugger()
    const names = ['Same title', 'Same title', 'Same Title!', 'same-title-2', 'Same title'].map((t) =>
      next(t, 'fallback'),
    )
    expect(names).toEqual(['same-title', 'same-title-2', 'same-title-3', 'same-title-2-2', 'same-title-4'])
  })

  it.each([
    ['Київ готується до зими', 'art-kyiv_01', 'art-kyiv-01'],
    ['日本語', '', 'untitled'],
    ['CON', 'x', 'con-note'],
    ['nul', 'x', 'nul-note'],
  ])('falls back for %j', (title, fallback, slug) => {
    expect(createSlugger()(title, fallback)).toBe(slug)
  })

  it('keeps suffixed names within 80 characters', () => {
    const next = createSlugger()
    const title = 'x'.repeat(200)
    const names = Array.from({ length: 12 }, () => next(title, ''))
    expect(new Set(names).size).toBe(12)
    for (const name of names) expect(name.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH)
    expect(names[11]).toBe(`${'x'.repeat(77)}-12`)
  })

  it.each(['a', 'Title', 'Ünïcödé', '#tag | pipe', 'x'.repeat(300)])(
    'only safe characters for %j',
    (title) => {
      expect(createSlugger()(title, 'id')).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    },
  )
})
