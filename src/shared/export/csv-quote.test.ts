// csvRecord writes exactly what csv-stringify (the library it replaced in csv.ts) writes with the options
// figures.csv and highlights.csv used: a comma, a quote, CR or LF quoted, quotes doubled, empty cells bare.
import { stringify } from 'csv-stringify/browser/esm/sync'
import { describe, expect, it } from 'vitest'
import { csvRecord } from './csv'

const library = (cells: string[]) =>
  stringify([cells], {
    header: false,
    columns: cells.map((_, i) => `c${i}`),
    record_delimiter: '\r\n',
    quote_record_delimiter: true,
    eof: true,
  })

/** A seeded generator (mulberry32), so a failure names cells that fail again. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ALPHABET = [
  'a',
  'Z',
  '0',
  ' ',
  ',',
  '"',
  '\r',
  '\n',
  '\t',
  ';',
  "'",
  '=',
  '-',
  '\\',
  'é',
  '€',
  '😀',
  '\u2028',
  '',
]

describe('csvRecord', () => {
  it.each([
    [['a', 'b']],
    [['', '', '']],
    [['x\r', 'a"b', ' ', 'é,']],
    [['"', '""', '\r\n', '\n\r', 'line\nbreak', ',']],
    [["'=1+1", '-3', '1.5e-7']],
  ])('writes %j as the library does', (cells) => {
    expect(csvRecord(cells)).toBe(library(cells))
  })

  it('writes 5,000 random records as the library does', () => {
    const next = random(19)
    for (let n = 0; n < 5000; n++) {
      const cells = Array.from({ length: 1 + Math.floor(next() * 6) }, () =>
        Array.from(
          { length: Math.floor(next() * 8) },
          () => ALPHABET[Math.floor(next() * ALPHABET.length)],
        ).join(''),
      )
      expect(csvRecord(cells), JSON.stringify(cells)).toBe(library(cells))
    }
  })
})
