// Main process: the person's answer to a conflict — keep one of the versions, or a merge of them. The chosen
// content enters the archive through the same gate as anything from the remote (apply.ts); the conflict is
// marked resolved, and the next sync puts that content on the winning revision and ends the losing ones, so
// every member sees the same answer.
import { GlossaError } from '../../shared/errors'
import type { Archive } from '../archive/archive'
import { applyIncoming } from './apply'
import { readSyncState, writeSyncState } from './state'
import type { KeptConflict } from './state'

export type ConflictChoice = { rev: string } | { doc: unknown }

export async function resolveConflict(
  archive: Archive,
  docId: string,
  choice: ConflictChoice,
): Promise<void> {
  const state = await readSyncState(archive.dir)
  const conflict: KeptConflict | undefined = Object.hasOwn(state.conflicts, docId)
    ? state.conflicts[docId]
    : undefined
  if (!conflict)
    throw new GlossaError('not_found', `There is no conflict on ${docId} (it may have been resolved).`)
  if ('rev' in choice && choice.rev !== conflict.rev) {
    const loser = conflict.losers.find((l) => l.rev === choice.rev)
    if (!loser) throw new GlossaError('not_found', `${docId} has no version ${choice.rev}.`)
    await apply(archive, docId, loser.deleted ? undefined : loser.doc)
  } else if ('doc' in choice) await apply(archive, docId, choice.doc)
  state.conflicts[docId] = { ...conflict, resolved: true }
  await writeSyncState(archive.dir, state)
}

async function apply(archive: Archive, docId: string, raw: unknown): Promise<void> {
  const refused = await applyIncoming(archive, [{ id: docId, raw }])
  const reason = refused.get(docId)
  if (reason) throw new GlossaError('invalid_argument', `That version cannot be kept: ${reason}.`)
  await archive.flush()
}
