// Runs everywhere: the arguments and results of the Figures view's methods (figures.*) in the contract.
import { z } from 'zod'
import { annotationSchema, articleMetaSchema, figureSchema, idSchema, tagNameSchema } from '../schemas'
import { FIGURE_SORT_KEYS } from './table'

const isoDay = z
  .string()
  .max(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2024-01-10')

/** The Figures view's filters, as main applies them (src/shared/figures/table.ts). */
export const figureFilterSchema = z
  .object({
    metric: tagNameSchema.optional(),
    tag: tagNameSchema.optional(),
    source: z.string().max(300).optional(),
    creator: z.string().max(200).optional(),
    text: z.string().max(500).optional(),
    from: isoDay.optional(),
    to: isoDay.optional(),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
  })
  .strict()

export const figureSortSchema = z
  .object({ key: z.enum(FIGURE_SORT_KEYS), dir: z.union([z.literal(1), z.literal(-1)]) })
  .strict()

const articleRefSchema = articleMetaSchema.pick({
  id: true,
  title: true,
  source: true,
  publishedAt: true,
  url: true,
})

/** A figure with its whole annotation (selectors and all): what figures.list answers. */
export const figureRecordSchema = z.object({
  annotation: annotationSchema.extend({ figure: figureSchema }),
  article: articleRefSchema,
})

/** A figure as the figures index keeps it: the table's rows, the chart's points and the conflicts. */
export const figureEntrySchema = z.object({
  annotation: z.object({
    id: idSchema,
    articleId: idSchema,
    figure: figureSchema,
    tags: z.array(z.string()),
    creator: z.string().optional(),
    note: z.string(),
    quote: z.string(),
    prefix: z.string(),
    suffix: z.string(),
    page: z.string().optional(),
  }),
  article: articleRefSchema,
})

/** Where the index is: read from its file and being checked, being built from the files, or complete. */
export const figureIndexStatusSchema = z.object({
  state: z.enum(['building', 'checking', 'ready']),
  version: z.number().int(),
  done: z.number().int(),
  of: z.number().int(),
  figures: z.number().int(),
})

const facetSchema = z.array(z.object({ name: z.string(), count: z.number().int() }))

export const figureFacetsSchema = z.object({
  total: z.number().int(),
  metrics: facetSchema,
  tags: facetSchema,
  sources: facetSchema,
  creators: facetSchema,
  status: figureIndexStatusSchema,
})

export const figurePageSchema = z.object({
  /** Figures the filter keeps, and figures in the archive. */
  total: z.number().int(),
  all: z.number().int(),
  offset: z.number().int(),
  items: z.array(figureEntrySchema),
  status: figureIndexStatusSchema,
})

export const figureConflictsSchema = z.object({
  /** A lower bound when `capped`: there were more pairs to compare than one answer looks at (conflicts.ts). */
  total: z.number().int(),
  capped: z.literal(true).optional(),
  shown: z.array(
    z.object({ metric: z.string(), a: figureEntrySchema, b: figureEntrySchema, reason: z.string() }),
  ),
})

export const figureSeriesSchema = z.object({
  /** The metric's figures that can be placed in time, and how many of them `points` holds. */
  total: z.number().int(),
  points: z.array(
    z.object({
      start: z.string(),
      end: z.string(),
      dated: z.enum(['period', 'article']),
      value: z.number(),
      max: z.number().optional(),
      openEnd: z.enum(['above', 'below']).optional(),
      source: z.string(),
      speaker: z.string(),
      record: figureEntrySchema,
    }),
  ),
})
