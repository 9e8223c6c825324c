// Tests (Node): the browser-mode checklist beyond src/main/serve.test.ts — every API request without the token
// is 401 whatever its method or path, a foreign Host or Origin is 403 on the API and on the static files, no
// response carries a CORS header (preflight included), and nothing but 127.0.0.1 accepts a connection.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { connect } from 'node:net'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Archive } from '../../src/main/archive/archive'
import { startServer } from '../../src/main/serve'
import type { RunningServer } from '../../src/main/serve'
import { createService } from '../../src/main/service'
import { call } from './http-client'
import type { Reply } from './http-client'

let server: RunningServer
let archive: Archive
let dir: string
const replies: Reply[] = []

// One server for the whole file (tempDir() would delete its folder after the first test).
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'glossa-serve-'))
  const rendererDir = join(dir, 'renderer')
  await mkdir(rendererDir)
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Glossa</title>')
  archive = await Archive.open(join(dir, 'archive'))
  server = await startServer({ handlers: createService({ archive, version: 'test' }), rendererDir })
})
afterAll(async () => {
  await server.close()
  await rm(dir, { recursive: true, force: true })
})

/** Sends a request and keeps the reply, so the CORS check at the end sees every response of this file. */
async function send(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  const port = String(server.port)
  const filled = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replaceAll('PORT', port)]))
  const reply = await call(server.port, { method, path, headers: filled, body })
  replies.push(reply)
  return reply
}

const bearer = () => `Bearer ${server.token}`

describe('browser mode without the token', () => {
  it.each([
    ['POST', '/api/articles.create', {}],
    ['GET', '/api/articles.list', {}],
    ['HEAD', '/api/app.info', {}],
    ['PUT', '/api/articles.update', {}],
    ['DELETE', '/api/articles.delete', {}],
    ['PATCH', '/api/tags.rename', {}],
    ['OPTIONS', '/api/articles.list', {}],
    ['POST', '/api/', {}],
    ['POST', '/api/no.such.method', {}],
    ['POST', '/api/__proto__', {}],
    ['POST', '/api/%E0%A4%A', {}],
    ['POST', '/api/../api/articles.list', {}],
    ['POST', '/api/articles.list?token=TOKEN', {}],
    ['POST', '/api/articles.list', { Cookie: 'token=TOKEN' }],
    ['POST', '/api/articles.list', { Authorization: 'TOKEN' }],
    ['POST', '/api/articles.list', { Authorization: 'bearer TOKEN' }],
    ['POST', '/api/articles.list', { Authorization: 'Basic TOKEN' }],
    ['POST', '/api/articles.list', { Authorization: 'Bearer  TOKEN' }],
    ['POST', '/api/articles.list', { Authorization: 'Bearer TOKENx' }],
  ])('%s %s %j is 401', async (method, path, extra) => {
    const token = server.token
    const headers = Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, v.replace('TOKEN', token)]))
    const reply = await send(method, path.replace('TOKEN', token), headers, '{"title":"T","text":"x"}')
    expect(reply.status).toBe(401)
    if (method !== 'HEAD')
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    expect(archive.list()).toEqual([])
  })
})

describe('browser mode with a foreign Host or Origin', () => {
  const foreign: [string, Record<string, string>][] = [
    ['a foreign Host', { Host: 'evil.example' }],
    ['Host without the port', { Host: '127.0.0.1' }],
    ['localhost without the port', { Host: 'localhost' }],
    ['a Host that only starts right', { Host: '127.0.0.1:PORT.evil.example' }],
    ['another loopback address', { Host: '127.0.0.2:PORT' }],
    ['the IPv6 loopback', { Host: '[::1]:PORT' }],
    ['0.0.0.0', { Host: '0.0.0.0:PORT' }],
    ['a foreign Origin', { Origin: 'http://evil.example' }],
    ['a null Origin', { Origin: 'null' }],
    ['an https Origin', { Origin: 'https://127.0.0.1:PORT' }],
    ['an Origin on another port', { Origin: 'http://127.0.0.1:1' }],
    ['an Origin that only starts right', { Origin: 'http://127.0.0.1:PORT.evil.example' }],
    ['a file Origin', { Origin: 'file://' }],
  ]
  it.each(foreign)('refuses %s on the API even with the token (403)', async (_name, extra) => {
    const reply = await send('POST', '/api/app.info', { Authorization: bearer(), ...extra }, '{}')
    expect(reply.status).toBe(403)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
  })
  it.each(foreign)('refuses %s on the static files (403)', async (_name, extra) => {
    const reply = await send('GET', '/', extra)
    expect(reply.status).toBe(403)
    expect(reply.body).not.toContain('<title>Glossa')
  })
  it.each([
    ['127.0.0.1', { Host: '127.0.0.1:PORT', Origin: 'http://127.0.0.1:PORT' }],
    ['localhost', { Host: 'localhost:PORT', Origin: 'http://localhost:PORT' }],
  ])('still serves its own origin on %s', async (_name, extra) => {
    expect((await send('GET', '/', extra)).status).toBe(200)
    expect((await send('POST', '/api/app.info', { Authorization: bearer(), ...extra }, '{}')).status).toBe(
      200,
    )
  })
})

describe('browser mode and CORS', () => {
  it.each([
    ['the API', '/api/articles.list'],
    ['the API, unknown method', '/api/nothing'],
    ['the static files', '/'],
  ])('answers a preflight to %s without CORS headers', async (_name, path) => {
    const auths: Record<string, string>[] = [{}, { Authorization: bearer() }]
    for (const auth of auths) {
      const reply = await send('OPTIONS', path, {
        Origin: 'http://evil.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type',
        ...auth,
      })
      expect(reply.status).toBeGreaterThanOrEqual(400)
    }
  })

  it('sent no CORS header on any response of this file', async () => {
    await send('OPTIONS', '/api/articles.list', { Authorization: bearer() })
    await send('POST', '/api/articles.list', { Authorization: bearer() }, '{}')
    expect(replies.length).toBeGreaterThan(40)
    const cors = replies.flatMap((r) => Object.keys(r.headers).filter((h) => h.startsWith('access-control-')))
    expect(cors).toEqual([])
  })
})

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port })
    socket.setTimeout(2_000, () => socket.destroy())
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
    socket.once('close', () => resolve(false))
  })
}

describe('browser mode listening address', () => {
  const others = Object.values(networkInterfaces())
    .flat()
    .filter((i) => i && i.address !== '127.0.0.1')
    .map((i) => i!.address)
  it.each(['127.0.0.2', '::1', ...others])('does not accept connections on %s', async (host) => {
    expect(await accepts(host, server.port)).toBe(false)
  })
  it('accepts them on 127.0.0.1', async () => {
    expect(await accepts('127.0.0.1', server.port)).toBe(true)
  })
})
