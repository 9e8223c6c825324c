import { describe, expect, it } from 'vitest'
import { formatDate, hostOf, parseDate, plural } from './format'

describe('formatDate', () => {
  it.each([
    ['2024-01-10', '10 Jan 2024'],
    ['2023-12-31', '31 Dec 2023'],
    ['1999-07-04', '4 Jul 1999'],
    ['', ''],
    [undefined, ''],
    ['2024-13-01', '2024-13-01'],
    ['2024-02-30', '2024-02-30'],
    ['2024-02-29', '29 Feb 2024'],
    ['2023-02-29', '2023-02-29'],
    ['2024-04-00', '2024-04-00'],
    ['last spring', 'last spring'],
    ['2024', '2024'],
  ])('%s → %s', (iso, expected) => {
    expect(formatDate(iso)).toBe(expected)
  })

  it("reads a timestamp's day in the local time zone, not in UTC", () => {
    const zone = process.env.TZ
    process.env.TZ = 'America/Los_Angeles'
    try {
      // 05:30 UTC on the 6th is still the evening of the 5th in California.
      expect(formatDate('2024-03-06T05:30:00Z')).toBe('5 Mar 2024')
    } finally {
      process.env.TZ = zone
      if (zone === undefined) delete process.env.TZ
    }
  })
})

describe('plural', () => {
  it.each([
    [0, '0 articles'],
    [1, '1 article'],
    [2, '2 articles'],
    [999, '999 articles'],
    [1000, '1,000 articles'],
    [10000, '10,000 articles'],
    [1234567, '1,234,567 articles'],
  ])('%i', (n, expected) => {
    expect(plural(n, 'article')).toBe(expected)
  })

  it('takes an irregular plural', () => {
    expect(plural(3, 'entry', 'entries')).toBe('3 entries')
  })
})

describe('hostOf', () => {
  it('drops www and survives bad URLs', () => {
    expect(hostOf('https://www.example.org/a')).toBe('example.org')
    expect(hostOf('not a url')).toBe('')
    expect(hostOf(undefined)).toBe('')
  })
})

describe('parseDate: a typed date to the ISO day it is stored as', () => {
  it.each([
    ['10 Jan 2024', '2024-01-10'],
    ['2024-01-10', '2024-01-10'],
    ['  1 january 2024 ', '2024-01-01'],
    ['Jan 10, 2024', '2024-01-10'],
    ['10 Sept 2023', '2023-09-10'],
    ['29 Feb 2024', '2024-02-29'],
    ['2024-1-5', '2024-01-05'],
    ['30 Feb 2024', undefined],
    ['2023-02-29', undefined],
    ['10 Ja 2024', undefined],
    ['10 Jan 24', undefined],
    ['01/10/2024', undefined],
    ['', undefined],
    ['next week', undefined],
  ])('%s → %s', (typed, iso) => {
    expect(parseDate(typed)).toBe(iso)
  })

  it('reads back every date formatDate writes', () => {
    for (let day = Date.UTC(2023, 0, 1); day < Date.UTC(2025, 0, 1); day += 86_400_000) {
      const iso = new Date(day).toISOString().slice(0, 10)
      expect(parseDate(formatDate(iso))).toBe(iso)
    }
  })
})
