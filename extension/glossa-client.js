// Extension (popup): the calls to the Glossa app on this computer, over 127.0.0.1. The pairing key never travels:
// each call first asks the other end to prove it is the Glossa this browser paired with (hello), and sends nothing
// more unless it does; the call itself is signed (glossa-protocol.js). Every failure becomes a sentence the popup
// can show as it is.
/* global chrome */
import { freshNonce, helloProven, keyId, keyOfToken, signRequest, startPairing } from './glossa-protocol.js'

export const DEFAULT_PORT = 21787

/** Why a call failed: Glossa is not answering, refused this browser, something else answered, or what Glossa said. */
export class GlossaError extends Error {
  constructor(kind, message) {
    super(message)
    this.kind = kind
  }
}

export async function loadSettings() {
  const { key, token, port } = await chrome.storage.local.get(['key', 'token', 'port'])
  // An older extension kept the token itself, and sent it with every call. The app kept its SHA-256, which is
  // the key now: the pairing holds, and the token is no longer kept.
  if (typeof key !== 'string' && typeof token === 'string' && token) {
    const fromToken = await keyOfToken(token)
    await chrome.storage.local.set({ key: fromToken })
    await chrome.storage.local.remove('token')
    return { key: fromToken, port: Number(port) || DEFAULT_PORT }
  }
  return { key: typeof key === 'string' ? key : '', port: Number(port) || DEFAULT_PORT }
}

export async function saveSettings(settings) {
  await chrome.storage.local.set(settings)
}

export async function forgetKey() {
  await chrome.storage.local.remove(['key', 'token'])
}

/** Whether the browser lets the extension call 127.0.0.1 (Chromium grants it at install; Firefox may not). */
const mayReachGlossa = () =>
  chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }).catch(() => true)

const hostOf = (port) => `127.0.0.1:${port}`

const impostor = (port, what) =>
  new GlossaError(
    'impostor',
    `Something other than Glossa answers on port ${port} (${what}): nothing was sent. Check the port, or quit the program that holds it and start Glossa.`,
  )

/** One request; its status and JSON answer (null when the answer is not JSON). */
async function send(port, path, text, headers = {}) {
  let res
  try {
    res = await fetch(`http://${hostOf(port)}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: text,
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
    })
  } catch {
    // Firefox lets the user take the 127.0.0.1 permission back; without it the call fails as if no one answered.
    if (!(await mayReachGlossa()))
      throw new GlossaError(
        'no-permission',
        'The extension may not reach Glossa on 127.0.0.1: allow it in the browser’s settings for this extension (Permissions), then try again.',
      )
    throw new GlossaError(
      'not-running',
      `Glossa is not running (nothing answers on port ${port}). Start Glossa, then try again.`,
    )
  }
  let reply = null
  try {
    reply = await res.json()
  } catch {
    // not Glossa's JSON: the callers say so
  }
  return { status: res.status, reply }
}

const refused = () =>
  new GlossaError('refused', 'Glossa does not know this browser (it was unpaired). Pair it again.')

/**
 * Asks the other end to prove it holds this browser's key; returns the session its answer opened. Sends only
 * the key's id and a fresh nonce, which no one can use to act as this browser.
 */
async function proveGlossa({ port, key }) {
  const nonce = freshNonce()
  const { status, reply } = await send(port, '/v1/hello', JSON.stringify({ nonce }), {
    'X-Glossa-Key': await keyId(key),
  })
  if (status === 403) throw refused()
  if (reply?.ok !== true) throw impostor(port, `it answered HTTP ${status}, not as Glossa does`)
  if (!(await helloProven(key, hostOf(port), nonce, reply.value)))
    throw impostor(port, 'it could not prove it is the Glossa this browser is paired with')
  return reply.value.nonce
}

/** A signed call, made only once the other end proved it is Glossa. */
async function call(settings, path, body) {
  const session = await proveGlossa(settings)
  const text = JSON.stringify(body)
  const headers = await signRequest({
    key: settings.key,
    host: hostOf(settings.port),
    path,
    session,
    body: text,
  })
  const { status, reply } = await send(settings.port, path, text, headers)
  if (status === 403) throw refused()
  if (reply?.ok !== true)
    throw new GlossaError(
      'error',
      reply?.error?.message ??
        `Something on port ${settings.port} answered, but not as Glossa does (HTTP ${status}).`,
    )
  return reply.value
}

/** A pairing request's answer from Glossa; anything else, or Glossa's refusal, as a sentence to show. */
async function pairingStep(port, path, body) {
  const { status, reply } = await send(port, path, JSON.stringify(body))
  if (reply?.ok !== true)
    throw new GlossaError(
      'error',
      reply?.error?.message ?? `Something on port ${port} answered, but not as Glossa does (HTTP ${status}).`,
    )
  return reply.value
}

/**
 * Pairs with the code shown in Glossa; returns the key agreed. Neither the code nor anything that would let the
 * other end test guesses at it offline is sent: a program on the port in Glossa's place learns at most whether
 * the one code it guessed was right.
 */
export async function pair({ port }, code) {
  const pairing = await startPairing({ code, host: hostOf(port) })
  const name = navigator.userAgent.includes('Firefox') ? 'Firefox' : 'Chromium'
  const confirming = await pairing.confirm(await pairingStep(port, '/v1/pair', pairing.body))
  const key =
    confirming &&
    (await confirming.finish(await pairingStep(port, '/v1/pair/confirm', { ...confirming.body, name })))
  if (!key)
    throw new GlossaError(
      'impostor',
      `Something other than Glossa answers on port ${port}: it does not know the pairing code, so nothing was paired. Check the port, or quit the program that holds it and start Glossa.`,
    )
  return { key }
}
export const info = (settings) => call(settings, '/v1/info', {})
export const savePage = (settings, page) => call(settings, '/v1/save', page)
export const openArticle = (settings, id) => call(settings, '/v1/open', { id })
