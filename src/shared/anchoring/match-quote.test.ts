import { describe, expect, it } from 'vitest'
import { matchQuote } from './match-quote'

const BEFORE = 'Harbour officials met on Monday morning to review the weekend schedule. '
const AFTER = ' Passengers were told to check the website before travelling to the terminal.'
const FILLER = ' The ticket office on the quay will stay open until eight in the evening.'
const BLOCK = 'The port said the ferry would not sail on Sunday because of the storm warning issued at noon.'
const QUOTE = 'would not sail'
const UNRELATED = 'nothing like the text at all....'

const nth = (text: string, find: string, n: number): number => {
  let at = -1
  for (let i = 0; i <= n; i++) at = text.indexOf(find, at + 1)
  return at
}

describe('matchQuote without context', () => {
  const text = `${BEFORE}${BLOCK}${FILLER}${BLOCK}${AFTER}`
  it.each([
    { name: 'no hint: the first copy', hint: undefined, copy: 0 },
    { name: 'hint near the first copy', hint: 60, copy: 0 },
    { name: 'hint near the second copy', hint: text.length - 100, copy: 1 },
  ])('$name', ({ hint, copy }) => {
    const start = nth(text, QUOTE, copy)
    expect(matchQuote(text, QUOTE, { hint })).toMatchObject({ start, end: start + QUOTE.length })
  })

  it.each([
    { name: 'empty quote', quote: '' },
    { name: 'absent quote', quote: 'the ferry sank' },
  ])('$name → null', ({ quote }) => {
    expect(matchQuote(text, quote)).toBeNull()
  })
})

describe('matchQuote with context', () => {
  // The quote sits deep inside a repeated block, so 32 characters either side are the same for both copies.
  const identical = `${BEFORE}${BLOCK}${FILLER}${BLOCK}${AFTER}`
  const prefix = 'The port said the ferry '
  const suffix = ' on Sunday because of the storm '
  it.each([
    { name: 'hint nearer the first', hint: 0, copy: 0 },
    { name: 'hint nearer the second', hint: identical.length, copy: 1 },
  ])('identical context, $name → the nearest copy', ({ hint, copy }) => {
    const start = nth(identical, QUOTE, copy)
    expect(matchQuote(identical, QUOTE, { prefix, suffix, hint })).toMatchObject({ start })
  })

  const sentence = 'Ferries will not sail on Sunday'
  const text = `Officials in the north said: ${sentence}. Officials in the south said: ${sentence}, they added in a statement.`
  it.each([
    {
      name: 'the prefix picks the second copy',
      prefix: 'ay. Officials in the south said: ',
      suffix: UNRELATED,
      copy: 1,
    },
    {
      name: 'the suffix picks the second copy',
      prefix: UNRELATED,
      suffix: ', they added in a statement.',
      copy: 1,
    },
    {
      name: 'the suffix picks the first copy',
      prefix: UNRELATED,
      suffix: '. Officials in the south said: F',
      copy: 0,
    },
  ])('$name, even with the hint at the other', ({ prefix: p, suffix: s, copy }) => {
    const start = nth(text, sentence, copy)
    const hint = nth(text, sentence, 1 - copy)
    expect(matchQuote(text, sentence, { prefix: p, suffix: s, hint })).toMatchObject({ start })
  })
})

describe('acceptance thresholds', () => {
  const prefix = 'Officials at the harbour said: "'
  const suffix = '" according to a notice posted..'
  const quote = 'ferries stop on Sunday' // 19 non-whitespace characters: a budget of 4 errors
  const otherPrefix = 'The mayor then wrote to them: "'
  const otherSuffix = ' and that was the end of it all.'
  it.each([
    { name: 'exact, both sides', passage: quote, covers: quote },
    {
      name: '4 of 19 characters wrong',
      passage: 'ferries stop at Sundays',
      covers: 'ferries stop at Sundays',
    },
    { name: '5 of 19 characters wrong', passage: 'ferry stops at Sundays', covers: null },
    { name: 'last word edited: the quote’s own words', passage: 'ferries stop on Sundays', covers: quote },
    {
      name: 'word added at the start: the quote’s own words',
      passage: 'all ferries stop on Sunday',
      covers: quote,
    },
    {
      name: 'typo and last word edited',
      passage: 'ferries stopp on Sundays',
      covers: 'ferries stopp on Sundays',
    },
    { name: 'exact, only the prefix', passage: quote, s: otherSuffix, covers: quote },
    { name: 'exact, only the suffix', passage: quote, p: otherPrefix, covers: quote },
    { name: 'fuzzy, only the prefix', passage: 'ferries stopp on Sunday', s: otherSuffix, covers: null },
    { name: 'fuzzy, only the suffix', passage: 'ferries stopp on Sunday', p: otherPrefix, covers: null },
    {
      name: 'exact, a weak prefix only',
      passage: quote,
      p: 'Officials at the XXXXXX said: "',
      s: otherSuffix,
      covers: null,
    },
    { name: 'exact, no side agrees', passage: quote, p: otherPrefix, s: otherSuffix, covers: null },
  ])('$name', ({ passage, p = prefix, s = suffix, covers }) => {
    const text = `Some unrelated opening words. ${p}${passage}${s} Some unrelated closing words.`
    const hint = text.indexOf(passage)
    const found = matchQuote(text, quote, { prefix, suffix, hint })
    if (covers === null) expect(found).toBeNull()
    else
      expect(found).toMatchObject({ start: text.indexOf(covers), end: text.indexOf(covers) + covers.length })
  })

  it('scores a perfect match at its old position 1', () => {
    const text = `Some words. ${prefix}${quote}${suffix} More words.`
    expect(matchQuote(text, quote, { prefix, suffix, hint: text.indexOf(quote) })?.score).toBe(1)
  })
})

describe('contexts that reach the edge of the text', () => {
  const text = 'Ferries stop on Sunday. Ferries stop on Sunday, the port said.'
  const last = text.lastIndexOf('Ferries')
  it.each([
    { name: 'an empty prefix places the first copy', context: { prefix: '', suffix: UNRELATED }, at: 0 },
    {
      name: 'a short suffix places the last copy',
      context: { prefix: UNRELATED, suffix: ' on Sunday, the port said.' },
      at: last,
    },
    {
      name: 'an empty prefix away from the hint says nothing',
      context: { prefix: '', hint: last },
      at: null,
    },
    {
      name: 'a short prefix away from the hint is ordinary context',
      context: { prefix: 'on Sunday. ', hint: last },
      at: last,
    },
  ])('$name', ({ context, at }) => {
    const found = matchQuote(text, 'Ferries stop', context)
    if (at === null) expect(found).toBeNull()
    else expect(found).toMatchObject({ start: at })
  })
})
