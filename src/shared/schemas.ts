// Runs everywhere (main, preload, renderer, CLI, tests): the zod schemas of Glossa's domain.
// The TypeScript types in types.ts are inferred from these, so the two cannot drift.
import { z } from 'zod'
import { PDF_ASSET_NAME } from './assets'
import { isWebUrl } from './url-safety'
import { HIGHLIGHT_COLORS, TAG_NAME_MAX, TAG_NAME_RULES } from './vocabulary'

export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{3,63}$/
export const idSchema = z
  .string()
  .regex(ID_PATTERN, 'must be an id of 4–64 lowercase letters, digits, _ or -')

/** An article's address as callers may set it: only what import accepts (http: or https:, with a host). */
export const webUrlSchema = z
  .string()
  .max(4000)
  .refine(isWebUrl, 'must be an http(s) address such as https://example.org/page')

/** A calendar date, or a full ISO timestamp. */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'must be an ISO date such as 2024-01-10')

export { HIGHLIGHT_COLORS }
export const colorSchema = z.enum(HIGHLIGHT_COLORS)

/** Tags are hierarchical by '/': `strikes/launched`. */
export const tagNameSchema = TAG_NAME_RULES.reduce(
  (schema, rule) => schema.regex(rule.pattern, rule.message),
  z.string().trim().min(1, 'must not be empty').max(TAG_NAME_MAX),
)

/**
 * Bounds of stored strings and lists that had none. Each is generous: derived from the most the app itself can
 * make, so no real archive's record is refused, while a hand-edited one holding 50 MB in a field is (a record
 * over a bound is refused by name by the records gate, the rest of the archive opens). The request limit of
 * a call carrying one of these follows from them (request-limits.ts).
 */
export const STORED_BOUNDS = {
  /** A highlight's quote: at most the whole article's text, and import takes no text longer than 20,000,000. */
  exact: 20_000_000,
  /** The text either side of a quote: the reader and the connector keep 32 characters; other tools far fewer than this. */
  context: 100_000,
  /** A time the app stamps (`toISOString()`, 24 characters; with an offset or a six-digit year under 40). */
  time: 100,
  /** An article's text hash: 32 hex characters of a SHA-256, or empty for an article received by team sync. */
  hash: 200,
  /** Tags on one article or annotation, collections of one article: far beyond any real use (the app refuses more). */
  list: 1000,
  /**
   * One article's count of its annotations (of a kind, or carrying a tag): no annotations file holds ten million
   * (the file would pass gigabytes), and summed over a million articles it stays an exact integer — two counts
   * near 2^53 made tags.list answer a count its contract refuses.
   */
  count: 10_000_000,
} as const

export const textQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(STORED_BOUNDS.exact),
  prefix: z.string().max(STORED_BOUNDS.context),
  suffix: z.string().max(STORED_BOUNDS.context),
})

export const textPositionSelectorSchema = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.int().nonnegative(),
    end: z.int().nonnegative(),
  })
  .refine((s) => s.end > s.start, { message: 'end must be after start', path: ['end'] })

export const targetSchema = z.object({
  quote: textQuoteSelectorSchema,
  position: textPositionSelectorSchema,
})

export const figureSchema = z
  .object({
    value: z.number().finite(),
    max: z.number().finite().optional(),
    unit: z.string().max(80).optional(),
    qualifier: z.string().max(40).optional(),
    metric: tagNameSchema.optional(),
    periodStart: dateSchema.optional(),
    periodEnd: dateSchema.optional(),
    place: z.string().max(200).optional(),
    attributedTo: z.string().max(200).optional(),
  })
  .refine((f) => f.max === undefined || f.max >= f.value, {
    message: 'max must not be below value',
    path: ['max'],
  })

export const annotationKindSchema = z.enum(['highlight', 'figure'])

/** Where an annotation of a PDF report is on its page: the page (index and label), the document's pdf.js
 * fingerprint, and TextQuote/TextPosition selectors on that page's text (src/shared/pdf-text.ts). */
export const pdfSelectorSchema = z.object({
  page: z.int().nonnegative().max(100_000),
  label: z.string().max(40),
  fingerprint: z.string().max(200),
  quote: textQuoteSelectorSchema,
  position: textPositionSelectorSchema,
  /** Shared by the per-page annotations one selection across pages became. */
  group: idSchema.optional(),
  /** Where the passage was painted on its page when made: [x, y, width, height] in page units at scale 1, from
   * the top left; a fallback for painting, never used to anchor. */
  rects: z
    .array(z.tuple([z.number(), z.number(), z.number(), z.number()]))
    .max(200)
    .optional(),
})

export const annotationSchema = z.object({
  id: idSchema,
  articleId: idSchema,
  kind: annotationKindSchema,
  color: colorSchema,
  note: z.string().max(100_000),
  tags: z.array(tagNameSchema).max(STORED_BOUNDS.list),
  target: targetSchema,
  figure: figureSchema.optional(),
  /** On a PDF report: its page selector (set by the archive from the article's pages). */
  pdf: pdfSelectorSchema.optional(),
  /** Who made it: the team user name when the archive syncs with a team (W3C `creator` in JSON-LD). */
  creator: z.string().trim().min(1).max(200).optional(),
  createdAt: z.string().max(STORED_BOUNDS.time),
  updatedAt: z.string().max(STORED_BOUNDS.time),
})

const countSchema = z.int().nonnegative().max(STORED_BOUNDS.count)

export const articleCountsSchema = z.object({
  highlights: countSchema,
  figures: countSchema,
  notes: countSchema,
})

export const articleMetaSchema = z.object({
  id: idSchema,
  title: z.string().min(1).max(1000),
  source: z.string().max(300).optional(),
  url: z.string().max(4000).optional(),
  author: z.string().max(500).optional(),
  publishedAt: dateSchema.optional(),
  language: z.string().max(20).optional(),
  excerpt: z.string().max(2000).optional(),
  addedAt: z.string().max(STORED_BOUNDS.time),
  tags: z.array(tagNameSchema).max(STORED_BOUNDS.list),
  textHash: z.string().max(STORED_BOUNDS.hash),
  length: z.int().nonnegative(),
  counts: articleCountsSchema,
  /** Tag → number of this article's annotations carrying it (figure metrics included). */
  annotationTags: z.record(z.string(), countSchema),
  /** Highlight colours used in this article, for the library's colour filter. */
  annotationColors: z.array(colorSchema).max(STORED_BOUNDS.list).optional(),
  /** Who made this article's annotations (team members' user names), for the library's person filter. */
  annotationCreators: z.array(z.string().max(200)).max(1000).optional(),
  /** Ids of the collections this article belongs to. */
  collections: z.array(idSchema).max(STORED_BOUNDS.list).optional(),
  canonicalUrl: z.string().max(4000).optional(),
  /** A PDF report: its file in the archive (`assets/<id>/<file>`), page count, pdf.js fingerprint; `scanned` when
   * no page has text. Its text is the pages' texts (src/shared/pdf-text.ts) joined by blank lines. */
  pdf: z
    .object({
      file: z.string().regex(PDF_ASSET_NAME, 'must be a SHA-256 and .pdf'),
      pages: z.int().positive().max(100_000),
      fingerprint: z.string().max(200),
      scanned: z.boolean(),
      /** [start, end] of each page's text in the article's text (an empty page: start = end). */
      pageRanges: z
        .array(z.tuple([z.int().nonnegative(), z.int().nonnegative()]))
        .max(100_000)
        .optional(),
      /** The PDF's own page labels ("iv", "12"), only when they differ from the page numbers. */
      labels: z.array(z.string().max(40)).max(100_000).optional(),
    })
    .optional(),
})

/** What the library list needs of each article: the rest stays out of the 10,000-row payload. Filters on
 * annotation tags and colours ask `articles.matching`, so those per-article maps stay on the main side. */
export const articleListItemSchema = articleMetaSchema.pick({
  id: true,
  title: true,
  source: true,
  publishedAt: true,
  addedAt: true,
  tags: true,
  counts: true,
  collections: true,
})

export const articleSchema = articleMetaSchema.extend({
  /** The plain text every annotation is anchored on. */
  text: z.string(),
  /** Sanitized HTML whose text content equals `text` up to whitespace; absent for plain-text articles. */
  html: z.string().optional(),
})

export const collectionSchema = z.object({
  id: idSchema,
  name: z.string().trim().min(1).max(200),
  count: z.int().nonnegative(),
})

export const tagSchema = z.object({
  name: tagNameSchema,
  color: colorSchema.optional(),
  count: z.int().nonnegative(),
})

export const errorCodeSchema = z.enum([
  'invalid_argument',
  'not_found',
  'unknown_method',
  'corrupt_file',
  'read_only',
  'conflict',
  'unauthorized',
  'too_large',
  /** The team's sync server could not be reached (offline, wrong address). */
  'unreachable',
  'internal',
])
