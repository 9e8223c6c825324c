// Tests (Node): browser mode refuses a call's body past its method's limit (read off the contract) before it
// reads it, and an invalid call's error message stays short however much is wrong with it.
import { mkdir, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Archive } from '../../src/main/archive/archive'
import { startServer } from '../../src/main/serve'
import type { RunningServer } from '../../src/main/serve'
import { createService } from '../../src/main/service'
import { tempDir } from '../temp-archive'

let server: RunningServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function start(): Promise<RunningServer> {
  const dir = await tempDir()
  await mkdir(join(dir, 'renderer'))
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Glossa</title>')
  const archive = await Archive.open(join(dir, 'archive'))
  server = await startServer({
    handlers: createService({ archive, version: 'test' }),
    rendererDir: join(dir, 'renderer'),
  })
  return server
}

type Reply = { status: number; body: { ok: boolean; error?: { code: string; message: string } } }

/** POSTs `body` (or, with `declared`, only announces that many bytes and sends a few) to /api/<method>. */
function call(s: RunningServer, method: string, body: string, declared?: number): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: s.port,
        path: `/api/${method}`,
        method: 'POST',
        headers: {
          Authorization: `Bearer ${s.token}`,
          'Content-Type': 'application/json',
          'Content-Length': declared ?? Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = ''
        res.on('data', (c: Buffer) => (text += c.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Reply['body'] }))
      },
    )
    // The server may close the connection before a refused body is all sent.
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE' && err.code !== 'ECONNRESET') reject(err)
    })
    if (declared === undefined) req.end(body)
    else req.write(body)
  })
}

const MB = 1024 * 1024

describe('request caps in browser mode', () => {
  it('refuses a 5 MB body for a method that carries no article', async () => {
    const s = await start()
    const body = JSON.stringify({ id: 'abcd1234', title: 'x'.repeat(5 * MB) })
    expect(await call(s, 'articles.update', body)).toEqual({
      status: 413,
      body: {
        ok: false,
        error: {
          code: 'too_large',
          message: 'The request is larger than the 4 MB that articles.update takes.',
        },
      },
    })
  })

  it('refuses a body announced as too large without waiting for it', async () => {
    const s = await start()
    const reply = await call(s, 'tags.list', '{"a":', 100 * MB)
    expect(reply).toMatchObject({ status: 413, body: { error: { code: 'too_large' } } })
  })

  it('still takes 10 MB of HTML to import', async () => {
    const s = await start()
    // An unknown field makes the call invalid, so nothing is imported; what matters is that it was read.
    const body = JSON.stringify({ html: `<p>${'a'.repeat(10 * MB)}</p>`, unknownField: 1 })
    expect(await call(s, 'import.text', body)).toMatchObject({
      status: 200,
      body: {
        ok: false,
        error: { code: 'invalid_argument', message: expect.stringContaining('unknownField') },
      },
    })
  })

  it('answers 200,000 unknown keys with a short message', async () => {
    const s = await start()
    const keys = Array.from({ length: 200_000 }, (_, i) => `"k${i}":1`).join(',')
    const reply = await call(s, 'articles.update', `{"id":"abcd1234",${keys}}`)
    expect(reply.status).toBe(200)
    expect(reply.body.error?.code).toBe('invalid_argument')
    expect(reply.body.error?.message).toMatch(/k4: is not a field this method takes; 199,995 more fields/)
    expect(reply.body.error?.message.length).toBeLessThan(1_000)
  })
})
