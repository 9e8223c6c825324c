// Tests (Node): who may call the browser connector — without an extension's Origin the connection ends
// unanswered, as at a closed port; an extension breaking any rule (Host, signature, method, path) gets one identical
// 403; never a CORS header; bodies over the cap or nested too deep are refused before they are parsed.
import { afterEach, describe, expect, it } from 'vitest'
import {
  EXT,
  FIREFOX,
  outcome,
  pair,
  post,
  sendHello,
  signed,
  start,
  stopRunning,
} from '../../../test/connector/server-harness'
import { freshNonce, helloProven } from '../../../extension/glossa-protocol.js'
import { MAX_JSON_DEPTH } from '../request-body'

/** A valid signature for `/v1/info` with the body `{}` (what outcome() sends), without Origin and Host. */
async function signedFor(port: number, key: string): Promise<Record<string, string>> {
  const { origin: _origin, host: _host, ...auth } = await signed(port, key, '/v1/info', {})
  return auth
}

afterEach(stopRunning)

describe('who may call', () => {
  // Each row breaks exactly one rule. Without an extension's Origin the connection ends unanswered, as at a
  // closed port; an extension breaking a rule gets the one 403 and body. Never a CORS header.
  type Case = [
    string,
    (p: { port: number; auth: Record<string, string> }) => [string, Record<string, string>, string?],
  ]
  const fromWebPages: Case[] = [
    [
      'a web page’s Origin',
      ({ port, auth }) => [
        '/v1/info',
        { origin: 'https://evil.example', host: `127.0.0.1:${port}`, ...auth },
      ],
    ],
    [
      'a loopback web Origin',
      ({ port, auth }) => [
        '/v1/info',
        { origin: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}`, ...auth },
      ],
    ],
    [
      'the string null as Origin',
      ({ port, auth }) => ['/v1/info', { origin: 'null', host: `127.0.0.1:${port}`, ...auth }],
    ],
    ['no Origin', ({ port, auth }) => ['/v1/info', { host: `127.0.0.1:${port}`, ...auth }]],
    [
      'a CORS preflight',
      ({ port }) => [
        '/v1/save',
        {
          origin: 'https://evil.example',
          host: `127.0.0.1:${port}`,
          'access-control-request-method': 'POST',
        },
        'OPTIONS',
      ],
    ],
    [
      'pairing from a web page',
      ({ port }) => ['/v1/pair', { origin: 'https://evil.example', host: `127.0.0.1:${port}` }],
    ],
    [
      'a web page on a rebound Host (DNS rebinding)',
      ({ auth }) => [
        '/v1/info',
        { origin: 'http://evil.example:21787', host: `evil.example:21787`, ...auth },
      ],
    ],
  ]
  const fromExtensions: Case[] = [
    [
      'a rebound Host (DNS rebinding)',
      ({ auth }) => ['/v1/info', { origin: EXT, host: `evil.example:21787`, ...auth }],
    ],
    [
      'a loopback Host on another port',
      ({ port, auth }) => ['/v1/info', { origin: EXT, host: `127.0.0.1:${port + 1}`, ...auth }],
    ],
    [
      'a key no pairing has',
      ({ port, auth }) => [
        '/v1/info',
        { ...auth, origin: EXT, host: `127.0.0.1:${port}`, 'x-glossa-key': 'f'.repeat(32) },
      ],
    ],
    [
      'a wrong signature',
      ({ port, auth }) => [
        '/v1/info',
        { ...auth, origin: EXT, host: `127.0.0.1:${port}`, 'x-glossa-signature': 'e'.repeat(64) },
      ],
    ],
    [
      'a signature for another path',
      ({ port, auth }) => ['/v1/open', { ...auth, origin: EXT, host: `127.0.0.1:${port}` }],
    ],
    [
      'a time three minutes ago (the signature made for another)',
      ({ port, auth }) => [
        '/v1/info',
        { ...auth, origin: EXT, host: `127.0.0.1:${port}`, 'x-glossa-time': String(Date.now() - 180_000) },
      ],
    ],
    ['no signature', ({ port }) => ['/v1/info', { origin: EXT, host: `127.0.0.1:${port}` }]],
    [
      'the signature as a cookie',
      ({ port, auth }) => [
        '/v1/info',
        {
          origin: EXT,
          host: `127.0.0.1:${port}`,
          cookie: Object.entries(auth)
            .map(([k, v]) => `${k}=${v}`)
            .join('; '),
        },
      ],
    ],
    [
      'the signature in the address',
      ({ port, auth }) => [
        `/v1/info?${new URLSearchParams(auth).toString()}`,
        { origin: EXT, host: `127.0.0.1:${port}` },
      ],
    ],
    ['GET', ({ port, auth }) => ['/v1/info', { origin: EXT, host: `127.0.0.1:${port}`, ...auth }, 'GET']],
    [
      'an unknown path',
      ({ port, auth }) => ['/api/app.info', { origin: EXT, host: `127.0.0.1:${port}`, ...auth }],
    ],
  ]
  it.each(fromWebPages)('answers %s with nothing, as a closed port', async (_name, build) => {
    const { port, access } = await start()
    const auth = await signedFor(port, await pair(port, access))
    const [path, headers, method] = build({ port, auth })
    expect(await outcome(port, path, headers, method)).toBe('no answer')
  })

  it.each(fromExtensions)('refuses %s with the one 403', async (_name, build) => {
    const { port, access } = await start()
    const auth = await signedFor(port, await pair(port, access))
    const [path, headers, method] = build({ port, auth })
    const res = await outcome(port, path, headers, method)
    if (res === 'no answer') throw new Error('an extension got no answer')
    expect(res.status).toBe(403)
    expect(res.json).toEqual({ ok: false, error: { code: 'unauthorized', message: 'Refused.' } })
    expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([])
  })

  it('accepts localhost as Host and Firefox’s moz-extension Origin, and proves itself for that address', async () => {
    const { port, access } = await start()
    const key = await pair(port, access, FIREFOX)
    const host = `localhost:${port}`
    const nonce = freshNonce()
    const res = await sendHello(port, key, { origin: FIREFOX, host, body: { nonce } })
    expect(res.status).toBe(200)
    expect(res.headers['access-control-allow-origin']).toBeUndefined()
    const answer = (res.json as { value: unknown }).value
    expect(await helloProven(key, host, nonce, answer)).toBe(true)
    // The proof names the address called: relayed to an extension that called another port, it fails.
    expect(await helloProven(key, `127.0.0.1:${port + 1}`, nonce, answer)).toBe(false)
  })

  it('refuses a body over the cap unread, and an oversized pairing request', async () => {
    const { port, access } = await start()
    const key = await pair(port, access)
    const res = await sendHello(port, key, { body: { pad: 'x'.repeat(20_000) } })
    expect(res.status).toBe(413)
    const big = await post(port, '/v1/save', undefined, {
      ...(await signed(port, key, '/v1/save', 'x')),
      'content-length': String(65 * 1024 * 1024),
    }).catch((err: Error) => ({ status: 413, error: err }))
    expect(big.status).toBe(413)
  })

  it('refuses a body nested deeper than any request needs, before parsing it', async () => {
    const { port, access } = await start()
    const key = await pair(port, access)
    const deep = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1)
    const res = await post(port, '/v1/save', deep, await signed(port, key, '/v1/save', deep))
    expect(res.status).toBe(400)
    expect(res.json).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_argument',
        message: expect.stringContaining(`deeper than ${MAX_JSON_DEPTH} levels`),
      },
    })
  })
})
