// Runs everywhere: which documents a sync must send, from what the archive holds now and what was last
// exchanged with the replica. The archive's files are the queue: a change saved (and acknowledged) is
// different from the last exchanged state until it has been sent, so a crash between saving and sending loses
// nothing — the next sync finds it.
export type SyncedEntry = { rev: string; key: string }

export type PushPlan = {
  /** Documents that are new or differ from what was last exchanged. */
  changed: string[]
  /** Documents exchanged before whose record is gone from the archive. */
  deleted: string[]
}

export function planPush(
  current: ReadonlyMap<string, string>,
  synced: Readonly<Record<string, SyncedEntry>>,
): PushPlan {
  const changed: string[] = []
  const deleted: string[] = []
  for (const [docId, key] of current) if (synced[docId]?.key !== key) changed.push(docId)
  for (const docId of Object.keys(synced)) if (!current.has(docId)) deleted.push(docId)
  return { changed: changed.sort(), deleted: deleted.sort() }
}

/** Applies remote annotations in one order on every side: by creation time, then id. */
export function byCreation<T extends { createdAt: string; id: string }>(a: T, b: T): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}
