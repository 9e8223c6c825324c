import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fetchPage } from './fetch-page'
import { parseHtml } from './extract-html'

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test page</title></head>
<body><article><h1>Test page</h1><p>${'A paragraph of served text, long enough to look like an article. '.repeat(8)}</p>
<p>Prices rose by 4.2% — the most since March.</p></article></body></html>`

const server = createServer((req, res) => {
  const route = req.url ?? '/'
  if (route === '/article')
    return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE)
  if (route === '/redirect') return void res.writeHead(302, { location: '/article' }).end()
  if (route === '/legacy') {
    const body = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>'),
      Buffer.from([0x93, 0x41, 0x94]),
      Buffer.from('</p></body></html>'),
    ])
    return void res.writeHead(200, { 'content-type': 'text/html' }).end(body)
  }
  if (route === '/latin1-header') {
    return void res
      .writeHead(200, { 'content-type': 'text/html; charset=ISO-8859-1' })
      .end(Buffer.from([0x3c, 0x70, 0x3e, 0x63, 0x61, 0x66, 0xe9]))
  }
  if (route === '/no-type') return void res.end('<p>untyped</p>')
  if (route === '/slow')
    return void res.writeHead(200, { 'content-type': 'text/html' }).write('<html><body><p>start')
  if (route === '/silent') return // never answers
  if (route === '/huge') {
    res.writeHead(200, { 'content-type': 'text/html' })
    const chunk = Buffer.alloc(64 * 1024, 0x61)
    let sent = 0
    const pump = () => {
      while (sent < 5 * 1024 * 1024) {
        sent += chunk.length
        if (!res.write(chunk)) return void res.once('drain', pump)
      }
      res.end()
    }
    return pump()
  }
  if (route === '/huge-declared')
    return void res
      .writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) })
      .write('<p>')
  if (route === '/report.pdf')
    return void res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7')
  if (route === '/photo') return void res.writeHead(200, { 'content-type': 'image/png' }).end('png')
  if (route === '/error') return void res.writeHead(500, 'Internal Server Error').end('oops')
  res.writeHead(404, 'Not Found').end('not here')
})

let base = ''
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

describe('fetchPage', () => {
  it('downloads a page, which then imports', async () => {
    const { html, finalUrl } = await fetchPage(`${base}/article`)
    expect(finalUrl).toBe(`${base}/article`)
    const doc = parseHtml(html, { url: finalUrl })
    expect(doc.text).toContain('Prices rose by 4.2% — the most since March.')
    expect(doc.source).toBe('127.0.0.1')
  })

  it.each([
    [
      'follows redirects and reports where it ended',
      '/redirect',
      (r: { finalUrl: string }) => expect(r.finalUrl).toBe(`${base}/article`),
    ],
    [
      'decodes with a <meta> charset',
      '/legacy',
      (r: { html: string }) => expect(r.html).toContain('<p>“A”</p>'),
    ],
    [
      'decodes with the header charset',
      '/latin1-header',
      (r: { html: string }) => expect(r.html).toBe('<p>café'),
    ],
    [
      'accepts a page with no content type',
      '/no-type',
      (r: { html: string }) => expect(r.html).toBe('<p>untyped</p>'),
    ],
  ])('%s', async (_name, path, check) => {
    check(await fetchPage(`${base}${path}`))
  })

  it.each([
    [
      'a page that stops mid-way',
      '/slow',
      { timeoutMs: 300 },
      'timeout',
      /did not send the page within 300 ms/,
    ],
    [
      'a server that never answers',
      '/silent',
      { timeoutMs: 300 },
      'timeout',
      /127\.0\.0\.1:\d+ did not send the page/,
    ],
    ['a streamed page over the limit', '/huge', { maxBytes: 1024 * 1024 }, 'too_large', /larger than 1 MB/],
    [
      'a declared length over the limit',
      '/huge-declared',
      { maxBytes: 1024 * 1024 },
      'too_large',
      /larger than 1 MB/,
    ],
    ['a 404', '/missing', {}, 'fetch_failed', /answered 404 Not Found/],
    ['a 500', '/error', {}, 'fetch_failed', /answered 500/],
    ['a PDF', '/report.pdf', {}, 'unsupported', /is a PDF, not a web page/],
    ['an image', '/photo', {}, 'unsupported', /is an image, not a web page/],
  ])('%s', async (_name, path, opts, code, message) => {
    const attempt = fetchPage(`${base}${path}`, opts)
    await expect(attempt).rejects.toMatchObject({ code })
    await expect(attempt).rejects.toThrow(message)
  })

  it.each([
    ['file:', 'file:///etc/passwd'],
    ['javascript:', 'javascript:alert(1)'],
    ['ftp:', 'ftp://files.example/a.html'],
    ['data:', 'data:text/html,<p>x</p>'],
    ['not a URL', 'just some words'],
  ])('refuses %s addresses', async (_name, url) => {
    await expect(fetchPage(url)).rejects.toMatchObject({ code: 'unsupported' })
  })

  it('reports a refused connection as fetch_failed', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise((resolve) => closed.close(resolve))
    await expect(fetchPage(`http://127.0.0.1:${port}/`)).rejects.toMatchObject({ code: 'fetch_failed' })
  })

  it('uses an injected fetch', async () => {
    const fetchImpl: typeof fetch = async () =>
      new Response('<p>stub</p>', { headers: { 'content-type': 'text/html' } })
    await expect(fetchPage('https://news.example/a', { fetchImpl })).resolves.toEqual({
      html: '<p>stub</p>',
      finalUrl: 'https://news.example/a',
    })
  })
})
