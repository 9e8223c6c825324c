// Tests (Node): who may call the browser connector — without an extension's Origin the connection ends
// unanswered, as at a closed port; an extension breaking any rule (Host, token, method, path) gets one identical
// 403; never a CORS header; bodies over the cap or nested too deep are refused before they are parsed.
import { afterEach, describe, expect, it } from 'vitest'
import { EXT, FIREFOX, outcome, pair, post, start, stopRunning } from '../../../test/connector/server-harness'
import { MAX_JSON_DEPTH } from '../request-body'
import { TOKEN_HEADER } from './server'

afterEach(stopRunning)

describe('who may call', () => {
  // Each row breaks exactly one rule. Without an extension's Origin the connection ends unanswered, as at a
  // closed port; an extension breaking a rule gets the one 403 and body. Never a CORS header.
  type Case = [string, (p: { port: number; token: string }) => [string, Record<string, string>, string?]]
  const fromWebPages: Case[] = [
    [
      'a web page’s Origin',
      ({ port, token }) => [
        '/v1/hello',
        { origin: 'https://evil.example', host: `127.0.0.1:${port}`, [TOKEN_HEADER]: token },
      ],
    ],
    [
      'a loopback web Origin',
      ({ port, token }) => [
        '/v1/hello',
        { origin: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}`, [TOKEN_HEADER]: token },
      ],
    ],
    [
      'the string null as Origin',
      ({ port, token }) => [
        '/v1/hello',
        { origin: 'null', host: `127.0.0.1:${port}`, [TOKEN_HEADER]: token },
      ],
    ],
    ['no Origin', ({ port, token }) => ['/v1/hello', { host: `127.0.0.1:${port}`, [TOKEN_HEADER]: token }]],
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
      ({ token }) => [
        '/v1/hello',
        { origin: 'http://evil.example:21787', host: `evil.example:21787`, [TOKEN_HEADER]: token },
      ],
    ],
  ]
  const fromExtensions: Case[] = [
    [
      'a rebound Host (DNS rebinding)',
      ({ token }) => ['/v1/hello', { origin: EXT, host: `evil.example:21787`, [TOKEN_HEADER]: token }],
    ],
    [
      'a loopback Host on another port',
      ({ port, token }) => [
        '/v1/hello',
        { origin: EXT, host: `127.0.0.1:${port + 1}`, [TOKEN_HEADER]: token },
      ],
    ],
    [
      'an unknown token',
      ({ port }) => ['/v1/hello', { origin: EXT, host: `127.0.0.1:${port}`, [TOKEN_HEADER]: 'glc_guess' }],
    ],
    ['no token', ({ port }) => ['/v1/hello', { origin: EXT, host: `127.0.0.1:${port}` }]],
    [
      'the token as a cookie',
      ({ port, token }) => [
        '/v1/hello',
        { origin: EXT, host: `127.0.0.1:${port}`, cookie: `${TOKEN_HEADER}=${token}` },
      ],
    ],
    [
      'the token in the address',
      ({ port, token }) => [`/v1/hello?token=${token}`, { origin: EXT, host: `127.0.0.1:${port}` }],
    ],
    [
      'GET',
      ({ port, token }) => [
        '/v1/hello',
        { origin: EXT, host: `127.0.0.1:${port}`, [TOKEN_HEADER]: token },
        'GET',
      ],
    ],
    [
      'an unknown path',
      ({ port, token }) => [
        '/api/app.info',
        { origin: EXT, host: `127.0.0.1:${port}`, [TOKEN_HEADER]: token },
      ],
    ],
  ]
  it.each(fromWebPages)('answers %s with nothing, as a closed port', async (_name, build) => {
    const { port, access } = await start()
    const token = await pair(port, access)
    const [path, headers, method] = build({ port, token })
    expect(await outcome(port, path, headers, method)).toBe('no answer')
  })

  it.each(fromExtensions)('refuses %s with the one 403', async (_name, build) => {
    const { port, access } = await start()
    const token = await pair(port, access)
    const [path, headers, method] = build({ port, token })
    const res = await outcome(port, path, headers, method)
    if (res === 'no answer') throw new Error('an extension got no answer')
    expect(res.status).toBe(403)
    expect(res.json).toEqual({ ok: false, error: { code: 'unauthorized', message: 'Refused.' } })
    expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([])
  })

  it('accepts localhost as Host and Firefox’s moz-extension Origin', async () => {
    const { port, access } = await start()
    const token = await pair(port, access, FIREFOX)
    const res = await post(
      port,
      '/v1/hello',
      {},
      { origin: FIREFOX, host: `localhost:${port}`, [TOKEN_HEADER]: token },
    )
    expect(res.status).toBe(200)
    expect(res.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('refuses a body over the cap unread, and an oversized pairing request', async () => {
    const { port, access, host } = await start()
    const token = await pair(port, access)
    const res = await post(
      port,
      '/v1/hello',
      { pad: 'x'.repeat(20_000) },
      { origin: EXT, host, [TOKEN_HEADER]: token },
    )
    expect(res.status).toBe(413)
    const big = await post(port, '/v1/save', undefined, {
      origin: EXT,
      host,
      [TOKEN_HEADER]: token,
      'content-length': String(65 * 1024 * 1024),
    }).catch((err: Error) => ({ status: 413, error: err }))
    expect(big.status).toBe(413)
  })

  it('refuses a body nested deeper than any request needs, before parsing it', async () => {
    const { port, access, host } = await start()
    const token = await pair(port, access)
    const deep = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1)
    const res = await post(port, '/v1/save', deep, { origin: EXT, host, [TOKEN_HEADER]: token })
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
