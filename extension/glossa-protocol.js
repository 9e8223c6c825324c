// Extension (popup) and the connector's tests in Node: the proofs exchanged with Glossa, so the pairing key never
// travels once it is agreed. Pure WebCrypto (crypto.subtle, in Chromium, Firefox and Node alike), no chrome.*.
// Pairing: an ECDH key agreement that the one-time code authenticates on both sides, so the code is never sent and
// the app's answer holds nothing a listener could use. Then each call starts with a hello — the app proves it holds
// the key (an HMAC over our fresh nonce, its nonce and the address we called) — and is signed with an HMAC over
// what it asks. The app's side is src/main/connector/signature.ts; the texts signed must stay the same in both.

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
const joined = (...parts) => {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0))
  let at = 0
  for (const p of parts) {
    all.set(new Uint8Array(p), at)
    at += p.byteLength
  }
  return all
}

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
  pairAsk: (host, ours) => ['glossa-pair', host, ours].join('\n'),
  pairAnswer: (host, ours, theirs) => ['glossa-app-pair', host, ours, theirs].join('\n'),
  hello: (host, ourNonce, appNonce) => ['glossa-app', host, ourNonce, appNonce].join('\n'),
  request: ({ method, host, path, time, nonce, session, bodyHash }) =>
    ['GLOSSA-HMAC-1', method, host, path, time, nonce, session, bodyHash].join('\n'),
}

const P256 = { name: 'ECDH', namedCurve: 'P-256' }

/**
 * The first half of pairing at `host` (127.0.0.1:port): our ECDH public key and a proof that we know the code, and
 * `finish`, which checks the app's answer (only the app knows the code) and returns the key, or undefined when the
 * answer does not prove it.
 */
export async function startPairing({ code, host }) {
  const pair = await subtle().generateKey(P256, false, ['deriveBits'])
  const ours = base64url(await subtle().exportKey('raw', pair.publicKey))
  const secret = encoder.encode(normalizeCode(code))
  return {
    body: { publicKey: ours, proof: await hmac(secret, texts.pairAsk(host, ours)) },
    async finish(answer) {
      const theirs = answer?.publicKey
      if (typeof theirs !== 'string' || !/^[A-Za-z0-9_-]{80,100}$/.test(theirs)) return undefined
      if (!(await hmacMatches(secret, texts.pairAnswer(host, ours, theirs), answer.proof))) return undefined
      const raw = fromBase64url(theirs)
      const theirKey = await subtle().importKey('raw', raw, P256, false, [])
      const shared = await subtle().deriveBits({ name: 'ECDH', public: theirKey }, pair.privateKey, 256)
      return sha256(joined(encoder.encode('glossa-pair-key\n'), shared, fromBase64url(ours), raw))
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
