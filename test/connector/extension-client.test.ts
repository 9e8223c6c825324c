// Tests (Node, priority 1): the extension's own calls (extension/glossa-client.js, with a small chrome.* stand-in)
// against something else listening on Glossa's port — a real HTTP server on 127.0.0.1 that records every request
// and answers as Glossa's hello does, without the key. It never gets the pairing key, an older extension's token
// or the page: the extension stops at the hello, whose proof fails, and says so.
import { createServer } from 'node:http'
import type { IncomingHttpHeaders, Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { GlossaError, loadSettings, pair, savePage } from '../../extension/glossa-client.js'

const TOKEN = `glc_${'k'.repeat(43)}`
const PAGE_TEXT = 'Harbour master Tomas Eklund said the dredging would resume in April.'

type Seen = { method: string; url: string; headers: IncomingHttpHeaders; body: string }

/** The browser's storage and permissions, as much of them as the client uses. */
function chromeStandIn(stored: Record<string, unknown>) {
  const store = new Map(Object.entries(stored))
  const names = (keys: string | string[]) => (Array.isArray(keys) ? keys : [keys])
  return {
    store,
    chrome: {
      storage: {
        local: {
          get: async (keys: string[]) =>
            Object.fromEntries(keys.filter((k) => store.has(k)).map((k) => [k, store.get(k)])),
          set: async (items: Record<string, unknown>) => {
            for (const [k, v] of Object.entries(items)) store.set(k, v)
          },
          remove: async (keys: string | string[]) => {
            for (const k of names(keys)) store.delete(k)
          },
        },
      },
      permissions: { contains: async () => true },
    },
  }
}

let listener: Server
let seen: Seen[]
let port: number

/** Something else on the port: answers every request as Glossa's hello would look, with a made-up proof. */
beforeEach(async () => {
  seen = []
  listener = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body })
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({ ok: true, value: { nonce: 'b'.repeat(32), proof: 'c'.repeat(64), token: 'x' } }),
      )
    })
  })
  await new Promise<void>((done) => listener.listen(0, '127.0.0.1', done))
  port = (listener.address() as AddressInfo).port
})
afterEach(() => new Promise<void>((done) => listener.close(() => done())))

function install(stored: Record<string, unknown>) {
  const standIn = chromeStandIn({ ...stored, port })
  Object.assign(globalThis, { chrome: standIn.chrome })
  if (!('navigator' in globalThis)) Object.assign(globalThis, { navigator: { userAgent: 'Node' } })
  return standIn.store
}

const everything = () => JSON.stringify(seen)

describe('the extension, with something other than Glossa on its port', () => {
  it('sends neither the key nor the page when saving, and says what answered', async () => {
    const key = 'a1'.repeat(32)
    install({ key })
    const settings = await loadSettings()
    const saving = savePage(settings, {
      html: `<article><p>${PAGE_TEXT}</p></article>`,
      url: 'https://x.example',
    })
    await expect(saving).rejects.toBeInstanceOf(GlossaError)
    await expect(saving).rejects.toMatchObject({
      kind: 'impostor',
      message: expect.stringMatching(
        new RegExp(`^Something other than Glossa answers on port ${port} .*: nothing was sent`),
      ),
    })
    expect(seen.map((s) => s.url)).toEqual(['/v1/hello'])
    expect(everything()).not.toContain(key)
    expect(everything()).not.toContain(PAGE_TEXT)
    expect(seen[0].headers['x-glossa-token']).toBeUndefined()
  })

  it('an older extension’s stored token becomes the key and never travels', async () => {
    const store = install({ token: TOKEN })
    const settings = await loadSettings()
    expect(store.has('token')).toBe(false)
    await expect(savePage(settings, { html: `<p>${PAGE_TEXT}</p>` })).rejects.toMatchObject({
      kind: 'impostor',
    })
    expect(everything()).not.toContain(TOKEN)
    expect(everything()).not.toContain(settings.key)
    expect(everything()).not.toContain(PAGE_TEXT)
  })

  it('pairing with it sends not the code, and takes nothing from its answer', async () => {
    install({})
    await expect(pair({ port }, 'abcd-efgh')).rejects.toMatchObject({
      kind: 'impostor',
      message: expect.stringMatching(/does not know the pairing code, so nothing was paired/),
    })
    expect(everything()).not.toMatch(/ABCDEFGH|abcd-efgh|ABCD-EFGH/i)
  })
})
