// Main process and CLI: one sync of an archive with its team's database, both ways. The archive (the one
// writer) works out what changed since the last sync, the sync job (replica.ts, a process of its own) writes it
// into the local replica and replicates with the remote, and the archive then takes in what came back through
// its gate (apply.ts) and records the new state. Killed at any point, the next sync finishes the work: the
// state is written last, and every step before it is repeatable.
import { mkdir } from 'node:fs/promises'
import { splitBy } from '../../shared/sync/docs'
import { planPush } from '../../shared/sync/plan'
import { sharedDocIds } from '../../shared/sync/scope'
import { parseDocId } from '../../shared/sync/doc-ids'
import type { Archive } from '../archive/archive'
import { runJob } from '../jobs/job-process'
import type { JobProcess } from '../jobs/job-process'
import { archiveDocs } from './archive-docs'
import { applyIncoming } from './apply'
import type { Incoming } from './apply'
import { readTeamSettings } from './settings'
import { readSyncState, replicaDir, syncDir, writeSyncState } from './state'
import type { KeptConflict, SyncState } from './state'
import { syncAnswerSchema, syncBatchSchema } from './sync-protocol'
import type { Outgoing, Remote, SyncFailureCode } from './sync-protocol'

export type SyncReport = {
  sent: number
  received: number
  /** Documents pushed to and pulled from the server by the replication. */
  pushed: number
  pulled: number
  conflicts: { id: string; losers: number }[]
  /** Local changes the server would not take (read-only), kept and offered again. */
  waiting: { id: string; reason: string }[]
  refused: { id: string; reason: string }[]
  /** Articles a deletion from the team would have taken with changes never sent: kept here, sent back. */
  kept: { id: string; reason: string }[]
}

/**
 * The change key of a document kept here against a deletion from the team (apply.ts): no record has it, so the
 * next sync sends the document again, on top of the deletion, as a new revision even when its content is there.
 */
const RESEND = ''

export class SyncError extends Error {
  constructor(
    readonly code: SyncFailureCode,
    message: string,
    /** The changes that were to be sent, still waiting here. */
    readonly pending = 0,
  ) {
    super(message)
  }
}

/** What a sync sends: every change since the last sync, and the answers to conflicts resolved here. */
async function planOutgoing(archive: Archive, state: SyncState, username?: string) {
  const known = new Set(
    Object.keys(state.docs).flatMap((id) => {
      const ref = parseDocId(id)
      return ref?.type === 'annotation' ? [ref.articleId] : []
    }),
  )
  const all = await archiveDocs(archive, known)
  // Sharing chosen collections only: the rest stays here (and, never sent, is never deleted there).
  const { share } = await readTeamSettings(archive.dir)
  const shared = sharedDocIds(new Map([...all].map(([id, e]) => [id, e.facts ?? {}])), share, (id) =>
    Object.hasOwn(state.docs, id),
  )
  const current = new Map([...all].filter(([id]) => shared.has(id)))
  const plan = planPush(new Map([...current].map(([id, e]) => [id, e.key])), state.docs)
  const outgoing: Outgoing[] = []
  // Each version says who sent it, for the conflict list; the record itself does not change.
  const signed = async (doc: Promise<unknown> | undefined) => {
    const content = await doc
    return content && username ? { ...content, by: username } : content
  }
  const resolved = Object.entries(state.conflicts).filter(([, c]) => c.resolved)
  const ending = new Set(resolved.map(([id]) => id))
  const changed = plan.changed.filter((id) => !ending.has(id))
  const deleted = plan.deleted.filter((id) => !ending.has(id))
  const count = changed.length + deleted.length + resolved.length
  const build = async () => {
    for (const id of changed) {
      const entry = current.get(id)!
      const assets = (await entry.assets?.()) ?? []
      outgoing.push({
        id,
        parentRev: state.docs[id]?.rev,
        ...(state.docs[id]?.key === RESEND ? { resend: true } : {}),
        doc: await signed(entry.load()),
        ...(assets.length ? { assets } : {}),
      })
    }
    for (const id of deleted) outgoing.push({ id, parentRev: state.docs[id]!.rev })
    // A conflict resolved here: what the archive holds now goes on the winning revision, the losers end.
    for (const [id, conflict] of resolved) {
      const assets = (await current.get(id)?.assets?.()) ?? []
      outgoing.push({
        id,
        parentRev: conflict.rev,
        doc: await signed(current.get(id)?.load()),
        dropRevs: conflict.losers.map((l) => l.rev),
        ...(assets.length ? { assets } : {}),
      })
    }
    return outgoing
  }
  return { known, current, count, build }
}

/** How many changes the next sync would send (read from the archive; no network, no job). */
export async function countPending(archive: Archive): Promise<number> {
  return (await planOutgoing(archive, await readSyncState(archive.dir))).count
}

export async function runSync(
  archive: Archive,
  remote: Remote,
  startJob: () => JobProcess,
): Promise<SyncReport> {
  await mkdir(syncDir(archive.dir), { recursive: true })
  const state = await readSyncState(archive.dir)
  const { known, current, build } = await planOutgoing(archive, state, remote.username)
  const outgoing = await build()

  // What was last exchanged before this sync: what differs from it was changed here and never reached the
  // member whose deletion may arrive now.
  const exchanged = { ...state.docs }
  const unsent = (id: string, now = current.get(id)?.key) => now !== undefined && exchanged[id]?.key !== now
  const editedMeanwhile = (id: string, now: string) => {
    const planned = current.get(id)?.key
    return planned !== undefined && planned !== now
  }
  const kept = new Map<string, string>()
  /** Refused by the gate in this sync (the last word on each: a document read again may pass). */
  const gateRefused = new Map<string, string>()
  /** Refused before and read again at the end of this sync: kept in the state until then. */
  const earlier = { ...state.refused }
  let received = 0

  // Each batch the job sends is applied, put on disk, and only then recorded as exchanged, with the feed's
  // position past it: killed between batches, the next sync starts after the last one recorded.
  const takeBatch = async (question: unknown) => {
    const batch = syncBatchSchema.parse(question)
    for (const { id, rev } of batch.written ?? []) {
      const key = current.get(id)?.key
      if (key === undefined) delete state.docs[id]
      else state.docs[id] = { rev, key }
    }
    const incoming: (Incoming & { rev: string })[] = []
    for (const change of batch.changes) {
      // The job sends none that is not a Glossa id (it counts them); one that came anyway is left alone.
      if (!parseDocId(change.id)) continue
      const by = splitBy(change.doc).by
      if (change.conflicts.length)
        state.conflicts[change.id] = { rev: change.rev, ...(by ? { by } : {}), losers: change.conflicts }
      else delete state.conflicts[change.id]
      if (state.docs[change.id]?.rev === change.rev && !gateRefused.has(change.id)) continue
      if (change.deleted && !state.docs[change.id] && !current.has(change.id)) continue
      incoming.push({
        id: change.id,
        rev: change.rev,
        raw: change.deleted ? undefined : change.doc,
        ...(change.assets?.length ? { assets: change.assets } : {}),
      })
    }
    // An article, collection or tag colour changed here since the sync chose what to send (tags set, a collection
    // renamed, while live sync ran) keeps that change: the team's version waits for the next sync, which sends
    // ours on the revision it was made from. (Annotations are judged as they are written, apply.ts.)
    const deferred = new Set<string>()
    const articlesIn = new Set<string>()
    let recordsIn = false
    for (const item of incoming) {
      const ref = parseDocId(item.id)
      if (ref?.type === 'article') articlesIn.add(ref.id)
      if (ref && ref.type !== 'annotation') recordsIn = true
    }
    if (recordsIn) {
      const now = await archiveDocs(archive, new Set(), articlesIn)
      for (const item of incoming) {
        const key = now.get(item.id)?.key
        if (key !== undefined && editedMeanwhile(item.id, key)) deferred.add(item.id)
      }
    }
    const refused = await applyIncoming(
      archive,
      incoming.filter((i) => !deferred.has(i.id)),
      { unsent, kept, editedMeanwhile, deferred },
    )
    // The archive is written before the state records anything as exchanged: killed in between, the next sync
    // finds the same deletions, keeps the same records and marks them then.
    await archive.flush()
    if (incoming.length) {
      const after = await archiveDocs(
        archive,
        new Set([...known, ...incomingArticles(incoming)]),
        touchedArticles(incoming),
      )
      for (const item of incoming) {
        delete earlier[item.id]
        if (refused.has(item.id) || deferred.has(item.id)) continue
        gateRefused.delete(item.id)
        const entry = after.get(item.id)
        // A deletion that arrived while the record stays here was refused by this side: sent again.
        if (entry) state.docs[item.id] = { rev: item.rev, key: item.raw === undefined ? RESEND : entry.key }
        else delete state.docs[item.id]
      }
      // An article kept against its deletion goes back whole: its annotations too, as new revisions, for a
      // member who could not take them in while the article was gone there.
      for (const docId of kept.keys()) {
        const articleId = parseDocId(docId)?.type === 'article' ? docId.slice('article:'.length) : ''
        for (const id of after.keys()) {
          const ref = parseDocId(id)
          if (ref?.type === 'annotation' && ref.articleId === articleId && state.docs[id])
            state.docs[id] = { rev: state.docs[id]!.rev, key: RESEND }
        }
      }
    }
    for (const [id, reason] of refused) gateRefused.set(id, reason)
    received += incoming.length - refused.size - deferred.size
    state.refused = { ...earlier, ...Object.fromEntries(gateRefused) }
    if (batch.lastSeq !== undefined) state.since = batch.lastSeq
    await writeSyncState(archive.dir, state)
    return { reread: [...refused.keys()] }
  }

  const answer = await runJob(
    startJob,
    {
      replicaDir: replicaDir(archive.dir),
      remote,
      outgoing,
      since: state.since,
      retry: Object.keys(state.waiting),
      // Refused by the gate last time (an annotation whose article had not arrived yet): offered to it again.
      reread: Object.keys(state.refused).filter((id) => parseDocId(id)),
    },
    (value) => syncAnswerSchema.parse(value),
    takeBatch,
  )
  if (!answer.ok) throw new SyncError(answer.code, answer.message, outgoing.length)

  const refusedOnArrival = new Map<string, string>()
  for (const u of answer.unfetched ?? []) refusedOnArrival.set(u.id.slice(0, 200), u.reason)
  for (const id of answer.foreign?.ids ?? [])
    refusedOnArrival.set(id.slice(0, 200), 'not a Glossa document id')
  const unnamed = (answer.foreign?.count ?? 0) - (answer.foreign?.ids.length ?? 0)
  if (unnamed > 0)
    refusedOnArrival.set('…', `and ${unnamed} more documents that are not Glossa's, left alone`)
  const refused = new Map([...refusedOnArrival, ...gateRefused])
  state.refused = Object.fromEntries(refused)
  const serverRefused = answer.refused.filter((r) => r.id)
  state.waiting = Object.fromEntries(serverRefused.map((r) => [r.id, r.reason]))
  state.since = answer.lastSeq
  state.lastSync = new Date().toISOString()
  await writeSyncState(archive.dir, state)
  return {
    sent: outgoing.length - serverRefused.length,
    received,
    pushed: answer.pushed,
    pulled: answer.pulled,
    conflicts: Object.entries(state.conflicts).map(([id, c]: [string, KeptConflict]) => ({
      id,
      losers: c.losers.length,
    })),
    waiting: serverRefused,
    refused: [...refused].map(([id, reason]) => ({ id, reason })),
    kept: [...kept].map(([id, reason]) => ({ id, reason })),
  }
}

/** The articles whose records a batch holds: its article documents and the articles of its annotations. */
function touchedArticles(incoming: Incoming[]): Set<string> {
  const ids = new Set<string>()
  for (const item of incoming) {
    const ref = parseDocId(item.id)
    if (ref?.type === 'article') ids.add(ref.id)
    else if (ref?.type === 'annotation') ids.add(ref.articleId)
  }
  return ids
}

function incomingArticles(incoming: Incoming[]): string[] {
  return incoming.flatMap((i) => {
    const ref = parseDocId(i.id)
    return ref?.type === 'annotation' ? [ref.articleId] : []
  })
}
