// Renderer: one change of the annotation sync (annotation-sync.ts) as the contract call that saves it, and what its
// answer tells the sync: the id the archive gave a creation and when it landed, or the newer state another window
// saved (an update or deletion made before it leaves that state, which the reader then shows).
import type { ApiClient } from '../../../shared/contract'
import type { Annotation } from '../../../shared/types'
import type { Change, PdfPart } from './pending-store'
import { latest } from './sync-changes'

export type Client = Pick<ApiClient, 'annotations.create' | 'annotations.update' | 'annotations.delete'>

/** What sending reads and records: the sync's own maps, shared, not copied. */
export type SendState = {
  articleId: string
  client: Client
  /** Local id → the id the archive gave the creation. */
  realIds: Map<string, string>
  /** Local id → when its creation landed. */
  landed: Map<string, string>
  /** Annotations whose change the archive found older than what it holds: the state it holds instead. */
  newer: Map<string, Annotation>
  pdfParts: ReadonlyMap<string, PdfPart>
  /** Whether the annotation's creation was refused: there is nothing in the archive to delete. */
  refusedCreate: (id: string) => boolean
}

function pdfArgs(part: PdfPart | undefined) {
  return {
    ...(part?.group ? { pdfGroup: part.group } : {}),
    ...(part?.rects?.length ? { pdfRects: part.rects } : {}),
  }
}

export async function sendChange(s: SendState, change: Change): Promise<void> {
  const real = (id: string) => s.realIds.get(id) ?? id
  if (change.type === 'create') {
    const { annotation } = change
    const saved = await s.client['annotations.create']({
      articleId: s.articleId,
      id: annotation.id,
      kind: annotation.kind,
      color: annotation.color,
      note: annotation.note,
      tags: annotation.tags,
      target: annotation.target,
      ...(annotation.figure ? { figure: annotation.figure } : {}),
      ...pdfArgs(s.pdfParts.get(annotation.id)),
    })
    // The local id stays the handle the UI uses; calls after this one go to the id the archive gave it.
    s.realIds.set(annotation.id, saved.id)
    s.landed.set(annotation.id, saved.createdAt)
  } else if (change.type === 'delete') {
    // Never created (its creation was refused): there is nothing in the archive to delete.
    if (s.refusedCreate(change.annotation.id)) return
    const { id } = change.annotation
    try {
      // Made after this window's own creation of it, whenever that landed.
      const madeAt = latest(change.madeAt, s.landed.get(id))
      const done = await s.client['annotations.delete']({
        articleId: s.articleId,
        id: real(id),
        ...(madeAt ? { madeAt } : {}),
      })
      // Changed in another window after this deletion was made: the archive kept it.
      if (done.kept) s.newer.set(id, done.kept)
      else s.newer.delete(id)
    } catch (err) {
      // Already gone (a deletion sent again after a reload whose first sending did land): nothing is left to do.
      if ((err as { code?: string }).code !== 'not_found') throw err
    }
  } else {
    const saved = await s.client['annotations.update']({
      articleId: s.articleId,
      id: real(change.id),
      ...change.patch,
      ...(change.madeAt ? { madeAt: change.madeAt } : {}),
    })
    // Stamped later than this change was made: another window saved a newer state, which stays.
    if (change.madeAt && Date.parse(saved.updatedAt) > Date.parse(change.madeAt))
      s.newer.set(change.id, saved)
    else s.newer.delete(change.id)
  }
}
