// Runs everywhere: the contract's methods of the archive itself — the app, scans, backups and articles.
import { z } from 'zod'
import { ASSET_NAME } from './assets'
import { LIBRARY_SORTS } from './library-query'
import {
  articleListItemSchema,
  articleMetaSchema,
  articleSchema,
  colorSchema,
  dateSchema,
  idSchema,
  STORED_BOUNDS,
  tagNameSchema,
  webUrlSchema,
} from './schemas'
import { byId, libraryFilterSchema, none, ok } from './contract-parts'

const problemSchema = z.object({ file: z.string().optional(), message: z.string() })
const snapshotSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  size: z.int().nonnegative(),
  articles: z.int().nonnegative(),
  /** Dated after now (a clock that was ahead): kept, restorable, not counted among the seven kept. */
  future: z.boolean(),
})

export const libraryMethods = {
  'app.info': {
    args: none,
    result: z.object({
      version: z.string(),
      archive: z.string(),
      articles: z.int(),
      problems: z.array(problemSchema),
    }),
  },
  'archive.scan': { args: none, result: z.array(problemSchema) },
  /**
   * Background work on the archive itself: after a power cut, every article's annotation counts are read again
   * (src/main/archive/counts-check.ts) while the export waits for them; `recount` absent once they can be trusted.
   */
  'archive.status': {
    args: none,
    result: z.object({
      recount: z.object({ done: z.int().nonnegative(), of: z.int().nonnegative() }).optional(),
    }),
  },
  'backups.list': { args: none, result: z.array(snapshotSchema) },
  'backups.create': { args: none, result: snapshotSchema },
  'backups.restore': {
    args: z
      .object({
        id: z.string().min(1).max(200),
        /** Also bring back articles that are in the snapshot but no longer in the archive. */
        addMissing: z.boolean().optional(),
      })
      .strict(),
    result: z.object({ messages: z.array(z.string()), problems: z.array(problemSchema) }),
  },
  'articles.list': {
    args: z.object({}).strict(),
    result: z.array(articleListItemSchema),
  },
  /** One page of the library's rows, filtered and sorted by the main process; `all` is the archive's size. */
  'articles.page': {
    args: z
      .object({
        filter: libraryFilterSchema.optional(),
        sort: z.enum(LIBRARY_SORTS).optional(),
        offset: z.number().int().min(0).max(100_000_000),
        limit: z.number().int().min(1).max(1000),
        /** From the whole catalog, waiting while it loads: never the head's early rows. */
        whole: z.boolean().optional(),
      })
      .strict(),
    result: z.object({
      total: z.number().int(),
      all: z.number().int(),
      offset: z.number().int(),
      items: z.array(articleListItemSchema),
      /** Answered from the library's head while the catalog loads (src/main/archive/library-head.ts). */
      loading: z.boolean().optional(),
    }),
  },
  /** The ids of every article the filter keeps, in the sort's order (a range selection, an export scope). */
  'articles.ids': {
    args: z
      .object({ filter: libraryFilterSchema.optional(), sort: z.enum(LIBRARY_SORTS).optional() })
      .strict(),
    result: z.array(idSchema),
  },
  /** Every source the library's rows show, A to Z: what the source filter offers. */
  'articles.sources': { args: none, result: z.array(z.string()) },
  /** Everyone who made an annotation here (team members), A to Z: what the person filter offers. */
  'articles.creators': { args: none, result: z.array(z.string()) },
  /** Ids of the articles a tag (on the article or on its annotations) or a highlight colour selects. */
  'articles.matching': {
    args: z
      .object({ tag: tagNameSchema.optional(), color: colorSchema.optional() })
      .strict()
      .refine((a) => a.tag !== undefined || a.color !== undefined, 'give a tag or a color'),
    result: z.array(idSchema),
  },
  'articles.get': { args: byId, result: articleSchema },
  /** One of an article's images (`glossa-asset:<name>` in its HTML), for the reader to show. */
  'articles.image': {
    args: z.object({ id: idSchema, name: z.string().regex(ASSET_NAME, 'is not an image name') }).strict(),
    result: z.object({ mime: z.string(), base64: z.string() }),
  },
  /** A PDF report's file (its meta has `pdf`), checked against its hash, for the reader to render. */
  'articles.pdf': { args: byId, result: z.object({ base64: z.string() }) },
  'articles.create': {
    args: z
      .object({
        title: z.string().trim().min(1, 'must not be empty').max(1000),
        text: z.string().max(5_000_000).optional(),
        html: z.string().max(20_000_000).optional(),
        source: z.string().max(300).optional(),
        url: webUrlSchema.optional(),
        publishedAt: dateSchema.optional(),
        author: z.string().max(500).optional(),
        tags: z.array(tagNameSchema).max(STORED_BOUNDS.list).optional(),
      })
      .strict()
      .refine((a) => (a.text ?? a.html ?? '').trim() !== '', {
        message: 'an article needs text or html',
        path: ['text'],
      }),
    result: articleMetaSchema,
  },
  'articles.update': {
    args: z
      .object({
        id: idSchema,
        title: z.string().trim().min(1).max(1000).optional(),
        source: z.string().max(300).optional(),
        url: webUrlSchema.optional(),
        author: z.string().max(500).optional(),
        publishedAt: dateSchema.optional(),
        tags: z.array(tagNameSchema).max(STORED_BOUNDS.list).optional(),
      })
      .strict(),
    result: articleMetaSchema,
  },
  'articles.delete': { args: z.object({ ids: z.array(idSchema).min(1).max(10_000) }).strict(), result: ok },
  'articles.restore': {
    args: z.object({ ids: z.array(idSchema).min(1).max(10_000) }).strict(),
    result: z.array(articleMetaSchema),
  },
  'articles.bulkUpdate': {
    args: z
      .object({
        ids: z.array(idSchema).min(1).max(10_000),
        addTags: z.array(tagNameSchema).max(100).optional(),
        removeTags: z.array(tagNameSchema).max(100).optional(),
        addCollections: z.array(idSchema).max(100).optional(),
        removeCollections: z.array(idSchema).max(100).optional(),
      })
      .strict(),
    result: z.array(articleMetaSchema),
  },
} as const
