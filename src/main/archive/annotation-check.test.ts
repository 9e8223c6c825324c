// Tests (Node): surelyAnnotation never accepts what annotationSchema refuses — 20,000 seeded annotations, valid
// ones and ones with a field changed to a value at or past one of the schema's bounds or to hostile junk — and
// takes the fast path for the annotations the app writes (a PDF selector is left to zod); the verdicts and
// reasons of checkAnnotationFile on a table of damaged files are zod's.
import { describe, expect, it } from 'vitest'
import { annotationSchema } from '../../shared/schemas'
import { createRng } from '../../../test/prng'
import type { Rng } from '../../../test/prng'
import { junk } from '../../../test/reliability/fuzz-junk'
import { surelyAnnotation } from './annotation-check'
import { checkAnnotationFile } from './records'

const ARTICLE = 'a1b2c3d4e5f6'

function valid(rng: Rng): Record<string, unknown> {
  const start = rng.int(0, 5000)
  const figure = rng.chance(0.5)
  return {
    id: `n${rng.int(100000, 999999)}`,
    articleId: ARTICLE,
    kind: figure ? 'figure' : 'highlight',
    color: rng.pick(['yellow', 'green', 'blue', 'pink', 'purple', 'orange']),
    note: rng.chance(0.3) ? 'a note — ї' : '',
    tags: rng.pick([[], ['war'], ['war/strikes', 'énergie'], [' padded ']]),
    target: {
      quote: { type: 'TextQuoteSelector', exact: 'quoted words', prefix: 'before ', suffix: ' after' },
      position: { type: 'TextPositionSelector', start, end: start + rng.int(1, 300) },
    },
    ...(figure
      ? {
          figure: {
            value: rng.int(-1000, 100000) / 10,
            ...(rng.chance(0.2) ? { max: 200000 } : {}),
            unit: 'people',
            qualifier: 'at least',
            metric: 'casualties/killed',
            periodStart: '2024-01-10',
            periodEnd: rng.pick(['2024-02-01', '2024-02-01T10:00:00Z']),
            place: 'Kharkiv',
            attributedTo: 'the governor',
          },
        }
      : {}),
    ...(rng.chance(0.1) ? { creator: 'ana' } : {}),
    createdAt: '2026-12-07T10:00:00.000Z',
    updatedAt: '2026-12-07T10:00:00.000Z',
  }
}

/** Every place in an annotation a value can be changed, as paths. */
const PATHS = [
  ['id'],
  ['articleId'],
  ['kind'],
  ['color'],
  ['note'],
  ['tags'],
  ['tags', 0],
  ['target'],
  ['target', 'quote'],
  ['target', 'quote', 'type'],
  ['target', 'quote', 'exact'],
  ['target', 'quote', 'prefix'],
  ['target', 'quote', 'suffix'],
  ['target', 'position'],
  ['target', 'position', 'type'],
  ['target', 'position', 'start'],
  ['target', 'position', 'end'],
  ['figure'],
  ...['value', 'max', 'unit', 'qualifier', 'metric', 'periodStart', 'periodEnd', 'place', 'attributedTo'].map(
    (k) => ['figure', k],
  ),
  ['pdf'],
  ['creator'],
  ['createdAt'],
  ['updatedAt'],
] as const

/** Values at and just past the schema's bounds, and of the wrong kind. */
function edge(rng: Rng): unknown {
  const n = rng.pick([
    0, 1, 3, 4, 40, 41, 64, 65, 80, 81, 100, 101, 120, 121, 200, 201, 1000, 1001, 100_000, 100_001,
  ])
  return rng.pick<() => unknown>([
    () => 'x'.repeat(n),
    () => ' '.repeat(n),
    () => `a${'b'.repeat(Math.max(0, n - 1))}`,
    () => Array.from({ length: Math.min(n, 1001) }, () => 'war'),
    () => n,
    () => -n,
    () => n + 0.5,
    () => 2 ** 53,
    () => rng.pick(['TextQuoteSelector', 'TextPositionSelector', 'figure', 'highlight', 'red', '2024-13-99']),
    () => rng.pick(['a/', '/a', 'a//b', 'a#b', 'a,b', ' ', '', 'ok']),
    () => null,
    () => undefined,
    () => ({}),
    () => [],
    () => junk(rng),
  ])()
}

function changed(base: Record<string, unknown>, path: readonly (string | number)[], value: unknown): unknown {
  const copy = structuredClone(base)
  let at: Record<string | number, unknown> = copy
  for (const key of path.slice(0, -1)) {
    const next = at[key]
    if (typeof next !== 'object' || next === null) return copy
    at = next as Record<string | number, unknown>
  }
  at[path[path.length - 1]] = value
  return copy
}

describe('surelyAnnotation', () => {
  it('accepts nothing the schema refuses, over 20,000 seeded annotations', () => {
    const rng = createRng(19)
    let sure = 0
    let validSure = 0
    let validCount = 0
    for (let i = 0; i < 20_000; i++) {
      const base = valid(rng)
      const raw = rng.chance(0.2) ? base : changed(base, rng.pick(PATHS), edge(rng))
      const fast = surelyAnnotation(raw)
      const zod = annotationSchema.safeParse(raw).success
      if (fast && !zod) throw new Error(`accepted what the schema refuses: ${JSON.stringify(raw)}`)
      if (fast) sure++
      if (raw === base) {
        validCount++
        if (fast) validSure++
      }
    }
    // The annotations the app writes take the fast path; the changed ones are a mix.
    expect(validSure).toBe(validCount)
    expect(sure).toBeGreaterThan(validCount)
  })

  it('leaves an annotation on a PDF page to zod', () => {
    const raw = {
      ...valid(createRng(1)),
      pdf: {
        page: 0,
        label: '1',
        fingerprint: 'f',
        quote: { type: 'TextQuoteSelector', exact: 'q', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: 1 },
      },
    }
    expect(annotationSchema.safeParse(raw).success).toBe(true)
    expect(surelyAnnotation(raw)).toBe(false)
    expect(checkAnnotationFile({ annotations: [raw] }, ARTICLE)).toBe(true)
  })
})

describe('checkAnnotationFile', () => {
  const ok = valid(createRng(2))
  it.each([
    ['a valid file', [ok], true],
    [
      'an end before its start',
      [changed(ok, ['target', 'position', 'end'], 0)],
      /annotation 0: target.position.end/,
    ],
    ['a tag with an empty level', [ok, changed(ok, ['tags'], ['a//b'])], /annotation 1: tags.0/],
    ['a figure over its max', [changed(ok, ['figure'], { value: 5, max: 4 })], /annotation 0: figure.max/],
    [
      'another article’s annotation',
      [changed(ok, ['articleId'], 'b1b2c3d4e5f6')],
      /belongs to article b1b2c3d4e5f6/,
    ],
    ['not an annotation', [null], /annotation 0: the record/],
  ])('%s', (_, annotations, expected) => {
    const verdict = checkAnnotationFile({ annotations }, ARTICLE)
    if (expected === true) expect(verdict).toBe(true)
    else expect(verdict).toMatch(expected as RegExp)
  })
})
