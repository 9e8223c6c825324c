// Tests (Node): hostile values for the contract fuzz — wrong types, edge numbers, huge and odd strings, nested
// garbage, prototype keys. Some are not JSON (NaN, BigInt, functions): dispatch sees them as they are, the HTTP
// path sees what JSON makes of them.
import type { Rng } from '../prng'

/** Keys that reach Object.prototype when code indexes a plain object with them. */
export const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
] as const

export const ODD_STRINGS = [
  '',
  ' ',
  '\t\n',
  'NaN',
  'Infinity',
  '-Infinity',
  '-1',
  '1e400',
  '0x10',
  'null',
  'undefined',
  'true',
  '[object Object]',
  '\u0000',
  '\uD800',
  '\uDFFF\uD800',
  '\u202Eevil',
  '\u200B\u200D\uFEFF',
  'é́́́',
  '👩‍👩‍👧‍👦'.repeat(3),
  '../../etc/passwd',
  '..\\..\\windows',
  '<script>alert(1)</script>',
  '"; DROP TABLE articles; --',
  '%00%2e%2e',
  'a#b,c',
  '/leading',
  'trailing/',
  'two//levels',
  ...PROTO_KEYS,
]

export const ODD_NUMBERS = [
  NaN,
  Infinity,
  -Infinity,
  -1,
  -0,
  0.5,
  1e308,
  -1e308,
  2 ** 53 + 1,
  Number.MIN_VALUE,
]

/** Just past the limits in the contract, and one well past them. */
const HUGE_LENGTHS = [121, 201, 301, 501, 1001, 2001, 4001, 100_001, 150_000]

export function hugeString(rng: Rng): string {
  const length = rng.chance(0.002) ? 5_000_001 : rng.pick(HUGE_LENGTHS)
  return rng.pick(['x', 'é', '9', ' ', '#']).repeat(length)
}

/** An object with an own `__proto__` (or other prototype) key, as JSON.parse would make it. */
export function ownKey(
  key: string,
  value: unknown,
  base: Record<string, unknown> = {},
): Record<string, unknown> {
  const out = { ...base }
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
  return out
}

export function pollutionPayload(rng: Rng): Record<string, unknown> {
  return rng.pick([
    () => ownKey('__proto__', { polluted: 'yes', isAdmin: true }),
    () => ({ constructor: { prototype: { polluted: 'yes' } } }),
    () => ownKey('__proto__', ownKey('__proto__', { polluted: 'deep' })),
    () => ({ prototype: { polluted: 'yes' }, toString: 'not a function', valueOf: 7 }),
  ])()
}

function nested(depth: number, leaf: unknown, asArray: boolean): unknown {
  let value = leaf
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value }
  return value
}

/** Any hostile value. `depth` bounds recursion so generation itself stays cheap. */
export function junk(rng: Rng, depth = 0): unknown {
  const makers: (() => unknown)[] = [
    () => null,
    () => undefined,
    () => rng.chance(0.5),
    () => rng.pick(ODD_NUMBERS),
    () => rng.int(-1e6, 1e6),
    () => rng.pick(ODD_STRINGS),
    () => hugeString(rng),
    () => [],
    () => ({}),
    () => pollutionPayload(rng),
    () => nested(rng.int(2, 1000), rng.pick(ODD_STRINGS), rng.chance(0.5)),
    () => BigInt(rng.int(0, 1e6)),
    () => new Date(rng.int(0, 2 ** 40)),
    () => new Uint8Array(rng.int(0, 64)),
    () => new Map([['a', 1]]),
    () => Object.create(null) as unknown,
    () => () => 'a function',
    () => Symbol('junk'),
    // eslint-disable-next-line no-sparse-arrays -- holes are the point
    () => [1, , 3],
    () => (depth < 2 ? Array.from({ length: rng.int(1, 4) }, () => junk(rng, depth + 1)) : []),
    () =>
      depth < 2
        ? Object.fromEntries(
            Array.from({ length: rng.int(1, 4) }, () => [rng.pick(ODD_STRINGS), junk(rng, depth + 1)]),
          )
        : {},
  ]
  return rng.pick(makers)()
}

/** JSON as the HTTP client sends it: BigInt has no JSON form, so it travels as a string. */
export function toJson(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))
}
