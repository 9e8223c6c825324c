import { describe, expect, it } from 'vitest'
import { dateSchema } from '../../shared/schemas'
import { normalizeDate } from './dates'

describe('normalizeDate', () => {
  it.each([
    ['a calendar date', '2024-01-10', '2024-01-10'],
    ['a UTC timestamp', '2024-01-10T07:45:00Z', '2024-01-10T07:45:00Z'],
    ['an offset timestamp', '2024-01-10T07:45:00+02:00', '2024-01-10T07:45:00+02:00'],
    ['an offset without colon', '2024-01-10T07:45:00+0200', '2024-01-10T07:45:00+0200'],
    ['fractional seconds', '2024-01-10T07:45:00.123Z', '2024-01-10T07:45:00.123Z'],
    ['minutes only, space separated', '2024-01-10 07:45', '2024-01-10T07:45:00'],
    ['a lower-case separator and zone', '2024-01-10t07:45:00z', '2024-01-10T07:45:00Z'],
    ['a date with trailing words', '2024-01-10 (updated)', '2024-01-10'],
    ['an impossible time keeps the day', '2024-01-10T25:00:00Z', '2024-01-10'],
    ['English month name', 'January 10, 2024', '2024-01-10'],
    ['day first', '9 January 2024, 14:05 GMT', '2024-01-09'],
    ['slashes', '2024/01/10', '2024-01-10'],
    ['with a label', 'Published: 10 Jan 2024', '2024-01-10'],
    ['a Date object', new Date('2024-01-10T00:00:00Z'), '2024-01-10T00:00:00.000Z'],
  ])('%s', (_name, raw, expected) => {
    const out = normalizeDate(raw)
    expect(out).toBe(expected)
    expect(dateSchema.safeParse(out).success).toBe(true)
  })

  it.each([
    ['an impossible day', '2024-02-30'],
    ['a relative date', '3 hours ago'],
    ['a weekday alone', 'Tuesday'],
    ['a month without a day', 'January 2024'],
    ['no date at all', 'Updated recently'],
    ['empty', ''],
    ['not a string', 20240110],
  ])('%s → undefined', (_name, raw) => {
    expect(normalizeDate(raw)).toBeUndefined()
  })
})
