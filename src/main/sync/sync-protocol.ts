// Main process: what the app sends the sync job and what it answers (see sync-job.ts and replica.ts).
import { z } from 'zod'

export type Outgoing = {
  id: string
  /** The revision the archive's change was made on (the last one exchanged), if the document existed. */
  parentRev?: string
  /** The document's new content; absent when the record was deleted. */
  doc?: unknown
  /** Sent again as a new revision even when the replica holds the same content (a record kept here against a
   *  deletion from the team, for members who could not take it in before). */
  resend?: boolean
  /** Losing revisions of a conflict the person resolved: each gets a deletion, so the conflict ends everywhere. */
  dropRevs?: string[]
  /** An article's files (images, a PDF report): sent as the document's CouchDB attachments. */
  assets?: SyncAsset[]
}

/** One of an article's files, `<sha256>.<ext>`, its bytes base64. */
export type SyncAsset = { name: string; dataBase64: string }

export type Remote = { url: string; username?: string; password?: string }

export type SyncRequest = {
  /** The local replica (LevelDB), under the archive's sync/ folder. */
  replicaDir: string
  remote: Remote
  outgoing: Outgoing[]
  /** Where the last sync stopped reading the replica's changes. */
  since: string | number
  /** Documents a server refused before: offered again by id (the replication's checkpoint is past them). */
  retry: string[]
  /** Documents the archive's gate refused before: read again from the replica (the changes feed is past them). */
  reread?: string[]
}

export const changeSchema = z.object({
  id: z.string(),
  rev: z.string(),
  deleted: z.boolean(),
  doc: z.unknown().optional(),
  conflicts: z.array(z.object({ rev: z.string(), deleted: z.boolean(), doc: z.unknown().optional() })),
  /** The winning revision's attachments (an article's files), as they came: checked when applied. */
  assets: z.array(z.object({ name: z.string(), dataBase64: z.string() })).optional(),
})
export type Change = z.infer<typeof changeSchema>

/**
 * A batch of what changed in the replica, sent to the app while the job runs (askApp): at most BATCH_DOCS
 * documents or BATCH_BYTES (replica.ts). `lastSeq`: the replica's changes feed up to here is in this batch and the
 * ones before it (absent for documents read again by id); `written`, with the first batch: the revisions the
 * archive's changes were written as.
 */
export const syncBatchSchema = z.object({
  changes: z.array(changeSchema),
  lastSeq: z.union([z.string(), z.number()]).optional(),
  written: z.array(z.object({ id: z.string(), rev: z.string() })).optional(),
})
export type SyncBatch = z.infer<typeof syncBatchSchema>
/** The app's reply once a batch is on disk: the documents its gate refused, read again at the end of the sync. */
export type SyncBatchReply = { reread: string[] }

export const syncFailureCodes = ['unauthorized', 'unreachable', 'no_database', 'remote_error'] as const
export type SyncFailureCode = (typeof syncFailureCodes)[number]

export const syncAnswerSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    lastSeq: z.union([z.string(), z.number()]),
    pushed: z.number(),
    pulled: z.number(),
    refused: z.array(z.object({ id: z.string(), reason: z.string() })),
    /** Documents the server could not send (the rest of the pull went on), with why. */
    unfetched: z.array(z.object({ id: z.string(), reason: z.string() })).optional(),
    /** Documents Glossa never makes (not one of its ids): how many, and the first ones' ids. Never sent whole. */
    foreign: z.object({ count: z.number(), ids: z.array(z.string()) }).optional(),
  }),
  z.object({ ok: z.literal(false), code: z.enum(syncFailureCodes), message: z.string() }),
])
export type SyncAnswer = z.infer<typeof syncAnswerSchema>

/** The address without any user name or password written into it, for messages. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url)
    u.username = ''
    u.password = ''
    return u.toString().replace(/\/$/, '')
  } catch {
    return 'that address'
  }
}
