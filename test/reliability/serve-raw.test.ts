// Tests (Node): what the HTTP bridge does with requests no client library would send — broken percent-escapes,
// odd paths, bodies that are not JSON objects. Each must get a clear refusal, never a 500 or a dead server.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Archive } from '../../src/main/archive/archive'
import { startServer } from '../../src/main/serve'
import type { RunningServer } from '../../src/main/serve'
import { createService } from '../../src/main/service'
import { errorCodeSchema } from '../../src/shared/schemas'
import { call } from './http-client'

let server: RunningServer
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'glossa-raw-'))
  await mkdir(join(dir, 'renderer'))
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Glossa</title>')
  const archive = await Archive.open(join(dir, 'archive'))
  server = await startServer({
    handlers: createService({ archive, version: 'test' }),
    rendererDir: join(dir, 'renderer'),
  })
})
afterAll(async () => {
  await server.close()
  await rm(dir, { recursive: true, force: true })
})

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n)

/** A refusal the renderer can show: JSON, a known code other than `internal`, a sentence. */
function expectRefusal(body: string) {
  const reply = JSON.parse(body) as { ok: boolean; error: { code: string; message: string } }
  expect(reply.ok).toBe(false)
  expect(errorCodeSchema.options).toContain(reply.error.code)
  expect(reply.error.code).not.toBe('internal')
  expect(reply.error.message.trim()).not.toBe('')
}

describe('browser mode with malformed API requests', () => {
  it.each([
    ['a broken percent-escape', '/api/%E0%A4%A', '{}'],
    ['a lone percent sign', '/api/%', '{}'],
    ['a non-hex escape', '/api/%zz', '{}'],
    ['an encoded NUL', '/api/%00', '{}'],
    ['no method', '/api/', '{}'],
    ['an encoded slash', '/api/articles.list%2F..%2F..', '{}'],
    ['a very long method name', `/api/${'a'.repeat(8000)}`, '{}'],
    ['a prototype key', '/api/__proto__', '{}'],
    ['a body that is cut off', '/api/articles.create', '{"title":'],
    ['a byte-order mark', '/api/articles.list', '\ufeff{}'],
    ['a JSON string', '/api/articles.create', '"title"'],
    ['a JSON array', '/api/articles.create', '[{"title":"T","text":"x"}]'],
    ['a JSON number', '/api/articles.get', '1e400'],
    ['a JSON __proto__ key', '/api/articles.create', '{"title":"T","text":"x","__proto__":{"polluted":1}}'],
    [
      'a constructor.prototype key',
      '/api/articles.create',
      '{"title":"T","text":"x","constructor":{"prototype":{"p":1}}}',
    ],
    ['deeply nested arrays', '/api/articles.create', deep(100_000)],
    ['invalid UTF-8', '/api/articles.create', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])],
  ])('refuses %s with a clear error', async (_name, path, body) => {
    const reply = await call(server.port, {
      path,
      headers: { Authorization: `Bearer ${server.token}` },
      body,
    })
    expect([200, 400]).toContain(reply.status)
    expectRefusal(reply.body)
  })

  it.each([
    ['a broken percent-escape', '/%E0%A4%A'],
    ['an encoded NUL', '/%00'],
    ['an encoded traversal', '/..%2f..%2fetc%2fpasswd'],
  ])('answers a static request with %s without a 500', async (_name, path) => {
    const reply = await call(server.port, { method: 'GET', path })
    expect([400, 404]).toContain(reply.status)
  })

  it('still answers a valid call afterwards', async () => {
    const reply = await call(server.port, {
      path: '/api/app.info',
      headers: { Authorization: `Bearer ${server.token}` },
      body: '{}',
    })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { version: 'test' } })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('browser mode with a body nested a million deep', () => {
  it('refuses it by its nesting, before parsing, and answers the next call', async () => {
    const reply = await call(server.port, {
      path: '/api/annotations.create',
      headers: { Authorization: `Bearer ${server.token}` },
      body: deep(1_000_000),
    })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', message: expect.stringContaining('deeper than 64 levels') },
    })
    const next = await call(server.port, {
      path: '/api/app.info',
      headers: { Authorization: `Bearer ${server.token}` },
      body: '{}',
    })
    expect(next.status).toBe(200)
  })
})
