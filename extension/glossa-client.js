// Extension (popup): the calls to the Glossa app on this computer, over 127.0.0.1. The token travels in a
// header, never a cookie or the address; every failure becomes a sentence the popup can show as it is.
/* global chrome */

export const DEFAULT_PORT = 21787

/** Why a call failed: Glossa is not answering, Glossa refused this browser, or it said what is wrong. */
export class GlossaError extends Error {
  constructor(kind, message) {
    super(message)
    this.kind = kind
  }
}

export async function loadSettings() {
  const { token, port } = await chrome.storage.local.get(['token', 'port'])
  return { token: typeof token === 'string' ? token : '', port: Number(port) || DEFAULT_PORT }
}

export async function saveSettings(settings) {
  await chrome.storage.local.set(settings)
}

export async function forgetToken() {
  await chrome.storage.local.remove('token')
}

/** Whether the browser lets the extension call 127.0.0.1 (Chromium grants it at install; Firefox may not). */
const mayReachGlossa = () =>
  chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }).catch(() => true)

async function call({ port, token }, path, body) {
  let res
  try {
    res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { 'X-Glossa-Token': token } : {}) },
      body: JSON.stringify(body),
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
    // not Glossa's JSON: handled below
  }
  if (res.status === 403 && path !== '/v1/pair')
    throw new GlossaError('refused', 'Glossa does not know this browser (it was unpaired). Pair it again.')
  if (!reply || reply.ok !== true)
    throw new GlossaError(
      'error',
      reply?.error?.message ??
        `Something on port ${port} answered, but not as Glossa does (HTTP ${res.status}).`,
    )
  return reply.value
}

export const pair = (settings, code) =>
  call(settings, '/v1/pair', { code, name: navigator.userAgent.includes('Firefox') ? 'Firefox' : 'Chromium' })
export const hello = (settings) => call(settings, '/v1/hello', {})
export const savePage = (settings, page) => call(settings, '/v1/save', page)
export const openArticle = (settings, id) => call(settings, '/v1/open', { id })
