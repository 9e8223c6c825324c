// Runs everywhere: the results of the team sync methods (sync.*) in the contract.
import { z } from 'zod'

export const syncStatusSchema = z.object({
  remote: z.string().optional(),
  user: z.string().optional(),
  /** Where the password is: kept for this session only (browser mode, never written), or not given yet. */
  password: z.enum(['session', 'none']),
  lastSync: z.string().optional(),
  conflicts: z.int().nonnegative(),
  /** Changes the server would not take (a read-only member), kept and offered again. */
  waiting: z.int().nonnegative(),
})

export const syncReportSchema = z.object({
  sent: z.int().nonnegative(),
  received: z.int().nonnegative(),
  conflicts: z.int().nonnegative(),
  waiting: z.array(z.object({ id: z.string(), reason: z.string() })),
  refused: z.array(z.object({ id: z.string(), reason: z.string() })),
})

export const conflictVersionSchema = z.object({
  rev: z.string(),
  /** The version the archive shows now (CouchDB's winner). */
  current: z.boolean(),
  deleted: z.boolean(),
  note: z.string().optional(),
  /** Who wrote this version: the team user who sent it, else the annotation's creator. */
  creator: z.string().optional(),
  /** One line saying what this version is, for a kind without a note (an article's title, a colour). */
  summary: z.string(),
})

export const syncConflictSchema = z.object({
  id: z.string(),
  kind: z.enum(['article', 'annotation', 'tag', 'collection']),
  articleId: z.string().optional(),
  annotationId: z.string().optional(),
  title: z.string().optional(),
  versions: z.array(conflictVersionSchema),
})
export type SyncConflict = z.infer<typeof syncConflictSchema>
