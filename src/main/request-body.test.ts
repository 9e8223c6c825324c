// Tests (Node): the nesting scan browser mode and the connector run before JSON.parse. It must refuse what nests
// too deep, never count brackets inside strings, and pass every valid call the contract has an example of.
import { describe, expect, it } from 'vitest'
import { MAX_JSON_DEPTH, nestsDeeperThan } from './request-body'
import { VALID } from '../../test/reliability/fuzz-valid'
import type { FuzzContext } from '../../test/reliability/fuzz-cases'
import { sampleTarget } from '../../test/temp-archive'

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n)
const deepObject = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)

describe('nestsDeeperThan', () => {
  it.each([
    ['arrays at the limit', deep(MAX_JSON_DEPTH), false],
    ['arrays one past it', deep(MAX_JSON_DEPTH + 1), true],
    ['objects one past it', deepObject(MAX_JSON_DEPTH + 1), true],
    ['a million arrays deep', deep(1_000_000), true],
    ['brackets inside a string', JSON.stringify({ note: '['.repeat(100_000) }), false],
    [
      'an escaped quote before brackets in a string',
      JSON.stringify({ note: `\\"${'{'.repeat(1000)}` }),
      false,
    ],
    ['brackets after a string with an escaped backslash', `{"a":"\\\\",${'['.repeat(70)}`, true],
    ['an empty body', '', false],
  ])('%s', (_name, raw, expected) => {
    expect(nestsDeeperThan(raw, MAX_JSON_DEPTH)).toBe(expected)
  })

  it('passes every valid call of the contract', () => {
    const text = 'The board said 3,400 households were without water.'
    const ctx: FuzzContext = {
      text,
      target: sampleTarget(text, '3,400 households'),
      articles: ['a1b2c3d4e5f6'],
      annotations: [{ articleId: 'a1b2c3d4e5f6', id: '0123456789ab' }],
      collections: ['c1'],
      trashed: ['f6e5d4c3b2a1'],
      snapshots: ['snapshot-1'],
    }
    for (const [method, example] of Object.entries(VALID)) {
      const raw = JSON.stringify((example as (c: FuzzContext) => unknown)(ctx))
      expect(nestsDeeperThan(raw, 10), method).toBe(false)
    }
  })
})
