// Main process and export job: whether a stored annotation certainly has annotationSchema's shape, checked
// without copying it. zod's safeParse builds a copy of every object and array it checks, and reading 1,000,000
// annotations for an export spent more on that copy and its garbage than on JSON.parse (bench/README "Ninth
// session"). This check is sufficient, never necessary: it answers true only when every rule of the schema
// holds — each string's bounds, every id's pattern, each enum, every number's kind, both refinements — and
// false for anything unusual (a PDF selector, a field of another type), for which the caller asks zod, whose
// verdict and reason stand. Tag names and dates are checked by their own zod schemas, remembered per string
// (they repeat across an archive), so their rules live in one place.
import {
  annotationKindSchema,
  colorSchema,
  dateSchema,
  ID_PATTERN,
  STORED_BOUNDS,
  tagNameSchema,
} from '../../shared/schemas'

type Raw = Record<string, unknown>

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v)
const isText = (v: unknown, min: number, max: number): v is string =>
  typeof v === 'string' && v.length >= min && v.length <= max
const isId = (v: unknown) => typeof v === 'string' && ID_PATTERN.test(v)
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
const optional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v)

/** Verdicts of a small zod schema per string seen, so each distinct tag or date is parsed once. */
function remembered(schema: { safeParse(v: unknown): { success: boolean } }): (v: unknown) => boolean {
  const seen = new Map<string, boolean>()
  return (v) => {
    if (typeof v !== 'string') return false
    let ok = seen.get(v)
    if (ok === undefined) {
      ok = schema.safeParse(v).success
      if (seen.size >= 50_000) seen.clear()
      seen.set(v, ok)
    }
    return ok
  }
}

const isTagName = remembered(tagNameSchema)
const isDate = remembered(dateSchema)
const isColor = remembered(colorSchema)
const isKind = remembered(annotationKindSchema)

function isTarget(v: unknown): boolean {
  if (!isObject(v)) return false
  const { quote, position } = v
  return (
    isObject(quote) &&
    quote.type === 'TextQuoteSelector' &&
    isText(quote.exact, 1, STORED_BOUNDS.exact) &&
    isText(quote.prefix, 0, STORED_BOUNDS.context) &&
    isText(quote.suffix, 0, STORED_BOUNDS.context) &&
    isObject(position) &&
    position.type === 'TextPositionSelector' &&
    isCount(position.start) &&
    isCount(position.end) &&
    position.end > position.start
  )
}

function isFigure(v: unknown): boolean {
  if (!isObject(v)) return false
  return (
    isFiniteNumber(v.value) &&
    optional(v.max, isFiniteNumber) &&
    optional(v.unit, (u) => isText(u, 0, 80)) &&
    optional(v.qualifier, (q) => isText(q, 0, 40)) &&
    optional(v.metric, isTagName) &&
    optional(v.periodStart, isDate) &&
    optional(v.periodEnd, isDate) &&
    optional(v.place, (p) => isText(p, 0, 200)) &&
    optional(v.attributedTo, (a) => isText(a, 0, 200)) &&
    (v.max === undefined || (v.max as number) >= (v.value as number))
  )
}

/** The schema trims a creator before its bounds. */
const isCreator = (v: unknown) => typeof v === 'string' && isText(v.trim(), 1, 200)

/** True only when `raw` certainly passes annotationSchema; false means "ask zod", not "refused". */
export function surelyAnnotation(raw: unknown): boolean {
  if (!isObject(raw)) return false
  const tags = raw.tags
  if (!Array.isArray(tags) || tags.length > STORED_BOUNDS.list) return false
  for (const tag of tags) if (!isTagName(tag)) return false
  return (
    isId(raw.id) &&
    isId(raw.articleId) &&
    isKind(raw.kind) &&
    isColor(raw.color) &&
    isText(raw.note, 0, 100_000) &&
    isTarget(raw.target) &&
    optional(raw.figure, isFigure) &&
    // A PDF report's selector is rarer and richer: zod checks it.
    raw.pdf === undefined &&
    optional(raw.creator, isCreator) &&
    isText(raw.createdAt, 0, STORED_BOUNDS.time) &&
    isText(raw.updatedAt, 0, STORED_BOUNDS.time)
  )
}
