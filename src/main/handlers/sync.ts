// Main process: team sync (sync.*): the team database's address and user, one sync both ways in the sync job,
// and the conflicts it kept. The password is kept encrypted by the system keychain outside the archive (desktop app,
// sync/team-secret.ts) or in memory for this session only (browser mode); it is never
// written to the archive, its settings or a log.
import { GlossaError } from '../../shared/errors'
import { parseDocId } from '../../shared/sync/doc-ids'
import { readDoc } from '../../shared/sync/docs'
import type { SyncConflict } from '../../shared/sync/contract-schemas'
import type { ErrorCode } from '../../shared/types'
import { resolveConflict } from '../sync/resolve'
import { LiveSync } from '../sync/live'
import { remoteSeq } from '../sync/remote-seq'
import type { LiveFailure, LiveOptions } from '../sync/live'
import { SyncError, countPending, runSync } from '../sync/run-sync'
import { safeUrl } from '../sync/sync-protocol'
import type { Remote } from '../sync/sync-protocol'
import { readTeamSettings, teamAddressProblem, writeTeamSettings } from '../sync/settings'
import type { TeamSettings } from '../sync/settings'
import type { Keeping } from '../sync/team-secret'
import { readSyncState } from '../sync/state'
import { readTrash } from '../archive/trash'
import type { SyncReport } from '../sync/run-sync'
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

function classify(err: unknown): LiveFailure {
  if (err instanceof SyncError)
    return {
      retry: err.code === 'unreachable' || err.code === 'remote_error',
      message: err.message,
      ...(err.pending ? { pending: err.pending } : {}),
    }
  // The sync job stopped (killed, out of memory): try again later.
  return { retry: true, message: err instanceof Error ? err.message : String(err) }
}

const liveSyncs = new Set<LiveSync>()

/** The computer woke from sleep or came back online: every live sync tries at once (Electron's powerMonitor). */
export function wakeLiveSync(): void {
  for (const sync of liveSyncs) sync.wake()
}

/** Live sync's timings; tests make them short. */
export type LiveTimings = Pick<LiveOptions, 'pollMs' | 'debounceMs' | 'firstRetryMs' | 'maxRetryMs'>

/** GLOSSA_SYNC_POLL_MS (tests): how often live sync looks at the server; its other waits follow from it. */
function timingsFromEnv(): LiveTimings {
  const poll = Number(process.env.GLOSSA_SYNC_POLL_MS)
  if (!Number.isFinite(poll) || poll <= 0) return {}
  return {
    pollMs: poll,
    debounceMs: Math.min(1500, poll / 4),
    firstRetryMs: Math.min(1000, poll / 4),
    maxRetryMs: poll * 2,
  }
}

export function syncHandlers(
  { archive, syncJob, teamSecrets }: ServiceContext,
  timings: LiveTimings = timingsFromEnv(),
): HandlerMap<'sync'> {
  let password: string | undefined
  let keeping: Keeping = 'session'
  const secretKey = (settings: TeamSettings) =>
    settings.remote && settings.user
      ? { archiveDir: archive.dir, remote: settings.remote, user: settings.user }
      : undefined
  /** The password stored for these settings (desktop app), if any. */
  const loadPassword = async (settings: TeamSettings) => {
    const key = secretKey(settings)
    const stored = key && teamSecrets ? await teamSecrets.load(key).catch(() => undefined) : undefined
    password = stored
    keeping = stored === undefined ? 'session' : 'stored'
  }
  let running: Promise<unknown> = Promise.resolve()
  /** What the last sync kept here against a deletion from the team, with the article's title. */
  let lastKept: { id: string; title: string; message: string }[] = []
  const keptOf = async (report: SyncReport) =>
    Promise.all(
      report.kept.map(async ({ id }) => {
        const articleId = id.startsWith('article:') ? id.slice('article:'.length) : id
        const title = archive.catalog.has(articleId)
          ? archive.catalog.get(articleId).title
          : await readTrash(archive.dir, articleId).then(
              (t) => t.meta.title,
              () => articleId,
            )
        return {
          id: articleId,
          title,
          message: `Kept here: “${title}” — emptied from the trash by another member; your unsent changes kept it, the next sync sends it back.`,
        }
      }),
    )
  let live: { sync: LiveSync; stop: () => void } | undefined

  const remoteOf = async (): Promise<Remote> => {
    const settings = await readTeamSettings(archive.dir)
    if (!settings.remote)
      throw new GlossaError('invalid_argument', 'Set the team database in Settings → Team first.')
    return {
      url: settings.remote,
      ...(settings.user ? { username: settings.user, password: password ?? '' } : {}),
    }
  }

  /** One sync at a time, whether asked for or live. */
  const syncOnce = async (remote: Remote) => {
    if (!syncJob)
      throw new GlossaError('unreachable', 'Sync is not available in this window (it has no sync process).')
    const start = syncJob
    const run = running.then(async () => {
      const report = await runSync(archive, remote, start)
      lastKept = await keptOf(report)
      return { report, kept: lastKept }
    })
    running = run.catch(() => {})
    return run
  }

  /** Starts or stops live sync to match the settings (and whether the password is known). */
  const updateLive = async (opening = false) => {
    live?.stop()
    live = undefined
    const settings = await readTeamSettings(archive.dir)
    if (!settings.live || !settings.remote || !syncJob || (settings.user && password === undefined)) return
    // At open the settings are the archive's own file (a shared folder, a restored copy: hostile). Live sync
    // resumes by itself only when this machine's keychain holds the password for this archive, address and
    // user, i.e. someone here chose that server; otherwise it waits for Settings → Team, so a folder cannot make
    // Glossa send its articles to a server of its choosing.
    if (opening && keeping !== 'stored') return
    const sync = new LiveSync({
      ...timings,
      run: async () => {
        const { report } = await syncOnce(await remoteOf())
        return { received: report.received, pending: 0 }
      },
      remoteSeq: async () => remoteSeq(await remoteOf()),
      countPending: () => countPending(archive),
      classify,
    })
    const unsubscribe = archive.onChange(() => sync.localChange())
    liveSyncs.add(sync)
    live = {
      sync,
      stop: () => {
        sync.stop()
        unsubscribe()
        liveSyncs.delete(sync)
      },
    }
    sync.start()
  }
  // Resumes live sync once the archive is open; never throws out of the factory (it only closes over the context).
  void Promise.resolve()
    .then(() => readTeamSettings(archive.dir))
    .then(loadPassword)
    .then(() => updateLive(true))
    .catch(() => {})

  const status = async () => {
    const [settings, state] = await Promise.all([readTeamSettings(archive.dir), readSyncState(archive.dir)])
    const waitingReason = Object.values(state.waiting)[0]
    const liveStatus = live
      ? live.sync.current()
      : settings.live && settings.remote
        ? { state: 'needs-password' as const, pending: 0, received: 0 }
        : undefined
    return {
      ...(settings.remote ? { remote: settings.remote } : {}),
      ...(settings.user ? { user: settings.user } : {}),
      ...(settings.share ? { share: settings.share } : {}),
      password: password === undefined ? ('none' as const) : keeping,
      ...(state.lastSync ? { lastSync: state.lastSync } : {}),
      conflicts: Object.values(state.conflicts).filter((c) => !c.resolved).length,
      waiting: Object.keys(state.waiting).length,
      ...(waitingReason ? { waitingReason } : {}),
      ...(liveStatus ? { live: liveStatus } : {}),
      ...(lastKept.length ? { kept: lastKept } : {}),
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
    'sync.configure': async ({ remote, user, password: given, live: wanted, share: chosen }) => {
      const problem = teamAddressProblem(remote)
      if (problem)
        throw new GlossaError('invalid_argument', `The team database ${safeUrl(remote)}: ${problem}.`)
      const before = await readTeamSettings(archive.dir)
      const liveOn = wanted ?? before.live ?? false
      const share = chosen === undefined ? before.share : (chosen ?? undefined)
      const settings = {
        remote,
        ...(user ? { user } : {}),
        ...(liveOn ? { live: true } : {}),
        ...(share ? { share } : {}),
      }
      await writeTeamSettings(archive.dir, settings)
      const key = secretKey(settings)
      if (given !== undefined) {
        password = given
        keeping = key && teamSecrets ? await teamSecrets.save(key, given) : 'session'
      } else if (before.remote !== remote || before.user !== user) await loadPassword(settings)
      await updateLive()
      return status()
    },
    'sync.run': async () => {
      try {
        const { report, kept } = await syncOnce(await remoteOf())
        return {
          sent: report.sent,
          received: report.received,
          conflicts: report.conflicts.length,
          waiting: report.waiting,
          refused: report.refused,
          kept,
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
