// Bench only (Node): figure detection built from Microsoft Recognizers-Text, in the shape the figure scorer
// (test/figures/score.ts) takes, to measure it against Glossa's rules (issue #13, bench/figures-recognizers.ts).
// Nothing in the app imports this file.
import { recognizeNumber, recognizePercentage } from '@microsoft/recognizers-text-number'
import {
  recognizeAge,
  recognizeCurrency,
  recognizeDimension,
  recognizeTemperature,
} from '@microsoft/recognizers-text-number-with-unit'
import type { Predicted } from '../test/figures/score'

/** What a Recognizers model returns: `end` is the index of the last character (inclusive). */
type ModelResult = { start: number; end: number; text: string; typeName: string; resolution: unknown }
type Recognize = (query: string, culture: string, options?: undefined, fallback?: boolean) => ModelResult[]

/** Our languages, and the culture each would use. */
export const CULTURES: Record<string, string> = {
  en: 'en-us',
  fr: 'fr-fr',
  es: 'es-es',
  de: 'de-de',
  uk: 'uk-ua',
  ru: 'ru-ru',
}

/**
 * Whether Recognizers has its own models for a culture. Asked with no fallback: by default an unknown
 * culture silently gets the English models.
 */
export function supportsCulture(culture: string): boolean {
  try {
    recognizeNumber('1', culture, undefined, false)
    return true
  } catch {
    return false
  }
}

/**
 * The models run, most specific first: a unit-bearing result wins over a bare number it overlaps. Age is run
 * only to drop what it finds (ages are not figures by our convention, README "Figures"); ordinals are not run
 * (not figures either). Duration and date-time live in other Recognizers packages, not evaluated here.
 */
const MODELS: { kind: string; rank: number; recognize: Recognize }[] = [
  { kind: 'age', rank: 4, recognize: recognizeAge },
  { kind: 'currency', rank: 3, recognize: recognizeCurrency },
  { kind: 'dimension', rank: 3, recognize: recognizeDimension },
  { kind: 'temperature', rank: 3, recognize: recognizeTemperature },
  { kind: 'percentage', rank: 2, recognize: recognizePercentage },
  { kind: 'number', rank: 1, recognize: recognizeNumber },
]

/**
 * Recognizers' unit names in our labels' vocabulary (test/fixtures/figures/README.md). Generous on purpose:
 * a bare dollar or pound sign is read as USD or GBP, as our labels do, though Recognizers leaves it open.
 * Names not here are kept as Recognizers writes them (and count as a wrong unit).
 */
const UNITS: Record<string, string> = {
  Dollar: 'USD',
  Pound: 'GBP',
  Kilometer: 'km',
  Meter: 'm',
  Centimeter: 'cm',
  Millimeter: 'mm',
  Mile: 'miles',
  Inch: 'inches',
  'Square kilometer': 'km²',
  'Square meter': 'm²',
  'Square hectometer': 'hectares',
  Hectare: 'hectares',
  Ton: 'tonnes',
  Kilogram: 'kg',
  Gram: 'g',
  Gigabyte: 'GB',
  'Kilometer per hour': 'km/h',
  'Mile per hour': 'mph',
  C: '°C',
}

type Hit = Predicted & { kind: string; rank: number }

/** A resolution's value as a number: "2700000000", "4.5%", "0.666666666666667", or "3,5" in Spanish. */
export function readValue(raw: unknown, lang: string): number | undefined {
  if (typeof raw !== 'string') return undefined
  let s = raw.replace(/%$/, '').trim()
  if ((lang === 'es' || lang === 'fr') && /^-?\d+,\d+$/.test(s)) s = s.replace(',', '.')
  const n = Number(s)
  return Number.isFinite(n) && s !== '' ? n : undefined
}

function toHit(r: ModelResult, kind: string, rank: number, lang: string): Hit | undefined {
  const res = (r.resolution ?? {}) as Record<string, unknown>
  const value = readValue(res.value, lang)
  if (value === undefined) return undefined
  const unitName = typeof res.unit === 'string' ? res.unit : undefined
  const iso = typeof res.isoCurrency === 'string' && res.isoCurrency !== '' ? res.isoCurrency : undefined
  const unit =
    kind === 'percentage'
      ? '%'
      : (iso ?? (unitName === undefined ? undefined : (UNITS[unitName] ?? unitName)))
  // Recognizers' `end` is inclusive; ours (and the scorer's) is exclusive.
  return { start: r.start, end: r.end + 1, text: r.text, value, unit, kind, rank }
}

/** Every figure Recognizers finds in `text`: overlapping results keep the most specific, then the longest. */
export function recognizersFigures(text: string, lang: string): Predicted[] {
  const culture = CULTURES[lang] ?? 'en-us'
  const hits: Hit[] = []
  for (const { kind, rank, recognize } of MODELS)
    for (const r of recognize(text, culture)) {
      if (/ordinal/i.test(r.typeName)) continue
      const hit = toHit(r, kind, rank, lang)
      if (hit) hits.push(hit)
    }
  hits.sort((a, b) => b.rank - a.rank || b.end - b.start - (a.end - a.start) || a.start - b.start)
  const kept: Hit[] = []
  for (const h of hits) if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h)
  return kept
    .filter((h) => h.kind !== 'age')
    .sort((a, b) => a.start - b.start)
    .map(({ start, end, value, unit }) => ({
      start,
      end,
      text: text.slice(start, end),
      value,
      ...(unit === undefined ? {} : { unit }),
    }))
}

/** How the hybrid chooses between our value and Recognizers' for one span. */
export type Choose = (figure: Predicted, recognized: number) => number

/**
 * The hybrid: our rules' spans, with Recognizers reading the value of each span written partly in words
 * ("two-thirds", "€2.7 billion", "trois millions"). Where it reads nothing, our value stays. `choose` takes
 * Recognizers' value (the plain hybrid) or, for the ceiling, whichever of the two the labels say is right.
 */
export function hybridFigures(
  ours: Predicted[],
  lang: string,
  tally: { spans: number; changed: number },
  choose: Choose = (_figure, recognized) => recognized,
): Predicted[] {
  return ours.map((figure) => {
    if (!/\p{L}{2,}/u.test(figure.text)) return figure
    tally.spans++
    const read = recognizersFigures(figure.text, lang).sort((a, b) => b.end - b.start - (a.end - a.start))[0]
    if (read === undefined || read.value === figure.value) return figure
    const value = choose(figure, read.value)
    if (value === figure.value) return figure
    tally.changed++
    return { ...figure, value }
  })
}
