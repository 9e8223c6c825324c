// Tests (Node): the contract fuzz's cases: a valid call (fuzz-valid.ts) with one to three mutations applied, or a
// call to a method that does not exist.
import { METHOD_NAMES } from '../../src/shared/contract'
import type { MethodName } from '../../src/shared/contract'
import { ODD_NUMBERS, ODD_STRINGS, PROTO_KEYS, hugeString, junk, pollutionPayload } from './fuzz-junk'
import { VALID } from './fuzz-valid'
import type { FuzzContext } from './fuzz-valid'
import type { Rng } from '../prng'

export type { FuzzContext }
export type FuzzCase = { method: string; args: unknown }

const ODD_METHODS = [
  '__proto__',
  'toString',
  'constructor',
  'hasOwnProperty',
  '../x',
  '../../etc/passwd',
  '',
  ' ',
  'articles',
  'articles.',
  '.list',
  'ARTICLES.LIST',
  'articles.list ',
  'articles.list\u0000',
  'app.info/x',
  'articles.get?id=1',
  '%2e%2e',
  'x'.repeat(5000),
]

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number; value: unknown }

/** Every field and array element in `value`, at any depth. */
function slots(value: unknown, out: Slot[] = []): Slot[] {
  if (value === null || typeof value !== 'object') return out
  const proto: unknown = Object.getPrototypeOf(value)
  // Only plain containers: a typed array, Map or Date is a leaf value here.
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return out
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? [...value.entries()]
    : Object.entries(value as Record<string, unknown>)
  for (const [key, v] of entries) {
    out.push({ parent: value as Slot['parent'], key, value: v })
    slots(v, out)
  }
  return out
}

function someId(rng: Rng, c: FuzzContext): string {
  return rng.pick([
    ...c.articles,
    ...c.annotations.map((a) => a.id),
    ...c.collections,
    ...c.trashed,
    ...c.snapshots,
    'constructor',
    'zzzz0000dead',
    'ABCD1234',
    'abc',
    '-abcd',
    // For ids that name files (snapshots): paths out of their folder.
    '..',
    '../glossa.json',
    '../../../../etc/passwd',
    `${c.snapshots[0]}/../../glossa.json`,
  ])
}

/** A replacement for `current` that keeps or breaks its type. */
function replacement(rng: Rng, c: FuzzContext, key: string | number, current: unknown): unknown {
  if (typeof key === 'string' && /id/i.test(key) && rng.chance(0.5)) return someId(rng, c)
  if (typeof current === 'string') {
    return rng.pick([
      () => hugeString(rng),
      () => rng.pick(ODD_STRINGS),
      () => current + rng.pick(ODD_STRINGS),
      () => rng.pick(PROTO_KEYS),
      () => someId(rng, c),
      () => junk(rng),
    ])()
  }
  if (typeof current === 'number')
    return rng.pick([() => rng.pick(ODD_NUMBERS), () => String(current), () => junk(rng)])()
  if (Array.isArray(current)) {
    return rng.pick([
      () => [],
      () => [...current, ...current],
      () => [current],
      () =>
        Array.from({ length: 10_001 }, () =>
          typeof current[0] === 'string' && current[0].length < 100 ? current[0] : 'x',
        ),
      () => (current.length < 20 ? current.map(() => junk(rng)) : []),
      () => ({ ...current }),
      () => [...current, rng.pick(PROTO_KEYS)],
    ])()
  }
  if (current && typeof current === 'object') {
    return rng.pick([
      () => [current],
      () => null,
      () => ({}),
      () => ({ ...current, ...pollutionPayload(rng) }),
      () => junk(rng),
    ])()
  }
  return junk(rng)
}

function mutate(rng: Rng, c: FuzzContext, args: unknown): unknown {
  const targets = slots(args)
  if (!targets.length || rng.chance(0.08)) {
    return rng.pick([
      () => junk(rng),
      () => [args],
      () => pollutionPayload(rng),
      () => ({ ...(args as object), ...pollutionPayload(rng) }),
    ])()
  }
  const slot = rng.pick(targets)
  const { parent, key } = slot
  const op = rng.int(0, 9)
  if (op === 0 && !Array.isArray(parent)) delete parent[key as string]
  else if (op === 1 && !Array.isArray(parent)) {
    const extraKey = rng.pick([...PROTO_KEYS, ...ODD_STRINGS, 'extra'])
    // Mostly an own key, as JSON.parse makes it; sometimes an inherited field, as `{ __proto__: … }` makes it.
    if (extraKey === '__proto__' && rng.chance(0.3))
      Object.setPrototypeOf(parent, { polluted: 'yes', title: 'inherited' })
    else
      Object.defineProperty(parent, extraKey, {
        value: junk(rng),
        enumerable: true,
        writable: true,
        configurable: true,
      })
  } else if (Array.isArray(parent)) parent[key as number] = replacement(rng, c, key, slot.value)
  else parent[key as string] = replacement(rng, c, key, slot.value)
  return args
}

/** Generated lazily: some cases are large, and only a batch at a time needs to be in memory. */
export function* generateCases(rng: Rng, c: FuzzContext, count: number): Generator<FuzzCase> {
  for (let made = 0; made < count; made++) {
    const method = rng.pick(METHOD_NAMES)
    // A deep copy: mutations edit in place and must not reach the shared fixture values.
    let args: unknown = structuredClone(VALID[method](c))
    if (rng.chance(0.06)) {
      const name = rng.chance(0.3)
        ? method.replace(/\.|s/, rng.pick(['', '/', '..', 'S']))
        : rng.pick(ODD_METHODS)
      yield { method: name, args }
      continue
    }
    const rounds = rng.pick([1, 1, 1, 1, 2, 2, 3])
    for (let i = 0; i < rounds; i++) args = mutate(rng, c, args)
    yield { method, args }
  }
}

/** The unmutated example for a method, for the final calls that must still succeed. */
export function validCall(method: MethodName, c: FuzzContext): FuzzCase {
  return { method, args: VALID[method](c) }
}
