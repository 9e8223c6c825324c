// Tests (Node): the browser connector's HTTP server on a real archive — pairing, tokens, the Origin and Host
// rules, the size cap, and saving a page and a selection through the import pipeline.
import { readFile } from 'node:fs/promises'
import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../test/temp-archive'
import { Archive } from '../archive/archive'
import { Importer } from '../importer'
import type { FetchImageOptions } from '../import/fetch-image'
import { ConnectorAccess } from './access'
import { savePage } from './save'
import { TOKEN_HEADER, startConnector } from './server'
import type { RunningConnector } from './server'

const EXT = `chrome-extension://${'abcdefghijklmnop'.repeat(2)}`
const FIREFOX = 'moz-extension://1c0e5d5a-2b7e-4a0f-9b1d-3f4e5a6b7c8d'
const PAGE = readFile(join(__dirname, '../../../test/fixtures/connector/harbour-article.html'), 'utf8')

let running: RunningConnector | null = null
afterEach(async () => {
  await running?.close()
  running = null
})

async function start(imageFetch: FetchImageOptions = {}) {
  const dir = await tempDir()
  const archive = await Archive.open(join(dir, 'archive'))
  const importer = new Importer(archive, undefined, undefined, imageFetch)
  const access = new ConnectorAccess(archive.dir)
  running = await startConnector({
    access,
    port: 0,
    save: (req) => savePage({ archive, importer, now: () => new Date().toISOString() }, req),
    info: () => ({ version: 'test', collections: archive.collections.all(), tags: [] }),
  })
  const port = running.port
  return { archive, access, port, host: `127.0.0.1:${port}` }
}

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; json: unknown }

// node:http, because fetch will not let a test set Host and Origin.
function post(
  port: number,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
  method = 'POST',
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let text = ''
      res.on('data', (c) => (text += c))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, json: text ? JSON.parse(text) : null }),
      )
    })
    req.on('error', reject)
    req.end(body === undefined ? undefined : JSON.stringify(body))
  })
}

async function pair(port: number, access: ConnectorAccess, origin = EXT): Promise<string> {
  const { code } = access.startPairing()
  const res = await post(
    port,
    '/v1/pair',
    { code: code.toLowerCase() },
    { origin, host: `127.0.0.1:${port}` },
  )
  expect(res.status).toBe(200)
  return (res.json as { value: { token: string } }).value.token
}

describe('pairing', () => {
  it('trades a code once for a token stored only as a hash, bound to the extension that paired', async () => {
    const { port, access, archive, host } = await start()
    const token = await pair(port, access)
    expect(token).toMatch(/^glc_/)
    const file = await readFile(join(archive.dir, 'connector.json'), 'utf8')
    expect(file).not.toContain(token)
    expect(await access.list()).toMatchObject([{ origin: EXT, name: 'Chromium extension' }])

    const hello = await post(port, '/v1/hello', {}, { origin: EXT, host, [TOKEN_HEADER]: token })
    expect(hello.status).toBe(200)
    // The same token from another extension's origin is refused.
    const other = await post(port, '/v1/hello', {}, { origin: FIREFOX, host, [TOKEN_HEADER]: token })
    expect(other.status).toBe(403)
  })

  it('refuses a code used twice, an expired code, and every guess after five wrong ones', async () => {
    let clock = Date.now()
    const dir = await tempDir()
    const access = new ConnectorAccess(dir, () => clock)
    const { code } = access.startPairing()
    await access.pair({ code, origin: EXT, name: 'x' })
    await expect(access.pair({ code, origin: EXT, name: 'x' })).rejects.toMatchObject({
      code: 'unauthorized',
    })

    const late = access.startPairing()
    clock += 5 * 60_000 + 1
    await expect(access.pair({ code: late.code, origin: EXT, name: 'x' })).rejects.toThrow(/No pairing code/)

    const guessed = access.startPairing()
    for (let i = 0; i < 5; i++)
      await expect(access.pair({ code: 'AAAA-AAAA', origin: EXT, name: 'x' })).rejects.toThrow(/wrong/)
    await expect(access.pair({ code: guessed.code, origin: EXT, name: 'x' })).rejects.toThrow(
      /No pairing code/,
    )
    expect(await access.list()).toHaveLength(1)
  })

  it('a revoked token is refused at once, and the list survives a restart without the tokens', async () => {
    const { port, access, archive, host } = await start()
    const token = await pair(port, access)
    const second = await pair(port, access, FIREFOX)
    const [first] = await access.list()
    await access.revoke(first.id)
    expect((await post(port, '/v1/hello', {}, { origin: EXT, host, [TOKEN_HEADER]: token })).status).toBe(403)
    const reopened = new ConnectorAccess(archive.dir)
    expect(await reopened.list()).toMatchObject([{ origin: FIREFOX, name: 'Firefox extension' }])
    expect(await reopened.check(second, FIREFOX)).toBeDefined()
    await expect(reopened.revoke(first.id)).rejects.toMatchObject({ code: 'not_found' })
  })

  it('a revoke while a save records its use stays revoked', async () => {
    const dir = await tempDir()
    const access = new ConnectorAccess(dir)
    const { code } = access.startPairing()
    const { id, token } = await access.pair({ code, origin: EXT, name: 'x' })
    await Promise.all([access.touch(id), access.revoke(id), access.touch(id)])
    expect(await access.list()).toEqual([])
    expect(await new ConnectorAccess(dir).check(token, EXT)).toBeUndefined()
  })

  it('a damaged token file is named and never written over', async () => {
    const dir = await tempDir()
    const { writeFile } = await import('node:fs/promises')
    await writeFile(join(dir, 'connector.json'), '{"version":1,"tokens":[{"id":"x"}]}')
    const access = new ConnectorAccess(dir)
    await expect(access.list()).rejects.toMatchObject({ code: 'corrupt_file' })
    const { code } = access.startPairing()
    await expect(access.pair({ code, origin: EXT, name: 'x' })).rejects.toThrow(/connector\.json is damaged/)
    expect(await readFile(join(dir, 'connector.json'), 'utf8')).toBe('{"version":1,"tokens":[{"id":"x"}]}')
  })
})

/** What the connector did with a request: its answer, or the connection ended with none (a closed port's way). */
function outcome(
  port: number,
  path: string,
  headers: Record<string, string>,
  method?: string,
): Promise<Reply | 'no answer'> {
  return post(port, path, method ? undefined : {}, headers, method).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ECONNRESET') return 'no answer' as const
    throw err
  })
}

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
})

describe('saving', () => {
  it('stores the page as an HTML import does, then says a second save is already in Glossa', async () => {
    const { port, access, archive, host } = await start()
    const token = await pair(port, access)
    const headers = { origin: EXT, host, [TOKEN_HEADER]: token, 'content-type': 'application/json' }
    await archive.collections.put('harbour', 'Harbour')
    const html = await PAGE
    const first = await post(
      port,
      '/v1/save',
      {
        html,
        url: 'https://ledger.example/2025/03/harbour-dredging?utm=x',
        tags: ['port/dredging'],
        collection: 'harbour',
        selection: {
          exact: 'four months behind schedule',
          prefix: 'harbour channel is ',
          suffix: ', the port authority',
          note: 'Check the **contract**',
        },
      },
      headers,
    )
    expect(first.status).toBe(200)
    const value = (
      first.json as { value: { status: string; id: string; title: string; highlight: { status: string } } }
    ).value
    expect(value).toMatchObject({
      status: 'imported',
      title: 'Harbour dredging falls behind schedule',
      highlight: { status: 'saved' },
    })

    const article = await archive.getArticle(value.id)
    expect(article.text).toContain('38 per cent of the planned 1.2 million cubic metres')
    expect(article.text).not.toContain('Most read')
    expect(article.html).not.toMatch(/<script|onclick|alert\(/)
    expect(archive.meta(value.id)).toMatchObject({
      tags: ['port/dredging'],
      collections: ['harbour'],
      author: 'Mara Lindqvist',
    })
    const [highlight] = await archive.listAnnotations(value.id)
    const { position } = highlight.target
    expect(article.text.slice(position.start, position.end)).toBe('four months behind schedule')
    expect(highlight).toMatchObject({ kind: 'highlight', note: 'Check the **contract**' })
    expect((await access.list())[0].lastUsedAt).toBeDefined()

    const again = await post(
      port,
      '/v1/save',
      {
        html,
        url: 'https://ledger.example/other',
        tags: ['later'],
        selection: { exact: 'nine metres', prefix: 'more than ', suffix: '\nuntil' },
      },
      headers,
    )
    expect((again.json as { value: unknown }).value).toMatchObject({
      status: 'duplicate',
      id: value.id,
      highlight: { status: 'saved' },
    })
    expect(archive.meta(value.id).tags).toEqual(['port/dredging', 'later'])
    expect(await archive.listAnnotations(value.id)).toHaveLength(2)
    expect(archive.list()).toHaveLength(1)
  })

  it('keeps the page’s images, downloaded as for a web address (the browser sends HTML only)', async () => {
    const png = await readFile(
      join(__dirname, '../../../test/fixtures/import/reader/00-standard-saved_files/site-photo.png'),
    )
    const images = createServer((req, res) => {
      if (req.url === '/media/dredger.png')
        return void res.writeHead(200, { 'content-type': 'image/png' }).end(png)
      res.writeHead(404).end()
    })
    await new Promise<void>((r) => images.listen(0, '127.0.0.1', r))
    try {
      const base = `http://127.0.0.1:${(images.address() as AddressInfo).port}`
      // Loopback addresses are refused to image downloads; this test's image server is one.
      const { port, access, archive, host } = await start({ allowPrivate: true })
      const token = await pair(port, access)
      const html = (await PAGE).replace(
        '<p>Only 38 per cent',
        '<figure><img src="/media/dredger.png" alt="The dredger"><figcaption>The dredger at work</figcaption></figure><p>Only 38 per cent',
      )
      const res = await post(
        port,
        '/v1/save',
        { html, url: `${base}/2025/03/harbour` },
        { origin: EXT, host, [TOKEN_HEADER]: token },
      )
      const { id } = (res.json as { value: { id: string } }).value
      const article = await archive.getArticle(id)
      expect(article.html).toMatch(/<img src="glossa-asset:[0-9a-f]{64}\.png" alt="The dredger">/)
    } finally {
      images.close()
    }
  })

  it('says plainly when the selection is outside the article, and keeps the page', async () => {
    const { port, access, archive, host } = await start()
    const token = await pair(port, access)
    const res = await post(
      port,
      '/v1/save',
      { html: await PAGE, selection: { exact: 'All rights reserved.', prefix: 'Ledger. ', suffix: '' } },
      { origin: EXT, host, [TOKEN_HEADER]: token },
    )
    const value = (res.json as { value: { id: string; highlight: { status: string; message: string } } })
      .value
    expect(value.highlight).toMatchObject({
      status: 'not_found',
      message: expect.stringMatching(/not in the article/),
    })
    expect(await archive.listAnnotations(value.id)).toEqual([])
  })

  it('refuses what is not a page, naming the field, and stores nothing', async () => {
    const { port, access, archive, host } = await start()
    const token = await pair(port, access)
    const headers = { origin: EXT, host, [TOKEN_HEADER]: token }
    const bad = await post(port, '/v1/save', { html: '<p>x</p>', tags: ['a'.repeat(500)], extra: 1 }, headers)
    expect(bad.status).toBe(400)
    expect(bad.json).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
    const notJson = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/v1/save', method: 'POST', headers }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
      req.end('<html>not json')
    })
    expect(notJson).toBe(400)
    const missing = await post(
      port,
      '/v1/save',
      { html: await PAGE, collection: 'nosuchcollection' },
      headers,
    )
    expect(missing.json).toMatchObject({ error: { code: 'not_found' } })
    expect(archive.list()).toEqual([])
  })
})
