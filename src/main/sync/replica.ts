// Sync job process: the local replica (PouchDB on LevelDB under <archive>/sync/replica) and one sync with the
// remote, both ways, through PouchDB's CouchDB replication. The archive's changes arrive as documents with
// revisions made here, deterministically from the revision they were made on and their content, so a change
// written twice (a sync killed and run again) is the same revision, and two people's edits of one revision are
// two branches: a conflict CouchDB keeps, never a silent overwrite. Nothing here touches the archive.
import { createHash } from 'node:crypto'
import PouchDB from 'pouchdb'
import { ASSET_NAME, PDF_ASSET_NAME } from '../../shared/assets'
import { parseDocId } from '../../shared/sync/doc-ids'
import { canonicalJson, splitBy, stripCouchFields } from '../../shared/sync/docs'
import { IDLE, REDIRECTED, SLOW, boundedFetch, remoteLimits } from './remote-fetch'
import { safeUrl } from './sync-protocol'
import type {
  Change,
  Outgoing,
  SyncAnswer,
  SyncAsset,
  SyncBatch,
  SyncBatchReply,
  SyncFailureCode,
  SyncRequest,
} from './sync-protocol'

export { safeUrl }

type Doc = { _id: string; _rev?: string; _deleted?: boolean; [field: string]: unknown }

const md5 = (text: string) => createHash('md5').update(text).digest('hex')
const generation = (rev: string) => Number.parseInt(rev, 10)
const revHash = (rev: string) => rev.slice(rev.indexOf('-') + 1)

/** The revision a change makes on `parent`: the same change on the same revision is always the same one. */
export function childRevision(parent: string | undefined, content: string): { start: number; ids: string[] } {
  const hash = md5(`${parent ?? ''}\n${content}`)
  return parent ? { start: generation(parent) + 1, ids: [hash, revHash(parent)] } : { start: 1, ids: [hash] }
}

const MIME: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  pdf: 'application/pdf',
}

/** The names of an article's files, sorted: what tells two versions' attachments apart (a name is its hash). */
const assetKey = (names: string[]) => (names.length ? `\n${[...names].sort().join(',')}` : '')

function revisionDoc(id: string, parent: string | undefined, doc: unknown, assets: SyncAsset[] = []): Doc {
  const content =
    doc === undefined
      ? '{"_deleted":true}'
      : canonicalJson(splitBy(doc).fields) + assetKey(assets.map((a) => a.name))
  const revisions = childRevision(parent, content)
  const fields = doc === undefined ? { _deleted: true } : (doc as Record<string, unknown>)
  // Every revision of an article carries its files whole: a member who gets only this revision gets them too.
  const attachments = assets.length
    ? {
        _attachments: Object.fromEntries(
          assets.map((a) => [
            a.name,
            {
              content_type: MIME[a.name.slice(a.name.lastIndexOf('.') + 1)] ?? 'application/octet-stream',
              data: a.dataBase64,
            },
          ]),
        ),
      }
    : {}
  return {
    ...fields,
    ...attachments,
    _id: id,
    _rev: `${revisions.start}-${revisions.ids[0]}`,
    _revisions: revisions,
  }
}

class SyncFailure extends Error {
  constructor(
    readonly code: SyncFailureCode,
    message: string,
  ) {
    super(message)
  }
}

/** A failure of the server as a whole (stuck, too much, gone elsewhere), never of the one document asked for. */
const serverWide = (err: unknown) => {
  const e = err as { code?: unknown; type?: unknown } | null
  return e?.code === IDLE || e?.code === SLOW || e?.code === REDIRECTED || e?.type === 'max-size'
}

export function remoteFailure(err: unknown, remote: SyncRequest['remote']): SyncFailure {
  const e = err as { status?: number; code?: string; message?: string; name?: string; type?: string }
  const where = safeUrl(remote.url)
  if (e.code === REDIRECTED)
    return new SyncFailure(
      'remote_error',
      `The server at ${where} sent the sync on to ${(err as { target?: string }).target ?? 'another address'}: ` +
        'Glossa does not follow a team server elsewhere (your password would go with it). If the team’s ' +
        'database moved, set its new address in Settings → Team.',
    )
  if (e.code === IDLE)
    return new SyncFailure(
      'unreachable',
      `The server at ${where} stopped answering (it sent nothing for ${Math.round(remoteLimits().idleMs / 1000)} s); nothing was changed here.`,
    )
  if (e.code === SLOW)
    return new SyncFailure(
      'unreachable',
      `The server at ${where} answers too slowly to sync with (less than a kilobyte in ${Math.round(remoteLimits().idleMs / 1000)} s); nothing was changed here.`,
    )
  if (e.type === 'max-size')
    return new SyncFailure(
      'remote_error',
      `The server at ${where} sent an answer longer than Glossa reads (${Math.floor(remoteLimits().maxBodyBytes / 1e6)} MB); the sync stopped there.`,
    )
  if (e.status === 401 || e.status === 403)
    return new SyncFailure(
      'unauthorized',
      `The server at ${where} refused ${remote.username ? `user “${remote.username}”` : 'a sync without a user name'}: ` +
        'check the user name and password (the password is read from GLOSSA_SYNC_PASSWORD).',
    )
  if (e.status === 404)
    return new SyncFailure(
      'no_database',
      `There is no database at ${where}: check its name, or ask who runs the server to create it.`,
    )
  if (e.status === undefined || e.code)
    return new SyncFailure(
      'unreachable',
      `Could not reach ${where} (${said(e.code ?? e.message ?? 'no answer')}); nothing was changed here.`,
    )
  return new SyncFailure(
    'remote_error',
    `The server at ${where} answered ${e.status}: ${said(e.message ?? e.name)}.`,
  )
}

async function writeOutgoing(local: PouchDB, outgoing: Outgoing[]) {
  const written: { id: string; rev: string }[] = []
  const docs: Doc[] = []
  for (const out of outgoing) {
    const current = await local.get(out.id, { conflicts: true }).catch(() => undefined)
    const attached = (current as { _attachments?: Record<string, unknown> } | undefined)?._attachments
    const same =
      current &&
      out.doc !== undefined &&
      canonicalJson(splitBy(stripCouchFields(current)).fields) === canonicalJson(splitBy(out.doc).fields) &&
      assetKey(Object.keys(attached ?? {})) === assetKey((out.assets ?? []).map((a) => a.name))
    // Already there (a sync stopped after writing it, or the remote made the same change): nothing to write.
    if (same && current && !out.dropRevs?.length && !out.resend) {
      written.push({ id: out.id, rev: current._rev })
      continue
    }
    if (out.doc === undefined && !current) continue
    const doc = revisionDoc(out.id, out.parentRev, out.doc, out.assets)
    docs.push(doc)
    written.push({ id: out.id, rev: doc._rev! })
    for (const loser of out.dropRevs ?? []) docs.push(revisionDoc(out.id, loser, undefined))
  }
  if (docs.length) await local.bulkDocs(docs, { new_edits: false })
  return written
}

/** All of an article's files together, at most: more is not taken in (the archive's own limits are lower). */
const MAX_ASSET_BYTES = 64 * 1024 * 1024

/** The winning revision's attachments with their bytes (base64); checked by name, hash and type when applied. */
async function attachmentsOf(local: PouchDB, id: string, doc: Doc): Promise<SyncAsset[]> {
  const stubs = (doc as { _attachments?: Record<string, { length?: number }> })._attachments
  if (!stubs || !id.startsWith('article:')) return []
  const total = Object.values(stubs).reduce((sum, s) => sum + (s.length ?? 0), 0)
  if (total > MAX_ASSET_BYTES) return []
  const full = (await local.get(id, { rev: doc._rev, attachments: true })) as {
    _attachments?: Record<string, { data?: unknown }>
  }
  return Object.entries(full._attachments ?? {}).flatMap(([name, a]) =>
    typeof a.data === 'string' ? [{ name, dataBase64: a.data }] : [],
  )
}

/**
 * Losing versions of one document kept for the person to choose from. A member (or the server) can make any number
 * of conflicting revisions: each was fetched whole, sent to the app and written into sync/state.json, which every
 * sync and every status rewrites or reads. Real conflicts have two or three.
 */
export const MAX_KEPT_LOSERS = 20

/** What the server said, as much of it as a message needs: its reasons are written into the sync state and shown. */
const said = (text: unknown) => String(text).slice(0, 300)

/** One document's winning revision as the archive takes it in, with its conflicts and files. */
async function changeOf(local: PouchDB, id: string, doc: Doc, deleted: boolean): Promise<Change> {
  // The first MAX_KEPT_LOSERS: the rest stay conflicts in the database and come once these are resolved.
  const losing = ((doc as { _conflicts?: string[] })._conflicts ?? []).slice(0, MAX_KEPT_LOSERS)
  const conflicts = losing.length
    ? (await local.get(id, { open_revs: losing })).flatMap((r) =>
        r.ok ? [{ rev: r.ok._rev!, deleted: !!r.ok._deleted, doc: stripCouchFields(r.ok) }] : [],
      )
    : []
  const assets = deleted ? [] : await attachmentsOf(local, id, doc)
  return {
    id,
    rev: doc._rev!,
    deleted,
    ...(deleted ? {} : { doc: stripCouchFields(doc) }),
    conflicts,
    ...(assets.length ? { assets } : {}),
  }
}

/** Changes read from the replica at a time. */
const FEED_BATCH = 500
/** Documents Glossa never makes, named one by one in the sync's report; the rest are counted. */
export const MAX_FOREIGN_LISTED = 100
/**
 * What one batch sent to the app holds at most: this many documents, or this many bytes of them (one article's
 * files can be more; it then goes alone). A member who writes 50,000 annotations makes 100 answers of these, not
 * one of them all.
 */
export const BATCH_DOCS = 500
export const BATCH_BYTES = 4 * 1024 * 1024

/** About how much of a batch a change takes: its documents as JSON and its files' base64. */
const sizeOf = (change: Change) =>
  JSON.stringify({ ...change, assets: undefined }).length +
  (change.assets ?? []).reduce((sum, a) => sum + a.dataBase64.length + a.name.length, 0)

/**
 * Sends the app what changed in the replica since `since`, in batches (deliver: the app applies each, writes it
 * to disk and records how far it got, before the next is read), then the documents in `reread` as they are now:
 * the archive's gate refused them before (an annotation that arrived before its article, when a member's push was
 * cut short between the two), and the changes feed, past them, would never offer them again. What the app
 * refuses in this sync's batches is read again at the end too, once the rest (its article, say) is in.
 */
async function deliverChanges(
  local: PouchDB,
  since: string | number,
  reread: string[],
  deliver: Deliver,
  written: SyncBatch['written'],
) {
  const foreign = { count: 0, ids: [] as string[] }
  const seen = new Set<string>()
  const again = new Set(reread)
  const refusedHere = new Set<string>()
  let batch: Change[] = []
  let bytes = 0
  let first = true
  const send = async (lastSeq?: string | number) => {
    const reply = await deliver({
      changes: batch,
      ...(lastSeq === undefined ? {} : { lastSeq }),
      ...(first ? { written } : {}),
    })
    first = false
    for (const id of reply.reread) {
      again.add(id)
      refusedHere.add(id)
    }
    batch = []
    bytes = 0
  }
  const add = async (change: Change, lastSeq?: string | number) => {
    const size = sizeOf(change)
    if (batch.length && (batch.length >= BATCH_DOCS || bytes + size > BATCH_BYTES)) await send(lastSeq)
    batch.push(change)
    bytes += size
  }
  let lastSeq = since
  // A batch at a time: the feed read whole held every document the server sent at once, and sent them all to the
  // app in one answer, those Glossa never makes too (any number of them, from anyone with write access).
  for (;;) {
    const feed = await local.changes({
      since: lastSeq,
      limit: FEED_BATCH,
      include_docs: true,
      conflicts: true,
      style: 'main_only',
    })
    for (const row of feed.results) {
      // A full batch goes before this row, with the sequence up to the row before it: the app records that far.
      const before = lastSeq
      lastSeq = row.seq
      if (row.id.startsWith('_design/')) continue
      if (!parseDocId(row.id)) {
        // Named (the first few) and counted; its content is never sent to the app, which would refuse it.
        if (foreign.count++ < MAX_FOREIGN_LISTED) foreign.ids.push(row.id.slice(0, 200))
        continue
      }
      seen.add(row.id)
      await add(await changeOf(local, row.id, row.doc! as Doc, !!row.deleted), before)
    }
    lastSeq = feed.last_seq
    if (feed.results.length < FEED_BATCH) break
  }
  if (batch.length || first) await send(lastSeq)
  // Read again: refused before, or by the gate in this sync's batches (its article came in a later one).
  for (const id of [...again]) {
    if ((seen.has(id) && !refusedHere.has(id)) || id.startsWith('_')) continue
    // A deletion (or nothing) now: nothing left to take in.
    const doc = await local.get(id, { conflicts: true }).catch(() => undefined)
    if (doc) await add(await changeOf(local, id, doc as Doc, false))
  }
  if (batch.length) await send()
  return { lastSeq, foreign }
}

const answers = (remote: PouchDB) =>
  remote.info().then(
    (info) => !(info as { error?: string }).error,
    () => false,
  )

/** Why the server could not send a document: a file name no Glossa archive makes, or the server's own words. */
async function whyUnfetchable(remote: PouchDB, id: string, err: unknown): Promise<string> {
  const stub = await remote.get(id).catch(() => undefined)
  const names = Object.keys((stub as { _attachments?: object } | undefined)?._attachments ?? {})
  const bad = names.find((n) => !ASSET_NAME.test(n) && !PDF_ASSET_NAME.test(n))
  if (bad !== undefined)
    return `it carries a file ${JSON.stringify(bad.slice(0, 80))} that is not a Glossa file name (the server could not send it)`
  const message = (err as { message?: string; reason?: string }).reason ?? (err as Error).message
  return `the server could not send it (${String(message ?? 'no reason given').slice(0, 200)})`
}

/**
 * Everything new on the server, into the replica. One document the server cannot send (pouchdb-server 4.2.0 fails
 * a whole batch on an attachment name holding `/`) must not stop the team's sync: while the server still answers,
 * what the replica lacks is fetched again by id, in chunks halved around a failure down to the one document,
 * which is refused with its reason. The replication's checkpoint stays before it, so the next sync does this again.
 */
async function pullFrom(local: PouchDB, remote: PouchDB, r: SyncRequest['remote']) {
  try {
    return { pulled: (await local.replicate.from(remote)).docs_written, refused: [] }
  } catch (err) {
    const status = (err as { status?: number }).status
    if (status === 401 || status === 403 || serverWide(err) || !(await answers(remote)))
      throw remoteFailure(err, r)
  }
  const feed = await remote.changes({ since: 0, style: 'all_docs' }).catch((err: unknown) => {
    throw remoteFailure(err, r)
  })
  const missing = Object.keys(
    await local.revsDiff(
      Object.fromEntries(feed.results.map((row) => [row.id, row.changes.map((c) => c.rev)])),
    ),
  )
  let pulled = 0
  const refused: { id: string; reason: string }[] = []
  const fetchIds = async (ids: string[]): Promise<void> => {
    try {
      pulled += (await local.replicate.from(remote, { doc_ids: ids, checkpoint: false })).docs_written
    } catch (err) {
      if (serverWide(err)) throw remoteFailure(err, r)
      if (ids.length > 1) {
        const half = Math.ceil(ids.length / 2)
        await fetchIds(ids.slice(0, half))
        await fetchIds(ids.slice(half))
      } else if (!(await answers(remote))) throw remoteFailure(err, r)
      else refused.push({ id: ids[0]!.slice(0, 200), reason: await whyUnfetchable(remote, ids[0]!, err) })
    }
  }
  for (let i = 0; i < missing.length; i += 500) await fetchIds(missing.slice(i, i + 500))
  return { pulled, refused }
}

/**
 * The replica, once LevelDB lets this process have it: a sync killed a moment ago may leave its job process
 * holding the lock for the instant it takes to notice and exit.
 */
async function openReplica(dir: string): Promise<PouchDB> {
  for (let attempt = 0; ; attempt++) {
    const local = new PouchDB(dir)
    try {
      await local.info()
      return local
    } catch (err) {
      await local.close().catch(() => {})
      if (attempt >= 50) throw err
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

/** How the app takes a batch of changes in (askApp in the job): it answers once they are on disk. */
export type Deliver = (batch: SyncBatch) => Promise<SyncBatchReply>

export async function syncOnce(request: SyncRequest, deliver: Deliver): Promise<SyncAnswer> {
  const { remote: r } = request
  const remote = new PouchDB(r.url, {
    skip_setup: true,
    fetch: boundedFetch(),
    ...(r.username ? { auth: { username: r.username, password: r.password ?? '' } } : {}),
  })
  try {
    // The remote first: a wrong password or a server that is down changes nothing here.
    const info = (await remote.info().catch((err: unknown) => {
      throw remoteFailure(err, r)
    })) as { error?: string }
    // PouchDB answers a missing database's info with the server's error instead of throwing it.
    if (info.error) {
      const status =
        info.error === 'not_found' ? 404 : /unauthori[sz]ed|forbidden/.test(info.error) ? 401 : 500
      throw remoteFailure({ status, message: info.error }, r)
    }
    const local = await openReplica(request.replicaDir)
    try {
      const written = await writeOutgoing(local, request.outgoing)
      const pull = await pullFrom(local, remote, r)
      const push = await local.replicate.to(remote).catch((err: unknown) => {
        throw remoteFailure(err, r)
      })
      const retry = request.retry.length
        ? await local.replicate.to(remote, { doc_ids: request.retry }).catch(() => undefined)
        : undefined
      const refused = [...push.errors, ...(retry?.errors ?? [])].map((e) => {
        const { id, reason, message } = e as { id?: string; reason?: string; message?: string }
        return { id: String(id ?? '').slice(0, 200), reason: said(reason ?? message ?? 'refused') }
      })
      const { lastSeq, foreign } = await deliverChanges(
        local,
        request.since,
        request.reread ?? [],
        deliver,
        written,
      )
      return {
        ok: true,
        lastSeq,
        pushed: push.docs_written + (retry?.docs_written ?? 0),
        pulled: pull.pulled,
        refused,
        ...(pull.refused.length ? { unfetched: pull.refused } : {}),
        ...(foreign.count ? { foreign } : {}),
      }
    } finally {
      await local.close()
    }
  } catch (err) {
    if (err instanceof SyncFailure) return { ok: false, code: err.code, message: err.message }
    throw err
  }
}
