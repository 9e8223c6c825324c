// Tests and scripts: scores figure detection and the form's prefill (period, speaker) against the labelled
// articles in test/fixtures/figures/<language>/. The functions scored are passed in, so the same scorer
// measures any version of the detector (a held-out set is scored on the detector as it was before a change).
import { readFileSync, readdirSync } from 'node:fs'
import { z } from 'zod'

export const FIXTURES = new URL('../fixtures/figures/', import.meta.url)

const labelSchema = z.object({
  text: z.string().min(1),
  occurrence: z.int().positive().optional(),
  value: z.number(),
  max: z.number().optional(),
  unit: z.string().optional(),
  qualifier: z.string().optional(),
  vague: z.boolean().optional(),
  period: z.object({ start: z.iso.date(), end: z.iso.date() }).nullable().optional(),
  attributedTo: z.string().nullable().optional(),
})
export type Label = z.infer<typeof labelSchema> & { start: number; end: number }
export type Article = { lang: string; name: string; text: string; date: string; labels: Label[] }

export type Predicted = {
  start: number
  end: number
  text: string
  value: number
  max?: number
  unit?: string
  qualifier?: string
}
export type Scored = {
  detect: (text: string, lang: string) => Predicted[]
  period?: (args: {
    text: string
    start: number
    end: number
    articleDate: string
    lang: string
  }) => { start: string; end: string } | undefined
  speaker?: (args: { text: string; start: number; end: number; lang: string }) => string | undefined
}

/** Start offsets of `needle` not glued to a letter or a digit (4% is not inside 6.4%). */
export function wholeOccurrences(haystack: string, needle: string): number[] {
  const found: number[] = []
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack.slice(Math.max(0, at - 2), at)
    const after = haystack.slice(at + needle.length, at + needle.length + 2)
    if (!/([\p{L}\d]|\d[.,])$/u.test(before) && !/^([\p{L}\d]|[.,]\d)/u.test(after)) found.push(at)
  }
  return found
}

/**
 * The set written for this session's rules to be measured on (their writers never read it, nor any score of it):
 * only the lead scores it (GLOSSA_LEAD=1), and the unit tests once its floors are in labelled-set.test.ts.
 */
export const HELD_OUT_SET = 'figures-holdout-15'

/** Every set the rules may be read and scored on: the project's set and the held-out sets already scored. */
export const READ_SETS = [
  'figures',
  ...['', '-2', '-3', '-4', '-5', '-6', '-7', '-8', '-9', '-10', '-11', '-12', '-13', '-14'].map(
    (n) => `figures-holdout${n}`,
  ),
]

export function refuseHeldOut(set: string): void {
  if (set === HELD_OUT_SET && !process.env.GLOSSA_LEAD && !process.env.VITEST)
    throw new Error(
      `${set} is held out: only the lead scores it (GLOSSA_LEAD=1), after the rules are written`,
    )
}

/** The labelled articles of one language, from `test/fixtures/figures/` or another set beside it. */
export function loadArticles(lang: string, set = 'figures'): Article[] {
  refuseHeldOut(set)
  const dir = new URL(`../fixtures/${set}/${lang}/`, import.meta.url)
  const names = readdirSync(dir)
    .filter((f) => /^\d\d-.+\.txt$/.test(f))
    .sort()
  return names.map((name) => {
    const text = readFileSync(new URL(name, dir), 'utf8')
    const raw = JSON.parse(readFileSync(new URL(name.replace(/\.txt$/, '.figures.json'), dir), 'utf8'))
    const labels = z
      .array(labelSchema)
      .parse(raw)
      .map((label) => {
        const starts = wholeOccurrences(text, label.text)
        const start = starts[(label.occurrence ?? 1) - 1]
        if (start === undefined)
          throw new Error(`${lang}/${name}: "${label.text}" #${label.occurrence ?? 1} not found`)
        if (starts.length > 1 && label.occurrence === undefined)
          throw new Error(`${lang}/${name}: "${label.text}" occurs ${starts.length} times; add "occurrence"`)
        return { ...label, start, end: start + label.text.length }
      })
    const date = /^date (\d{4}-\d{2}-\d{2}) /.exec(text)?.[1] ?? ''
    return { lang, name, text, date, labels }
  })
}

const sameNumber = (a: number | undefined, b: number | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)))

const matches = (label: Label, p: Predicted): boolean =>
  p.start < label.end &&
  label.start < p.end &&
  sameNumber(label.value, p.value) &&
  (label.max === undefined || sameNumber(label.max, p.max))

/**
 * A speaker's name compared as the scorer compares it: lowercased, a leading article and the quotation marks
 * around a body's name set aside ("«Дентал Лига»" and "Дентал Лига" are one name; the sets wrote both).
 */
export const speakerKey = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[«»„“”"]/g, '')
    .replace(/^(the|la|le|les|el|los|die|der|das)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim()

/** Whether the prefill's speaker (`found`) is the label's (null: the article's own voice, nothing found). */
export const sameSpeaker = (label: string | null, found: string | undefined): boolean => {
  if (label === null) return found === undefined
  return found !== undefined && speakerKey(label) === speakerKey(found)
}

export type Score = {
  lang: string
  articles: number
  labels: number
  predictions: number
  matched: number
  precision: number
  recall: number
  qualifier: number
  unit: number
  periodLabels: number
  periodRight: number
  speakerLabels: number
  speakerRight: number
  misses: string[]
}

export function score(articles: Article[], scored: Scored): Score {
  const s: Score = {
    lang: articles[0]?.lang ?? '',
    articles: articles.length,
    labels: 0,
    predictions: 0,
    matched: 0,
    precision: 0,
    recall: 0,
    qualifier: 0,
    unit: 0,
    periodLabels: 0,
    periodRight: 0,
    speakerLabels: 0,
    speakerRight: 0,
    misses: [],
  }
  let sameQualifier = 0
  let sameUnit = 0
  for (const { lang, name, text, date, labels } of articles) {
    const predicted = scored.detect(text, lang)
    const used = new Set<Predicted>()
    for (const label of labels) {
      if (label.period !== undefined && scored.period) {
        s.periodLabels++
        const got = scored.period({ text, start: label.start, end: label.end, articleDate: date, lang })
        const right =
          label.period === null
            ? got === undefined
            : got !== undefined && got.start === label.period.start && got.end === label.period.end
        if (right) s.periodRight++
        else
          s.misses.push(
            `${name} PERIOD ${JSON.stringify(label.text)}: ${got ? `${got.start}..${got.end}` : '-'} ≠ ${label.period ? `${label.period.start}..${label.period.end}` : '-'}`,
          )
      }
      if (label.attributedTo !== undefined && scored.speaker) {
        s.speakerLabels++
        const got = scored.speaker({ text, start: label.start, end: label.end, lang })
        if (sameSpeaker(label.attributedTo, got)) s.speakerRight++
        else
          s.misses.push(
            `${name} SPEAKER ${JSON.stringify(label.text)}: ${got ?? '-'} ≠ ${label.attributedTo ?? '-'}`,
          )
      }
      const hit = predicted.find((p) => !used.has(p) && matches(label, p))
      if (hit === undefined) {
        s.misses.push(`${name} MISS ${JSON.stringify(label.text)} = ${label.value}`)
        continue
      }
      used.add(hit)
      s.matched++
      if (hit.qualifier === label.qualifier) sameQualifier++
      else
        s.misses.push(`${name} QUALIFIER ${JSON.stringify(hit.text)}: ${hit.qualifier} ≠ ${label.qualifier}`)
      if (hit.unit === label.unit) sameUnit++
      else s.misses.push(`${name} UNIT ${JSON.stringify(hit.text)}: ${hit.unit} ≠ ${label.unit}`)
    }
    for (const p of predicted.filter((p) => !used.has(p)))
      s.misses.push(`${name} EXTRA ${JSON.stringify(p.text)} = ${p.value}`)
    s.labels += labels.length
    s.predictions += predicted.length
  }
  s.precision = s.predictions === 0 ? 0 : s.matched / s.predictions
  s.recall = s.labels === 0 ? 0 : s.matched / s.labels
  s.qualifier = s.matched === 0 ? 0 : sameQualifier / s.matched
  s.unit = s.matched === 0 ? 0 : sameUnit / s.matched
  return s
}

export function formatScore(s: Score): string {
  const r = (x: number) => x.toFixed(3)
  const ratio = (a: number, b: number) => (b === 0 ? 'n/a' : `${r(a / b)} (${a}/${b})`)
  return (
    `${s.lang}: ${s.articles} articles, ${s.labels} labels — precision ${r(s.precision)} recall ${r(s.recall)}` +
    ` qualifier ${r(s.qualifier)} unit ${r(s.unit)} period ${ratio(s.periodRight, s.periodLabels)}` +
    ` speaker ${ratio(s.speakerRight, s.speakerLabels)}`
  )
}
