// Main process: what this archive last exchanged with its replica (sync/state.json): per document the revision
// and the change key of the record it stands for, where the replica's changes were last read, the conflicts
// kept, and what the server or the archive's gate refused. Written atomically after each sync.
import { join } from 'node:path'
import { z } from 'zod'
import { writeAtomic } from '../archive/atomic'
import { readRegular } from '../archive/regular-file'

const conflictSchema = z.object({
  rev: z.string(),
  /** Who sent the winning version. */
  by: z.string().optional(),
  losers: z.array(z.object({ rev: z.string(), deleted: z.boolean(), doc: z.unknown().optional() })),
  /** The person chose or merged a version here: the next sync sends it and ends the losing revisions. */
  resolved: z.boolean().optional(),
})
export type KeptConflict = z.infer<typeof conflictSchema>

const stateSchema = z.object({
  version: z.literal(1),
  since: z.union([z.string(), z.number()]),
  docs: z.record(z.string(), z.object({ rev: z.string(), key: z.string() })),
  conflicts: z.record(z.string(), conflictSchema),
  /** Documents the server would not take (a read-only member): offered again at the next sync. */
  waiting: z.record(z.string(), z.string()),
  /** Documents from the remote the archive's gate refused, with the reason. */
  refused: z.record(z.string(), z.string()),
  lastSync: z.string().optional(),
})
export type SyncState = z.infer<typeof stateSchema>

export const syncDir = (archiveDir: string) => join(archiveDir, 'sync')
export const replicaDir = (archiveDir: string) => join(archiveDir, 'sync', 'replica')
const stateFile = (archiveDir: string) => join(archiveDir, 'sync', 'state.json')

export const emptyState = (): SyncState => ({
  version: 1,
  since: 0,
  docs: {},
  conflicts: {},
  waiting: {},
  refused: {},
})

export async function readSyncState(archiveDir: string): Promise<SyncState> {
  let raw: string
  try {
    raw = await readRegular(stateFile(archiveDir))
  } catch {
    return emptyState()
  }
  const parsed = stateSchema.safeParse(JSON.parse(raw))
  if (!parsed.success)
    throw new Error(`sync/state.json is not a Glossa sync state (${parsed.error.issues[0]?.message}).`)
  return parsed.data
}

export async function writeSyncState(archiveDir: string, state: SyncState): Promise<void> {
  await writeAtomic(stateFile(archiveDir), JSON.stringify(state))
}
