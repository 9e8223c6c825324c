// Runs everywhere: the results of the team sync methods (sync.*) in the contract.
import { z } from 'zod'

/** An article a deletion from the team would have taken with changes not yet sent here: kept, sent back. */
export const syncKeptSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** What the window says: “Kept here: “Title” — emptied from the trash by another member; …” */
  message: z.string(),
})

export const syncStatusSchema = z.object({
  remote: z.string().optional(),
  user: z.string().optional(),
  /**
   * Where the password is: stored encrypted by the system's keychain outside the archive (the desktop app), kept
   * for this session only (browser mode, or no keychain; never written), or not given yet.
   */
  password: z.enum(['stored', 'session', 'none']),
  lastSync: z.string().optional(),
  conflicts: z.int().nonnegative(),
  /** The collections shared (their articles and annotations only); absent: the whole archive. */
  share: z.array(z.string()).optional(),
  /** Changes the server would not take (a read-only member), kept and offered again. */
  waiting: z.int().nonnegative(),
  /** Why the server would not take them ("read-only member of this database"). */
  waitingReason: z.string().optional(),
  /** Live sync, when it is on: where it stands now. */
  live: z
    .object({
      /** Live sync waits for the password (browser mode asks it once per session). */
      state: z.enum(['syncing', 'synced', 'offline', 'error', 'needs-password']),
      /** Local changes not yet on the server. */
      pending: z.int().nonnegative(),
      message: z.string().optional(),
      syncedAt: z.string().optional(),
      /** Documents taken in by live sync so far: the window reloads when this grows. */
      received: z.int().nonnegative(),
    })
    .optional(),
  /** What the last sync in this session (asked for or live) kept here against a deletion from the team. */
  kept: z.array(syncKeptSchema).optional(),
})

export const syncReportSchema = z.object({
  sent: z.int().nonnegative(),
  received: z.int().nonnegative(),
  conflicts: z.int().nonnegative(),
  waiting: z.array(z.object({ id: z.string(), reason: z.string() })),
  refused: z.array(z.object({ id: z.string(), reason: z.string() })),
  kept: z.array(syncKeptSchema),
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
