// Sync job process: the HTTP requests PouchDB makes to the team's server, bounded. The server is the team's, and
// what it sends is the attacker's: without bounds, a server that took the connection and never answered held the
// sync (and every sync after it, one at a time) forever, a body that never ended was gathered until memory ran
// out, and a redirect took the password to any port or subdomain of the address's host (PouchDB's fetch keeps
// the Authorization header whenever the host name matches, whatever the port or scheme).
import { Agent as HttpAgent } from 'node:http'
import { Agent as HttpsAgent } from 'node:https'
import type { Socket } from 'node:net'
import { constants } from 'node:buffer'
import PouchDB from 'pouchdb'
import { safeUrl } from './sync-protocol'

/** Codes of the errors below (node-fetch copies a socket error's code onto the error it throws). */
export const IDLE = 'GLOSSA_REMOTE_IDLE'
export const SLOW = 'GLOSSA_REMOTE_SLOW'
/** The least a socket in use must move in a minute (17 bytes a second): no real server is slower and working. */
const MIN_PROGRESS_BYTES = 1024
export const REDIRECTED = 'GLOSSA_REMOTE_REDIRECT'

/**
 * The limits, from the environment for tests. A server quiet for a minute is stuck (a CouchDB answers at once or
 * streams; the replication's own waits are shorter). A body longer than V8's longest string is never read whole:
 * PouchDB parses each answer as one string, which would fail at that length after holding it all.
 */
export function remoteLimits(env: NodeJS.ProcessEnv = process.env) {
  const positive = (value: string | undefined, fallback: number) => {
    const n = Number(value)
    return Number.isFinite(n) && n > 0 ? n : fallback
  }
  return {
    idleMs: positive(env.GLOSSA_SYNC_IDLE_MS, 60_000),
    maxBodyBytes: positive(env.GLOSSA_SYNC_MAX_BODY_BYTES, constants.MAX_STRING_LENGTH),
  }
}

/**
 * A socket that has neither sent nor received anything for `idleMs` is ended, failing its request. The agent is
 * given the same timeout: it re-arms a socket's timer as it goes back to the pool, and would otherwise disarm it.
 * A socket in use that moves fewer than MIN_PROGRESS_BYTES in a whole `idleMs` is ended too: a server dripping a
 * byte now and then is never silent, and held the sync (and every sync queued behind it) for as long as it liked.
 */
function watchIdle(socket: Socket, idleMs: number) {
  const end = (code: string, why: string) => socket.destroy(Object.assign(new Error(why), { code }))
  socket.setTimeout(idleMs, () => end(IDLE, `the server sent nothing for ${Math.round(idleMs / 1000)} s`))
  let since: number | undefined
  let moved = 0
  const check = setInterval(() => {
    // Node's own mark of a socket carrying a request (the pool's free sockets have none).
    const busy = Boolean((socket as Socket & { _httpMessage?: unknown })._httpMessage)
    const bytes = socket.bytesRead + socket.bytesWritten
    const now = Date.now()
    if (!busy) since = undefined
    else if (since === undefined || bytes - moved >= MIN_PROGRESS_BYTES) {
      since = now
      moved = bytes
    } else if (now - since >= idleMs)
      end(SLOW, `the server sent less than ${MIN_PROGRESS_BYTES} bytes in ${Math.round(idleMs / 1000)} s`)
  }, idleMs / 4)
  check.unref()
  socket.once('close', () => clearInterval(check))
  return socket
}

class IdleHttpAgent extends HttpAgent {
  constructor(readonly idleMs: number) {
    super({ keepAlive: true, timeout: idleMs })
  }
  override createConnection(...args: Parameters<HttpAgent['createConnection']>) {
    return watchIdle(super.createConnection(...args) as Socket, this.idleMs)
  }
}

class IdleHttpsAgent extends HttpsAgent {
  constructor(readonly idleMs: number) {
    super({ keepAlive: true, timeout: idleMs })
  }
  override createConnection(...args: Parameters<HttpsAgent['createConnection']>) {
    return watchIdle(super.createConnection(...args) as Socket, this.idleMs)
  }
}

type FetchInit = Record<string, unknown>
type FetchResponse = { status: number; headers: { get(name: string): string | null } }

/** The fetch PouchDB is given (its `fetch` option): PouchDB's own, with the limits and no redirects followed. */
export function boundedFetch(limits = remoteLimits()) {
  const agents = { http: new IdleHttpAgent(limits.idleMs), https: new IdleHttpsAgent(limits.idleMs) }
  return async (url: string, init: FetchInit = {}): Promise<unknown> => {
    const response = (await PouchDB.fetch(url, {
      ...init,
      agent: (parsed: URL) => (parsed.protocol === 'https:' ? agents.https : agents.http),
      size: limits.maxBodyBytes,
      redirect: 'manual',
    })) as FetchResponse
    const location = response.headers.get('location')
    if (response.status >= 300 && response.status < 400 && location !== null) {
      let target = 'another address'
      try {
        target = safeUrl(new URL(location, url).toString())
      } catch {
        // An address that does not parse is still not followed.
      }
      const err = new Error(`the server sent the request on to ${target.slice(0, 300)}`)
      throw Object.assign(err, { code: REDIRECTED, target: target.slice(0, 300) })
    }
    return response
  }
}
