// Runs everywhere: the contract's methods of reading — annotations, import, figures, export and search.
import { z } from 'zod'
import {
  annotationKindSchema,
  annotationSchema,
  colorSchema,
  figureSchema,
  idSchema,
  STORED_BOUNDS,
  tagNameSchema,
  targetSchema,
  webUrlSchema,
} from './schemas'
import {
  figureConflictsSchema,
  figureFacetsSchema,
  figureFilterSchema,
  figureIndexStatusSchema,
  figurePageSchema,
  figureRecordSchema,
  figureSeriesSchema,
  figureSortSchema,
} from './figures/contract-schemas'
import { libraryFilterSchema, none, ok } from './contract-parts'

/** One import's outcome: stored, recognised as already in the archive, or refused with a reason. */
export const importResultSchema = z.object({
  name: z.string(),
  status: z.enum(['imported', 'duplicate', 'failed']),
  id: idSchema.optional(),
  title: z.string().optional(),
  message: z.string().optional(),
  /** Why it failed, for a program: an import error's code (`too_complex`, `no_article`, …). */
  code: z.string().max(100).optional(),
})
const importMetaSchema = z.object({
  source: z.string().max(300).optional(),
  tags: z.array(tagNameSchema).max(50).optional(),
})

export const exportFormatSchema = z.enum([
  'markdown',
  'figures-csv',
  'highlights-csv',
  'json',
  'jsonld',
  'csl',
])
export const exportArgsSchema = z
  .object({
    format: exportFormatSchema,
    scope: z
      .object({
        articleIds: z.array(idSchema).min(1).max(10_000).optional(),
        /** The articles the library's filter keeps (its list, however long: ids stop at 10,000). */
        filter: libraryFilterSchema.optional(),
        tag: tagNameSchema.optional(),
        collection: idSchema.optional(),
        metric: tagNameSchema.optional(),
      })
      .strict(),
    options: z
      .object({
        layout: z.enum(['per-article', 'combined']).optional(),
        groupBy: z.enum(['article', 'tag']).optional(),
        bom: z.boolean().optional(),
        /** Only the scope's first articles (PREVIEW_ARTICLES), for the Export dialog's preview. */
        preview: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict()

export const readingMethods = {
  'annotations.list': { args: z.object({ articleId: idSchema }).strict(), result: z.array(annotationSchema) },
  'annotations.create': {
    args: z
      .object({
        articleId: idSchema,
        /** Made by the caller: a creation sent again (a lost answer, a reload) returns the one it made. */
        id: idSchema.optional(),
        kind: annotationKindSchema.optional(),
        color: colorSchema.optional(),
        note: z.string().max(100_000).optional(),
        tags: z.array(tagNameSchema).max(STORED_BOUNDS.list).optional(),
        target: targetSchema,
        figure: figureSchema.optional(),
        /** On a PDF report: links the per-page annotations of one selection across pages. */
        pdfGroup: idSchema.optional(),
        /** On a PDF report: the passage's rectangles on its page (see pdfSelectorSchema's rects). */
        pdfRects: z
          .array(
            z.tuple([z.number().finite(), z.number().finite(), z.number().finite(), z.number().finite()]),
          )
          .max(200)
          .optional(),
      })
      .strict(),
    result: annotationSchema,
  },
  'annotations.update': {
    args: z
      .object({
        articleId: idSchema,
        id: idSchema,
        color: colorSchema.optional(),
        note: z.string().max(100_000).optional(),
        tags: z.array(tagNameSchema).max(STORED_BOUNDS.list).optional(),
        target: targetSchema.optional(),
        figure: figureSchema.nullable().optional(),
        /**
         * When the reader made this change (ISO time). A change made before the annotation's stored state (a
         * change sent again after a reload, or from a window that held it while another saved) is not applied:
         * the newer state stays and is returned. Given, it becomes the annotation's updatedAt (never later than now).
         */
        madeAt: z.iso.datetime().max(40).optional(),
      })
      .strict(),
    result: annotationSchema,
  },
  'annotations.delete': {
    args: z
      .object({
        articleId: idSchema,
        id: idSchema,
        /**
         * When the reader made this deletion (ISO time). An annotation saved after it (changed in another window
         * meanwhile) is not deleted: it stays, and is returned as `kept`.
         */
        madeAt: z.iso.datetime().max(40).optional(),
      })
      .strict(),
    result: ok.extend({ kept: annotationSchema.optional() }),
  },
  'import.files': {
    args: z
      .object({
        files: z
          .array(
            z
              .object({
                name: z.string().min(1).max(1000),
                dataBase64: z.string().max(28_000_000),
                /** An encrypted PDF's password, used for this import only: never stored. */
                password: z.string().max(1000).optional(),
              })
              .strict(),
          )
          .min(1)
          .max(50),
      })
      .extend(importMetaSchema.shape)
      .strict(),
    result: z.array(importResultSchema),
  },
  'import.text': {
    args: z
      .object({
        text: z.string().max(20_000_000).optional(),
        html: z.string().max(20_000_000).optional(),
        title: z.string().trim().max(1000).optional(),
        url: webUrlSchema.optional(),
      })
      .extend(importMetaSchema.shape)
      .strict()
      .refine((a) => (a.text ?? a.html ?? '').trim() !== '', {
        message: 'paste some text or HTML',
        path: ['text'],
      }),
    result: importResultSchema,
  },
  'import.url': {
    args: z
      .object({
        url: z
          .string()
          .max(4000)
          .regex(/^https?:\/\/\S+$/i, 'must be an http(s) address'),
      })
      .extend(importMetaSchema.shape)
      .strict(),
    result: importResultSchema,
  },
  /** Every figure with its whole annotation (the CLI and tests; the Figures view pages with figures.page). */
  'figures.list': {
    args: z.object({ metric: tagNameSchema.optional() }).strict(),
    result: z.array(figureRecordSchema),
  },
  /** The Figures view's rows: filtered and sorted in main from the figures index, `limit` from `offset`. */
  'figures.page': {
    args: z
      .object({
        filter: figureFilterSchema.optional(),
        sort: figureSortSchema.optional(),
        offset: z.number().int().min(0).max(100_000_000),
        limit: z.number().int().min(1).max(1000),
      })
      .strict(),
    result: figurePageSchema,
  },
  /** What the filter lists offer, with how many figures carry each value. */
  'figures.facets': { args: none, result: figureFacetsSchema },
  /** Where the figures index is (built, checked, complete) and its version: the view asks again when it moves. */
  'figures.status': { args: none, result: figureIndexStatusSchema },
  /** How many pairs of figures conflict (of one metric, or all), and the first `limit` of them. */
  'figures.conflicts': {
    args: z
      .object({ metric: tagNameSchema.optional(), limit: z.number().int().min(1).max(1000).optional() })
      .strict(),
    result: figureConflictsSchema,
  },
  /** One metric's figures over time for the chart: at most `limit` points (default 5,000), and how many exist. */
  'figures.series': {
    args: z.object({ metric: tagNameSchema, limit: z.number().int().min(1).max(20_000).optional() }).strict(),
    result: figureSeriesSchema,
  },
  'export.run': {
    args: exportArgsSchema,
    result: z.array(z.object({ name: z.string(), content: z.string(), mime: z.string() })),
  },
  /**
   * Browser mode: an export streamed to one file by the export process (per-article Markdown: a zip of its
   * files), for the page to download from `url` once (a GET the browser streams to disk). Refused where there
   * is no download (the desktop app).
   */
  'export.download': {
    args: exportArgsSchema,
    result: z.object({
      name: z.string(),
      mime: z.string(),
      bytes: z.int().nonnegative(),
      url: z.string(),
    }),
  },
  'search.query': {
    args: z
      .object({
        q: z.string().trim().min(1, 'must not be empty').max(500),
        limit: z.int().min(1).max(500).optional(),
      })
      .strict(),
    result: z.object({
      hits: z.array(
        z.object({
          articleId: idSchema,
          title: z.string(),
          score: z.number(),
          position: z.object({ start: z.int().nonnegative(), end: z.int().nonnegative() }).optional(),
          annotationId: idSchema.optional(),
          snippet: z.string(),
          marks: z.array(z.tuple([z.int().nonnegative(), z.int().nonnegative()])),
          field: z.enum(['title', 'text', 'note', 'tags']),
        }),
      ),
      /** Every article that matches; `hits` holds the first `limit`. */
      total: z.int().nonnegative(),
      /** 'close': nothing matched exactly, and these are near spellings or longer words. */
      match: z.enum(['exact', 'close']),
      /** Set while the index is first built: the hits come from the first `searched` of the `total` articles. */
      partial: z.object({ searched: z.int().nonnegative(), total: z.int().nonnegative() }).optional(),
    }),
  },
  /** How far the first build of the search index is; `indexing` absent once searches cover every article. */
  'search.status': {
    args: none,
    result: z.object({
      indexing: z
        .object({
          /** Articles the builder has indexed so far. */
          indexed: z.int().nonnegative(),
          /** Articles searches answer from now (the segments written so far). */
          searched: z.int().nonnegative(),
          total: z.int().nonnegative(),
        })
        .optional(),
    }),
  },
} as const
