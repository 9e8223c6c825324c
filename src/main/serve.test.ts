import { mkdir, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../test/temp-archive'
import { Archive } from './archive/archive'
import { startServer } from './serve'
import type { RunningServer } from './serve'
import { createService } from './service'

let server: RunningServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

async function start() {
  const dir = await tempDir()
  const rendererDir = join(dir, 'renderer')
  await mkdir(rendererDir)
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Glossa</title>')
  await writeFile(join(dir, 'secret.txt'), 'outside the renderer')
  const archive = await Archive.open(join(dir, 'archive'))
  server = await startServer({ handlers: createService({ archive, version: 'test' }), rendererDir })
  return { server, archive, base: `http://127.0.0.1:${server.port}` }
}

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: string }

// node:http rather than fetch, because fetch will not let a test forge Host and Origin headers.
function call(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<Reply>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'POST', headers: options.headers },
      (res) => {
        let body = ''
        res.on('data', (c) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

describe('browser mode server', () => {
  it('serves the contract to a caller with the token', async () => {
    const { server } = await start()
    const auth = { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' }
    const created = await call(server.port, '/api/articles.create', {
      headers: auth,
      body: JSON.stringify({ title: 'T', text: 'It rose 4.2%.' }),
    })
    expect(created.status).toBe(200)
    const id = JSON.parse(created.body).value.id
    const got = JSON.parse(
      (await call(server.port, '/api/articles.get', { headers: auth, body: JSON.stringify({ id }) })).body,
    )
    expect(got).toMatchObject({ ok: true, value: { id, title: 'T', text: 'It rose 4.2%.' } })
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`)
  })

  it.each([
    ['no token', {}],
    ['a wrong token', { Authorization: 'Bearer nope' }],
    ['a token of the right length but wrong', { Authorization: 'Bearer ' + 'x'.repeat(32) }],
  ])('refuses an API call with %s (401)', async (_name, headers) => {
    const { server, archive } = await start()
    const reply = await call(server.port, '/api/articles.create', {
      headers,
      body: JSON.stringify({ title: 'T', text: 'x' }),
    })
    expect(reply.status).toBe(401)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    expect(archive.list()).toEqual([])
  })

  it.each([
    ['a foreign Host', { Host: 'evil.example:80' }],
    ['a rebinding Host with the right port', { Host: 'attacker.test:PORT' }],
    ['a foreign Origin', { Origin: 'http://evil.example' }],
    ['a null Origin', { Origin: 'null' }],
  ])('refuses %s (403) even with the token', async (_name, extra) => {
    const { server } = await start()
    const headers: Record<string, string> = { Authorization: `Bearer ${server.token}` }
    for (const [k, v] of Object.entries(extra)) headers[k] = v.replace('PORT', String(server.port))
    const reply = await call(server.port, '/api/articles.list', { headers, body: '{}' })
    expect(reply.status).toBe(403)
  })

  it('validates arguments on this path too, naming the field', async () => {
    const { server } = await start()
    const reply = await call(server.port, '/api/annotations.list', {
      headers: { Authorization: `Bearer ${server.token}` },
      body: JSON.stringify({ articleId: 5 }),
    })
    const result = JSON.parse(reply.body)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
    expect(result.error.message).toContain('articleId:')
  })

  it('answers a body that is not JSON with a clear 400', async () => {
    const { server } = await start()
    const reply = await call(server.port, '/api/articles.list', {
      headers: { Authorization: `Bearer ${server.token}` },
      body: '{oops',
    })
    expect(reply.status).toBe(400)
    expect(JSON.parse(reply.body).error.message).toMatch(/not JSON/)
  })

  it('serves the renderer with a CSP, no CORS headers, and nothing outside its folder', async () => {
    const { server } = await start()
    const page = await call(server.port, '/', { method: 'GET' })
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect(page.headers['access-control-allow-origin']).toBeUndefined()
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const reply = await call(server.port, path, { method: 'GET' })
      expect(reply.status).toBe(404)
      expect(reply.body).not.toContain('outside the renderer')
    }
  })
})
