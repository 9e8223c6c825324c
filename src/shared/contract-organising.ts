// Runs everywhere: the contract's methods of organising and sharing — tags, collections, the connector, sync.
import { z } from 'zod'
import { collectionSchema, colorSchema, idSchema, tagNameSchema, tagSchema } from './schemas'
import { syncConflictSchema, syncReportSchema, syncStatusSchema } from './sync/contract-schemas'
import { byId, none, ok } from './contract-parts'

export const organisingMethods = {
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
      /** Said once: an older Glossa's pairing file in the archive was ignored, pair again. */
      notice: z.string().optional(),
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
