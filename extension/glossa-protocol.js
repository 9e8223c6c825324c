// Extension (popup) and the connector's tests in Node: the proofs exchanged with Glossa, so the pairing key never
// travels once it is agreed. Pure WebCrypto (crypto.subtle, in Chromium, Firefox and Node alike), no chrome.*.
// Pairing: CPace (cpace.js), a key exchange the one-time code authenticates, so the code is never sent and
// nothing that crosses the wire — to Glossa or to whatever else answers on its port — lets anyone test guesses
// at the code offline. Then each call starts with a hello — the app proves it holds the key (an HMAC over our
// fresh nonce, its nonce and the address we called) — and is signed with an HMAC over what it asks. The app's
// side is src/main/connector/signature.ts; the texts signed must stay the same in both.
import { pairingRun } from './cpace.js'

const encoder = new TextEncoder()
const subtle = () => globalThis.crypto.subtle

export const hex = (bytes) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('')
const fromHex = (text) => Uint8Array.from(text.match(/../g) ?? [], (h) => parseInt(h, 16))
const base64url = (bytes) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
const fromBase64url = (text) =>
  Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))

const sha256 = async (data) =>
  hex(await subtle().digest('SHA-256', typeof data === 'string' ? encoder.encode(data) : data))
const hmacKey = (raw) =>
  subtle().importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])
const hmac = async (raw, text) => hex(await subtle().sign('HMAC', await hmacKey(raw), encoder.encode(text)))
/** Checks an HMAC the other end sent, in constant time (WebCrypto's verify). */
const hmacMatches = async (raw, text, sent) =>
  typeof sent === 'string' &&
  /^[a-f0-9]{64}$/.test(sent) &&
  subtle().verify('HMAC', await hmacKey(raw), fromHex(sent), encoder.encode(text))

/** 128 random bits, as 32 hex digits. */
export const freshNonce = () => hex(crypto.getRandomValues(new Uint8Array(16)))

/** The key an older extension's token stands for: the app kept the token's SHA-256, which is now the key. */
export const keyOfToken = (token) => sha256(token)
/** Names a key without giving it away: the app finds the pairing by it (half of the key's SHA-256). */
export const keyId = async (key) => (await sha256(fromHex(key))).slice(0, 32)

/** A code as the app makes it: what the user typed, with case, spaces and dashes not mattering. */
export const normalizeCode = (code) => code.toUpperCase().replace(/[\s-]/g, '')

/** The texts each side signs: a label first, so no proof of one kind can stand for another. */
export const texts = {
  hello: (host, ourNonce, appNonce) => ['glossa-app', host, ourNonce, appNonce].join('\n'),
  request: ({ method, host, path, time, nonce, session, bodyHash }) =>
    ['GLOSSA-HMAC-1', method, host, path, time, nonce, session, bodyHash].join('\n'),
}

/** A CPace share as it travels: 32 bytes, base64url; undefined when it is not one. */
const shareOf = (text) =>
  typeof text === 'string' && /^[A-Za-z0-9_-]{43}$/.test(text) ? fromBase64url(text) : undefined

/**
 * Pairing at `host` (127.0.0.1:port), in two requests. `body` opens it: a fresh session id and our share.
 * `confirm(answer)` takes the app's share and gives the second request's `body` — our confirmation, which
 * shows the app we used the same code (a wrong code fails there, and counts as a wrong try) — and `finish`,
 * which checks the app's confirmation and returns the key, or undefined when the app did not prove it knows
 * the code. `confirm` is undefined for an answer that is no share.
 */
export async function startPairing({ code, host }) {
  const sid = crypto.getRandomValues(new Uint8Array(16))
  const run = await pairingRun({ code: normalizeCode(code), host, sid, initiator: true })
  const session = base64url(sid)
  return {
    body: { sid: session, share: base64url(run.share) },
    async confirm(answer) {
      const theirs = shareOf(answer?.share)
      const agreed = theirs && (await run.finish(theirs))
      if (!agreed) return undefined
      return {
        body: { sid: session, proof: agreed.ourTag },
        finish: async (reply) => ((await agreed.theirTagIs(reply?.proof)) ? agreed.key : undefined),
      }
    },
  }
}

/** Whether the app's hello answer proves it holds `key`, for our nonce, at the address we called. */
export const helloProven = (key, host, ourNonce, answer) =>
  typeof answer?.nonce === 'string' &&
  hmacMatches(fromHex(key), texts.hello(host, ourNonce, answer.nonce), answer.proof)

/** The headers that sign one request: the key's id, time, a fresh nonce, the hello's session, the body's hash. */
export async function signRequest({ key, host, path, session, body, method = 'POST', now = Date.now() }) {
  const fields = {
    method,
    host,
    path,
    time: String(now),
    nonce: freshNonce(),
    session,
    bodyHash: await sha256(body),
  }
  return {
    'X-Glossa-Key': await keyId(key),
    'X-Glossa-Time': fields.time,
    'X-Glossa-Nonce': fields.nonce,
    'X-Glossa-Session': session,
    'X-Glossa-Body': fields.bodyHash,
    'X-Glossa-Signature': await hmac(fromHex(key), texts.request(fields)),
  }
}
