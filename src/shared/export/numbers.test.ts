import { describe, expect, it } from 'vitest'
import { groupedNumber, plainNumber } from './numbers'

describe('plainNumber', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [50, '50'],
    [-3.5, '-3.5'],
    [2 / 3, '0.6666666666666666'],
    [1_200_000_000, '1200000000'],
    [1e21, '1000000000000000000000'],
    [1.5e21, '1500000000000000000000'],
    [-2.5e22, '-25000000000000000000000'],
    [1e-7, '0.0000001'],
    [1.25e-7, '0.000000125'],
    [Number.MAX_SAFE_INTEGER, '9007199254740991'],
    [Number.NaN, ''],
    [Number.POSITIVE_INFINITY, ''],
  ])('writes %s as %s', (n, text) => {
    expect(plainNumber(n)).toBe(text)
  })

  it.each([0.1, 1e21, 1.5e-7, 123456.789, -9.99e-10, 2 / 3])('reads back %s exactly', (n) => {
    expect(Number(plainNumber(n))).toBe(n)
  })
})

describe('groupedNumber', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [-1234567.25, '-1,234,567.25'],
    [1_200_000_000, '1,200,000,000'],
    [0.000123, '0.000123'],
    [1e21, '1,000,000,000,000,000,000,000'],
  ])('writes %s as %s', (n, text) => {
    expect(groupedNumber(n)).toBe(text)
  })
})
