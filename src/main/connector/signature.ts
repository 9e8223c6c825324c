// Main process (priority 1): the browser connector's proofs, so the pairing key never travels once agreed. The
// extension's side is extension/glossa-protocol.js; the texts signed must stay the same in both. Pairing is
// CPace keyed by the one-time code, run by the code both ends share (extension/cpace.js): the code is never
// sent, and nothing that crosses the wire lets anyone test guesses at it offline. A hello proves to the
// extension that it reached this Glossa and opens a short session; every other call is signed with an HMAC over
// its method, Host, path, time, a fresh nonce, the session and its body's SHA-256, checked in constant time, and
// refused when more than two minutes off or when its nonce was seen (a replay).
import { createHash, createHmac, randomBytes } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import { pairingRun } from '../../../extension/cpace.js'
import { GlossaError } from '../../shared/errors'
import { sameSecret } from '../same-secret'

/** How far a signed call's time may be from ours, and how long a hello's session and a seen nonce are kept. */
export const SIGNATURE_WINDOW_MS = 2 * 60_000
/** Sessions kept at most: a flood of hellos evicts the oldest rather than filling memory. */
const MAX_SESSIONS = 1000

export const AUTH_HEADER = {
  key: 'x-glossa-key',
  time: 'x-glossa-time',
  nonce: 'x-glossa-nonce',
  session: 'x-glossa-session',
  body: 'x-glossa-body',
  signature: 'x-glossa-signature',
} as const

const NONCE = /^[A-Za-z0-9_-]{16,64}$/
const HEX64 = /^[a-f0-9]{64}$/

export const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex')
const hmacHex = (key: Buffer, text: string): string => createHmac('sha256', key).update(text).digest('hex')
/** How the extension names a key without giving it away (glossa-protocol.js keyId). */
export const keyIdOf = (key: string): string => sha256Hex(Buffer.from(key, 'hex')).slice(0, 32)

const texts = {
  hello: (host: string, theirNonce: string, ourNonce: string) =>
    ['glossa-app', host, theirNonce, ourNonce].join('\n'),
  request: (f: Record<'method' | 'host' | 'path' | 'time' | 'nonce' | 'session' | 'bodyHash', string>) =>
    ['GLOSSA-HMAC-1', f.method, f.host, f.path, f.time, f.nonce, f.session, f.bodyHash].join('\n'),
}

/** The app's half of one pairing run, kept between the extension's two requests. */
export type PairingAnswer = {
  /** Our share, for the extension (base64url). */
  share: string
  /** The key both ends keep, once the extension's confirmation holds (hex). */
  key: string
  /** Our confirmation, which shows the extension that we used the same code. */
  proof: string
  /** Whether the extension's confirmation shows it used our code (constant time). */
  confirmedBy: (proof: string) => Promise<boolean>
}

/**
 * Answers the extension's opening of a pairing at `host` with the code (normalized) we showed: our share, and
 * all we need to check its confirmation. Nothing in what we send lets anyone who reads it test codes offline.
 */
export async function answerPairing(input: {
  code: string
  host: string
  sid: string
  share: string
}): Promise<PairingAnswer> {
  const run = await pairingRun({
    code: input.code,
    host: input.host,
    sid: Buffer.from(input.sid, 'base64url'),
    initiator: false,
  })
  const agreed = await run.finish(Buffer.from(input.share, 'base64url'))
  if (!agreed)
    throw new GlossaError('invalid_argument', 'The extension sent a pairing share Glossa cannot use.')
  return {
    share: Buffer.from(run.share).toString('base64url'),
    key: agreed.key,
    proof: agreed.ourTag,
    confirmedBy: agreed.theirTagIs,
  }
}

/** A key no pairing has: unknown callers are checked against it, so every refusal costs the same. */
const NO_KEY = randomBytes(32).toString('hex')

const headerOf = (headers: IncomingHttpHeaders, name: string): string => {
  const value = headers[name]
  return typeof value === 'string' ? value.slice(0, 200) : ''
}

/** The hello sessions this connector opened, and the nonces of the signed calls it took (one per server). */
export class RequestGuard {
  private readonly sessions = new Map<string, { keyId: string; expires: number }>()
  private readonly seen = new Map<string, number>()

  constructor(private readonly now: () => number = Date.now) {}

  /** Answers a hello from the holder of `key`: our nonce (the session) and the proof that we hold the key too. */
  hello(key: string, host: string, theirNonce: string): { nonce: string; proof: string } {
    const nonce = randomBytes(16).toString('hex')
    this.forgetExpired()
    if (this.sessions.size >= MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value as string)
    this.sessions.set(nonce, { keyId: keyIdOf(key), expires: this.now() + SIGNATURE_WINDOW_MS })
    return { nonce, proof: hmacHex(Buffer.from(key, 'hex'), texts.hello(host, theirNonce, nonce)) }
  }

  /**
   * The body hash a signed call declares when its signature holds — by `key` (undefined: not paired), fresh,
   * in a live session of that key, its nonce never seen — else undefined. Its nonce is then spent.
   */
  verify(input: {
    key: string | undefined
    method: string
    host: string
    path: string
    headers: IncomingHttpHeaders
  }): string | undefined {
    const field = (name: string) => headerOf(input.headers, name)
    const [time, nonce, session, bodyHash] = [
      field(AUTH_HEADER.time),
      field(AUTH_HEADER.nonce),
      field(AUTH_HEADER.session),
      field(AUTH_HEADER.body),
    ]
    const key = input.key ?? NO_KEY
    const expected = hmacHex(
      Buffer.from(key, 'hex'),
      texts.request({
        method: input.method,
        host: input.host,
        path: input.path,
        time,
        nonce,
        session,
        bodyHash,
      }),
    )
    // Every check runs, whatever fails first.
    const signed = sameSecret(field(AUTH_HEADER.signature), expected)
    const now = this.now()
    const fresh = /^\d{1,16}$/.test(time) && Math.abs(now - Number(time)) <= SIGNATURE_WINDOW_MS
    this.forgetExpired()
    const open = this.sessions.get(session)
    const inSession = open !== undefined && open.keyId === keyIdOf(key)
    const wellFormed = NONCE.test(nonce) && HEX64.test(bodyHash)
    const replayed = this.seen.has(nonce)
    if (!(input.key && signed && fresh && inSession && wellFormed && !replayed)) return undefined
    this.seen.set(nonce, now + 2 * SIGNATURE_WINDOW_MS)
    return bodyHash
  }

  /** Sessions and nonces past their time (kept in the order they came, so the oldest are first). */
  private forgetExpired(): void {
    const now = this.now()
    for (const [nonce, expires] of this.seen) {
      if (expires > now) break
      this.seen.delete(nonce)
    }
    for (const [nonce, { expires }] of this.sessions) {
      if (expires > now) break
      this.sessions.delete(nonce)
    }
  }
}
