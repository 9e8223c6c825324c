// Runs in tests: scores detectFigures against the hand-labelled articles in test/fixtures/figures.
// Set FIGURES_DEBUG=1 to print every miss, false positive and unit or qualifier disagreement.
import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { detectFigures } from './index'
import type { FigureCandidate } from './index'

const FIXTURES = new URL('../../../test/fixtures/figures/', import.meta.url)

const labelSchema = z.object({
  text: z.string().min(1),
  occurrence: z.int().positive().optional(),
  value: z.number(),
  max: z.number().optional(),
  unit: z.string().optional(),
  qualifier: z.string().optional(),
  vague: z.boolean().optional(),
})
type Label = z.infer<typeof labelSchema> & { start: number; end: number }

/** Start offsets of `needle` not glued to a letter or a digit (4% is not inside 6.4%). */
function wholeOccurrences(haystack: string, needle: string): number[] {
  const found: number[] = []
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack.slice(Math.max(0, at - 2), at)
    const after = haystack.slice(at + needle.length, at + needle.length + 2)
    if (!/([\p{L}\d]|\d[.,])$/u.test(before) && !/^([\p{L}\d]|[.,]\d)/u.test(after)) found.push(at)
  }
  return found
}

function loadArticles(): { name: string; text: string; labels: Label[] }[] {
  const names = readdirSync(FIXTURES).filter((f) => /^\d\d-.+\.txt$/.test(f))
  return names.map((name) => {
    const text = readFileSync(new URL(name, FIXTURES), 'utf8')
    const raw = JSON.parse(readFileSync(new URL(name.replace(/\.txt$/, '.figures.json'), FIXTURES), 'utf8'))
    const labels = z
      .array(labelSchema)
      .parse(raw)
      .map((label) => {
        const starts = wholeOccurrences(text, label.text)
        const start = starts[(label.occurrence ?? 1) - 1]
        if (start === undefined)
          throw new Error(`${name}: "${label.text}" #${label.occurrence ?? 1} not found`)
        if (starts.length > 1 && label.occurrence === undefined)
          throw new Error(`${name}: "${label.text}" occurs ${starts.length} times; add "occurrence"`)
        return { ...label, start, end: start + label.text.length }
      })
    return { name, text, labels }
  })
}

const sameNumber = (a: number | undefined, b: number | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)))

const matches = (label: Label, p: FigureCandidate): boolean =>
  p.start < label.end &&
  label.start < p.end &&
  sameNumber(label.value, p.value) &&
  (label.max === undefined || sameNumber(label.max, p.max))

const debug = (line: string): void => {
  if (process.env.FIGURES_DEBUG) console.log(line)
}

describe('figure detection on the labelled articles', () => {
  const articles = loadArticles()
  let labels = 0
  let predictions = 0
  let matched = 0
  let sameQualifier = 0
  let sameUnit = 0
  for (const { name, text, labels: expected } of articles) {
    expect(text).toMatch(/^date \d{4}-\d{2}-\d{2} \S.*\n\n\S/)
    const predicted = detectFigures(text)
    const used = new Set<FigureCandidate>()
    for (const label of expected) {
      const hit = predicted.find((p) => !used.has(p) && matches(label, p))
      if (hit === undefined) {
        debug(`${name} MISS ${JSON.stringify(label.text)} = ${label.value}`)
        continue
      }
      used.add(hit)
      matched++
      if (hit.qualifier === label.qualifier) sameQualifier++
      else debug(`${name} QUALIFIER ${JSON.stringify(hit.text)}: ${hit.qualifier} ≠ ${label.qualifier}`)
      if (hit.unit === label.unit) sameUnit++
      else debug(`${name} UNIT ${JSON.stringify(hit.text)}: ${hit.unit} ≠ ${label.unit}`)
    }
    for (const p of predicted.filter((p) => !used.has(p)))
      debug(`${name} EXTRA ${JSON.stringify(p.text)} = ${p.value}`)
    labels += expected.length
    predictions += predicted.length
  }
  const precision = matched / predictions
  const recall = matched / labels
  const round = (x: number): string => x.toFixed(3)
  console.log(
    `figures: precision ${round(precision)} recall ${round(recall)} over ${labels} labels in ${articles.length} articles`,
  )
  console.log(
    `figures: qualifier accuracy ${round(sameQualifier / matched)}, unit accuracy ${round(sameUnit / matched)} over ${matched} matched`,
  )

  it('has enough labelled material', () => {
    expect(articles.length).toBeGreaterThanOrEqual(12)
    expect(labels).toBeGreaterThanOrEqual(150)
    for (const { name, text } of articles) {
      const words = text.split(/\s+/).length
      expect([name, words >= 300 && words <= 700]).toEqual([name, true])
    }
  })

  it('finds the labelled figures with precision and recall of at least 0.95', () => {
    expect(precision).toBeGreaterThanOrEqual(0.95)
    expect(recall).toBeGreaterThanOrEqual(0.95)
  })

  it('reads qualifiers right on at least 95% of the figures it finds', () => {
    expect(sameQualifier / matched).toBeGreaterThanOrEqual(0.95)
  })
})
