// Runs everywhere: the one list of methods the renderer may call, each with the zod schema of its argument
// object and of its result. IPC, the preload, the HTTP bridge and the renderer client are all built from it.
import { z } from 'zod'
import { ASSET_NAME } from './assets'
import { LIBRARY_SORTS } from './library-query'
import {
  annotationKindSchema,
  annotationSchema,
  articleListItemSchema,
  articleMetaSchema,
  articleSchema,
  collectionSchema,
  colorSchema,
  dateSchema,
  figureSchema,
  idSchema,
  STORED_BOUNDS,
  tagNameSchema,
  tagSchema,
  targetSchema,
  webUrlSchema,
} from './schemas'
import { syncConflictSchema, syncReportSchema, syncStatusSchema } from './sync/contract-schemas'
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

const none = z.object({}).strict()

const calendarDay = z
  .string()
  .max(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2024-01-10')

/** The library's filters, as the main process applies them (src/shared/library-query.ts). */
const libraryFilterSchema = z
  .object({
    tag: z.string().max(300).optional(),
    source: z.string().max(300).optional(),
    from: calendarDay.optional(),
    to: calendarDay.optional(),
    hasFigures: z.boolean().optional(),
    hasNotes: z.boolean().optional(),
    color: colorSchema.optional(),
    collection: z.string().max(200).optional(),
    creator: z.string().max(200).optional(),
  })
  .strict()

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
const byId = z.object({ id: idSchema }).strict()
const ok = z.object({ ok: z.literal(true) })

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

const problemSchema = z.object({ file: z.string().optional(), message: z.string() })
const snapshotSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  size: z.int().nonnegative(),
  articles: z.int().nonnegative(),
})

export const contract = {
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
   * Browser mode: a one-file export (figures.csv, highlights.csv, combined Markdown) streamed to a file by the
   * export process, for the page to download from `url` once (a GET the browser streams to disk). Refused
   * where there is no download (the desktop app) and for the formats that make several files.
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
  'tags.list': { args: none, result: z.array(tagSchema) },
  'tags.rename': {
    args: z.object({ from: tagNameSchema, to: tagNameSchema }).strict(),
    result: z.object({
      /** Articles whose files changed. */
      touched: z.int().nonnegative(),
      /** Articles and annotations that now carry the new name instead. */
      moved: z.int().nonnegative(),
      /** Pass to tags.undoRename to move those items back (kept while the app runs). */
      undo: idSchema.optional(),
    }),
  },
  'tags.undoRename': {
    args: z.object({ undo: idSchema }).strict(),
    result: z.object({ touched: z.int().nonnegative(), moved: z.int().nonnegative() }),
  },
  'tags.delete': {
    args: z.object({ name: tagNameSchema }).strict(),
    result: z.object({ touched: z.int().nonnegative() }),
  },
  'collections.list': { args: none, result: z.array(collectionSchema) },
  'collections.create': {
    args: z.object({ name: z.string().trim().min(1, 'must not be empty').max(200) }).strict(),
    result: collectionSchema,
  },
  'collections.rename': {
    args: z.object({ id: idSchema, name: z.string().trim().min(1, 'must not be empty').max(200) }).strict(),
    result: collectionSchema,
  },
  'collections.delete': { args: byId, result: ok },
  'tags.setColor': {
    args: z.object({ name: tagNameSchema, color: colorSchema.nullable() }).strict(),
    result: tagSchema,
  },
  /** The browser connector (src/main/connector/): whether it listens, pairing, and the paired extensions. */
  'connector.status': {
    args: none,
    result: z.object({
      listening: z.boolean(),
      port: z.int().optional(),
      /** Why it is not listening (the port is taken, …). */
      problem: z.string().optional(),
    }),
  },
  'connector.pair.start': { args: none, result: z.object({ code: z.string(), expiresAt: z.string() }) },
  'connector.tokens.list': {
    args: none,
    result: z.array(
      z.object({
        id: idSchema,
        name: z.string(),
        origin: z.string(),
        createdAt: z.string(),
        lastUsedAt: z.string().optional(),
      }),
    ),
  },
  'connector.tokens.revoke': { args: byId, result: ok },
  /** Team sync (src/main/sync/): the team database, one sync both ways, conflicts kept until resolved. */
  'sync.status': { args: none, result: syncStatusSchema },
  'sync.configure': {
    args: z
      .object({
        remote: z
          .string()
          .max(2000)
          .regex(
            /^https?:\/\/[^\s]+$/,
            'must be the database address, such as https://couch.example.org/team',
          ),
        user: z.string().trim().max(200),
        /** Kept in memory for this session only; never written to the archive. */
        password: z.string().max(1000).optional(),
        /** Live sync: keep syncing in the background (default: as it was). */
        live: z.boolean().optional(),
        /** Share these collections only; `null`: the whole archive (default: as it was). */
        share: z.array(idSchema).max(1000).nullable().optional(),
      })
      .strict(),
    result: syncStatusSchema,
  },
  'sync.run': { args: none, result: syncReportSchema },
  'sync.conflicts': { args: none, result: z.array(syncConflictSchema) },
  'sync.resolve': {
    args: z
      .object({
        id: z.string().min(1).max(300),
        rev: z.string().min(1).max(200),
        /** A merged note: keeps version `rev` with this note instead of its own. */
        note: z.string().max(100_000).optional(),
      })
      .strict(),
    result: ok,
  },
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
export type ArgsOf<M extends MethodName> = z.input<Contract[M]['args']>
export type ParsedArgsOf<M extends MethodName> = z.output<Contract[M]['args']>
export type ResultOf<M extends MethodName> = z.output<Contract[M]['result']>

/** Every method's name, read off the contract: a name is written once, as its key above. */
export const METHOD_NAMES = Object.keys(contract) as MethodName[]

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name)
}

/** What the main process implements: one async function per method, taking validated arguments. */
export type Handlers = { [M in MethodName]: (args: ParsedArgsOf<M>) => Promise<ResultOf<M>> }

/** What the renderer calls: the same methods, errors crossing as values (Signal style). */
export type ApiClient = { [M in MethodName]: (args: ArgsOf<M>) => Promise<ResultOf<M>> }
