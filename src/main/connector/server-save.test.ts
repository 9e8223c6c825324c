// Tests (Node): saving through the browser connector on a real archive — the page stored as an HTML import
// stores it (tags, collection, a selection as a highlight), a second save found already in Glossa, the page's
// images downloaded, a selection outside the article reported, and what is not a page refused by field.
import { readFile } from 'node:fs/promises'
import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { PAGE, call, pair, signed, start, stopRunning } from '../../../test/connector/server-harness'

afterEach(stopRunning)

describe('saving', () => {
  it('stores the page as an HTML import does, then says a second save is already in Glossa', async () => {
    const { port, access, archive } = await start()
    const token = await pair(port, access)
    await archive.collections.put('harbour', 'Harbour')
    const html = await PAGE
    const first = await call(port, token, '/v1/save', {
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
    })
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

    const again = await call(port, token, '/v1/save', {
      html,
      url: 'https://ledger.example/other',
      tags: ['later'],
      selection: { exact: 'nine metres', prefix: 'more than ', suffix: '\nuntil' },
    })
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
      const { port, access, archive } = await start({ allowPrivate: true })
      const token = await pair(port, access)
      const html = (await PAGE).replace(
        '<p>Only 38 per cent',
        '<figure><img src="/media/dredger.png" alt="The dredger"><figcaption>The dredger at work</figcaption></figure><p>Only 38 per cent',
      )
      const res = await call(port, token, '/v1/save', { html, url: `${base}/2025/03/harbour` })
      const { id } = (res.json as { value: { id: string } }).value
      const article = await archive.getArticle(id)
      expect(article.html).toMatch(/<img src="glossa-asset:[0-9a-f]{64}\.png" alt="The dredger">/)
    } finally {
      images.close()
    }
  })

  it('says plainly when the selection is outside the article, and keeps the page', async () => {
    const { port, access, archive } = await start()
    const token = await pair(port, access)
    const res = await call(port, token, '/v1/save', {
      html: await PAGE,
      selection: { exact: 'All rights reserved.', prefix: 'Ledger. ', suffix: '' },
    })
    const value = (res.json as { value: { id: string; highlight: { status: string; message: string } } })
      .value
    expect(value.highlight).toMatchObject({
      status: 'not_found',
      message: expect.stringMatching(/not in the article/),
    })
    expect(await archive.listAnnotations(value.id)).toEqual([])
  })

  it('refuses what is not a page, naming the field, and stores nothing', async () => {
    const { port, access, archive } = await start()
    const token = await pair(port, access)
    const bad = await call(port, token, '/v1/save', { html: '<p>x</p>', tags: ['a'.repeat(500)], extra: 1 })
    expect(bad.status).toBe(400)
    expect(bad.json).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
    const headers = await signed(port, token, '/v1/save', '<html>not json')
    const notJson = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/v1/save', method: 'POST', headers }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
      req.end('<html>not json')
    })
    expect(notJson).toBe(400)
    const missing = await call(port, token, '/v1/save', { html: await PAGE, collection: 'nosuchcollection' })
    expect(missing.json).toMatchObject({ error: { code: 'not_found' } })
    expect(archive.list()).toEqual([])
  })
})
