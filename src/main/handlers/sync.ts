// Main process: team sync (sync.*): the team database's address and user, one sync both ways in the sync job,
// and the conflicts it kept. The password is held in memory for this session only (browser mode); it is never
// written to the archive, its settings or a log.
import { GlossaError } from '../../shared/errors'
import { parseDocId } from '../../shared/sync/doc-ids'
import { readDoc } from '../../shared/sync/docs'
import type { SyncConflict } from '../../shared/sync/contract-schemas'
import type { ErrorCode } from '../../shared/types'
import { resolveConflict } from '../sync/resolve'
import { SyncError, runSync } from '../sync/run-sync'
import { readTeamSettings, writeTeamSettings } from '../sync/settings'
import { readSyncState } from '../sync/state'
import type { KeptConflict } from '../sync/state'
import type { HandlerMap, ServiceContext } from './context'

const CODES: Record<SyncError['code'], ErrorCode> = {
  unauthorized: 'unauthorized',
  unreachable: 'unreachable',
  no_database: 'not_found',
  remote_error: 'internal',
}

/** One version of a document as the conflict list shows it. */
function version(docId: string, rev: string, current: boolean, deleted: boolean, raw: unknown) {
  const read = deleted ? undefined : readDoc(docId, raw)
  const doc = read?.ok ? read.doc : undefined
  const by = read?.ok ? read.by : undefined
  const base = { rev, current, deleted, ...(by ? { creator: by } : {}) }
  if (!doc) return { ...base, summary: deleted ? 'deleted' : 'unreadable version' }
  switch (doc.type) {
    case 'annotation':
      return {
        ...base,
        note: doc.annotation.note,
        ...(!by && doc.annotation.creator ? { creator: doc.annotation.creator } : {}),
        summary: `${doc.annotation.kind} “${doc.annotation.target.quote.exact.slice(0, 80)}”`,
      }
    case 'article':
      return { ...base, summary: doc.meta.title }
    case 'tag':
      return { ...base, summary: `${doc.name}: ${doc.color}` }
    case 'collection':
      return { ...base, summary: doc.name }
  }
}

function conflictItem(id: string, c: KeptConflict, current: unknown, title?: string): SyncConflict {
  const ref = parseDocId(id)
  return {
    id,
    kind: ref?.type ?? 'annotation',
    ...(ref && 'articleId' in ref ? { articleId: ref.articleId, annotationId: ref.id } : {}),
    ...(ref?.type === 'article' ? { articleId: ref.id } : {}),
    ...(title ? { title } : {}),
    versions: [
      version(id, c.rev, true, current === undefined, c.by ? { ...(current as object), by: c.by } : current),
      ...c.losers.map((l) => version(id, l.rev, false, l.deleted, l.doc)),
    ],
  }
}

export function syncHandlers({ archive, syncJob }: ServiceContext): HandlerMap<'sync'> {
  let password: string | undefined
  let running: Promise<unknown> = Promise.resolve()

  const status = async () => {
    const [settings, state] = await Promise.all([readTeamSettings(archive.dir), readSyncState(archive.dir)])
    return {
      ...settings,
      password: password === undefined ? ('none' as const) : ('session' as const),
      ...(state.lastSync ? { lastSync: state.lastSync } : {}),
      conflicts: Object.values(state.conflicts).filter((c) => !c.resolved).length,
      waiting: Object.keys(state.waiting).length,
    }
  }

  /** The archive's current content of a document, as the winning version of its conflict. */
  const currentOf = async (id: string): Promise<{ raw?: unknown; title?: string }> => {
    const ref = parseDocId(id)
    if (ref?.type !== 'annotation' || !archive.catalog.has(ref.articleId)) return {}
    const annotation = (await archive.readAnnotations(ref.articleId)).find((a) => a.id === ref.id)
    return {
      ...(annotation ? { raw: { type: 'annotation', annotation } } : {}),
      title: archive.meta(ref.articleId).title,
    }
  }

  return {
    'sync.status': status,
    'sync.configure': async ({ remote, user, password: given }) => {
      await writeTeamSettings(archive.dir, { remote, ...(user ? { user } : {}) })
      if (given !== undefined) password = given
      return status()
    },
    'sync.run': async () => {
      const settings = await readTeamSettings(archive.dir)
      if (!settings.remote)
        throw new GlossaError('invalid_argument', 'Set the team database in Settings → Team first.')
      if (!syncJob)
        throw new GlossaError('unreachable', 'Sync is not available in this window (it has no sync process).')
      const start = syncJob
      const run = running.then(() =>
        runSync(
          archive,
          {
            url: settings.remote!,
            ...(settings.user ? { username: settings.user, password: password ?? '' } : {}),
          },
          start,
        ),
      )
      running = run.catch(() => {})
      try {
        const report = await run
        return {
          sent: report.sent,
          received: report.received,
          conflicts: report.conflicts.length,
          waiting: report.waiting,
          refused: report.refused,
        }
      } catch (err) {
        if (err instanceof SyncError) throw new GlossaError(CODES[err.code], err.message)
        throw err
      }
    },
    'sync.conflicts': async () => {
      const state = await readSyncState(archive.dir)
      const open = Object.entries(state.conflicts).filter(([, c]) => !c.resolved)
      return Promise.all(
        open.map(async ([id, c]) => {
          const { raw, title } = await currentOf(id)
          return conflictItem(id, c, raw, title)
        }),
      )
    },
    'sync.resolve': async ({ id, rev, note }) => {
      const state = await readSyncState(archive.dir)
      const conflict = Object.hasOwn(state.conflicts, id) ? state.conflicts[id] : undefined
      if (!conflict)
        throw new GlossaError('not_found', `There is no conflict on ${id} (it may have been resolved).`)
      if (note === undefined) await resolveConflict(archive, id, { rev })
      else {
        const chosen =
          rev === conflict.rev ? (await currentOf(id)).raw : conflict.losers.find((l) => l.rev === rev)?.doc
        const read = chosen === undefined ? undefined : readDoc(id, chosen)
        if (!read?.ok || read.doc.type !== 'annotation')
          throw new GlossaError(
            'invalid_argument',
            'Only a note can be merged; pick one of the versions instead.',
          )
        const merged = { ...read.doc, annotation: { ...read.doc.annotation, note } }
        await resolveConflict(archive, id, { doc: merged })
      }
      return { ok: true as const }
    },
  }
}
