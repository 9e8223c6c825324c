// Main process: live sync's cheap look at the team database (no job): its update sequence, to tell whether
// anything changed there. It runs in the app's own process every poll, so what the server sends is read only up
// to a bound: a database's info is well under a kilobyte, and a body that never ended was gathered here for the
// poll's 15 s, as fast as the network brought it (gigabytes on a fast link: enough to end the app).
import { readCapped } from '../import/read-capped'
import { SyncError } from './run-sync'
import { safeUrl } from './sync-protocol'
import type { Remote } from './sync-protocol'

/** The most of a database's info read (CouchDB's is a few hundred bytes; a sequence is at most a few hundred). */
export const MAX_INFO_BYTES = 64 * 1024

/** The team database's update sequence, as JSON text. */
export async function remoteSeq(remote: Remote, timeoutMs = 15_000): Promise<string> {
  const headers: Record<string, string> = {}
  if (remote.username)
    headers.Authorization = `Basic ${Buffer.from(`${remote.username}:${remote.password ?? ''}`).toString('base64')}`
  const where = safeUrl(remote.url)
  const signal = AbortSignal.timeout(timeoutMs)
  let res: Response
  let text: string | undefined
  try {
    // A redirect is not followed: the sync itself does not follow one (remote-fetch.ts), so neither does its poll.
    res = await fetch(remote.url, { headers, signal, redirect: 'manual' })
    const bytes = res.ok ? await readCapped(res, MAX_INFO_BYTES) : undefined
    text = bytes && Buffer.from(bytes).toString('utf8')
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message
    throw new SyncError('unreachable', `Could not reach ${where} (${cause}); changes wait here.`)
  }
  if (res.status === 401 || res.status === 403)
    throw new SyncError('unauthorized', `The server at ${where} refused the user name or password.`)
  if (res.status === 404) throw new SyncError('no_database', `There is no database at ${where}.`)
  if (res.status >= 300 && res.status < 400)
    throw new SyncError(
      'remote_error',
      `The server at ${where} sent the sync on to another address: Glossa does not follow a team server elsewhere.`,
    )
  if (!res.ok) throw new SyncError('remote_error', `The server at ${where} answered ${res.status}.`)
  if (text === undefined)
    throw new SyncError(
      'remote_error',
      `The server at ${where} answered with more than a database's information (over ${MAX_INFO_BYTES / 1024} KB).`,
    )
  let info: { update_seq?: unknown } = {}
  try {
    info = (JSON.parse(text) ?? {}) as { update_seq?: unknown }
  } catch {
    // Not JSON: no sequence to compare, as before.
  }
  return JSON.stringify(info.update_seq ?? null)
}
