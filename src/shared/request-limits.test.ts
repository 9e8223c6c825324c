import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { METHOD_NAMES } from './contract'
import { ARTICLE_REQUEST_BYTES, REQUEST_BYTES, longestString, maxRequestBytes } from './request-limits'

describe('request limits come from the contract', () => {
  it('gives 64 MB only to the methods that carry an article, 4 MB to every other', () => {
    const large = METHOD_NAMES.filter((m) => maxRequestBytes(m) === ARTICLE_REQUEST_BYTES)
    // A highlight's quote may be as long as an article's text (STORED_BOUNDS.exact): annotations carry one.
    expect(large.sort()).toEqual([
      'annotations.create',
      'annotations.update',
      'articles.create',
      'import.files',
      'import.text',
    ])
    for (const m of METHOD_NAMES) expect([ARTICLE_REQUEST_BYTES, REQUEST_BYTES]).toContain(maxRequestBytes(m))
    expect(REQUEST_BYTES).toBe(4 * 1024 * 1024)
    expect(maxRequestBytes('no.such.method')).toBe(REQUEST_BYTES)
    expect(maxRequestBytes('__proto__')).toBe(REQUEST_BYTES)
  })

  it.each([
    ['a string', z.string().max(10), 10],
    ['a string with no maximum', z.string().regex(/x/), 0],
    [
      'an optional field deep in arrays',
      z.object({ a: z.array(z.object({ b: z.string().max(7).optional() })) }),
      7,
    ],
    [
      'a refined strict object',
      z
        .object({ a: z.string().trim().max(30) })
        .strict()
        .refine(() => true),
      30,
    ],
    ['a union', z.union([z.string().max(3), z.object({ c: z.string().max(40) })]), 40],
    [
      'a record and a nullable',
      z.object({ r: z.record(z.string(), z.string().max(9)), n: z.string().max(2).nullable() }),
      9,
    ],
    ['no strings at all', z.object({ n: z.number(), b: z.boolean() }), 0],
  ])('reads the longest string allowed in %s', (_name, schema, expected) => {
    expect(longestString(schema)).toBe(expected)
  })
})
