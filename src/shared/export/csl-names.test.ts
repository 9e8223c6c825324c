import { describe, expect, it } from 'vitest'
import { parseAuthors } from './csl-names'

describe('parseAuthors', () => {
  it.each([
    [undefined, []],
    ['', []],
    ['Olena Kovalenko', [{ given: 'Olena', family: 'Kovalenko' }]],
    ['By Olena Kovalenko', [{ given: 'Olena', family: 'Kovalenko' }]],
    [
      'Rūta Petrauskienė and Tomas Jankauskas',
      [
        { given: 'Rūta', family: 'Petrauskienė' },
        { given: 'Tomas', family: 'Jankauskas' },
      ],
    ],
    [
      'Anna Nowak, Piotr Zieliński and Jan  Kowalski',
      [
        { given: 'Anna', family: 'Nowak' },
        { given: 'Piotr', family: 'Zieliński' },
        { given: 'Jan', family: 'Kowalski' },
      ],
    ],
    [
      'Anna Nowak & Piotr Zieliński',
      [
        { given: 'Anna', family: 'Nowak' },
        { given: 'Piotr', family: 'Zieliński' },
      ],
    ],
    ['Kovalenko, Olena', [{ given: 'Olena', family: 'Kovalenko' }]],
    ['Ursula von der Leyen', [{ given: 'Ursula', family: 'von der Leyen' }]],
    ['Mary Ann Smith', [{ given: 'Mary Ann', family: 'Smith' }]],
    ['Martin Luther King, Jr.', [{ given: 'Martin Luther', family: 'King', suffix: 'Jr.' }]],
    ['Reuters', [{ literal: 'Reuters' }]],
    ['AFP', [{ literal: 'AFP' }]],
    ['Reuters Staff', [{ literal: 'Reuters Staff' }]],
    ['The Associated Press', [{ literal: 'The Associated Press' }]],
    ['BBC News', [{ literal: 'BBC News' }]],
    ['Kyiv Ledger Editorial Board', [{ literal: 'Kyiv Ledger Editorial Board' }]],
    ['Olena Kovalenko, Reuters', [{ given: 'Olena', family: 'Kovalenko' }, { literal: 'Reuters' }]],
    ['Olena Kovalenko and AFP', [{ given: 'Olena', family: 'Kovalenko' }, { literal: 'AFP' }]],
    ['Ministry of Strategic Industries', [{ literal: 'Ministry of Strategic Industries' }]],
    ['Team 24', [{ literal: 'Team 24' }]],
  ])('%j', (byline, names) => {
    expect(parseAuthors(byline)).toEqual(names)
  })
})
