// Tests (Node): placing a selection made on the live page on the article's stored text.
import { describe, expect, it } from 'vitest'
import { placeSelection } from './save'

const TEXT =
  'Harbour dredging falls behind schedule\n\nThe channel will stay closed until June, the harbour master said. ' +
  'Shipping lines were told the channel will stay closed until June at the earliest, and fishing crews ' +
  'said their landings had fallen since October.'

const at = (exact: string, from = 0) => {
  const start = TEXT.indexOf(exact, from)
  return { start, end: start + exact.length }
}

describe('placeSelection', () => {
  it.each([
    [
      'a unique quote, context from the page’s boilerplate',
      {
        exact: 'fishing crews',
        prefix: 'Subscribe now for only 1 euro a month to read ',
        suffix: ' Most read: ferry timetable changes and more',
      },
      at('fishing crews'),
    ],
    [
      'a unique quote with no context (the page edge)',
      { exact: 'landings had fallen', prefix: '', suffix: '' },
      at('landings had fallen'),
    ],
    [
      'whitespace of the live DOM',
      { exact: 'fallen\n     since   October', prefix: '', suffix: '' },
      at('fallen since October'),
    ],
    [
      'a repeated quote told apart by the page’s context',
      {
        exact: 'the channel will stay closed until June',
        prefix: 'the harbour master said. Shipping lines were told ',
        suffix: ' at the earliest, and fishing crews said their',
      },
      at('the channel will stay closed until June', 100),
    ],
  ])('places %s', (_name, selection, expected) => {
    expect(placeSelection(TEXT, selection)).toMatchObject(expected)
  })

  it.each([
    [
      'a repeated quote whose context is not in the article',
      {
        exact: 'will stay closed until June',
        prefix: 'Advertisement. Advertisement. Advertisement. ',
        suffix: ' Read more: the ferry timetable changes this spring',
      },
    ],
    ['text that is not in the article', { exact: 'All rights reserved', prefix: '', suffix: '' }],
  ])('leaves out %s', (_name, selection) => {
    expect(placeSelection(TEXT, selection)).toBeNull()
  })
})
