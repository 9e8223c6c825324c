// Live sync's poll of the team database, in the app's own process, against real HTTP servers: a database's info
// is read, a body past the bound is refused unread (a hostile server's endless body was gathered for the poll's
// 15 s), and a redirect is not followed.
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { MAX_INFO_BYTES, remoteSeq } from './remote-seq'

async function serve(handle: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer(handle)
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/team`,
    close: () => {
      server.closeAllConnections()
      return new Promise<void>((done) => server.close(() => done()))
    },
  }
}

describe('remoteSeq: the poll of the team database', () => {
  it('reads the update sequence of a database’s info, with the user’s credentials', async () => {
    const seen: (string | undefined)[] = []
    const server = await serve((req, res) => {
      seen.push(req.headers.authorization)
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ db_name: 'team', doc_count: 3, update_seq: '12-abc' }))
    })
    try {
      expect(await remoteSeq({ url: server.url, username: 'ann', password: 'pw' })).toBe('"12-abc"')
      expect(seen).toEqual([`Basic ${Buffer.from('ann:pw').toString('base64')}`])
    } finally {
      await server.close()
    }
  })

  it('refuses a body past the bound and stops reading it', async () => {
    const total = 32 * 1024 * 1024
    let sent = 0
    const chunk = Buffer.alloc(256 * 1024, 0x61)
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.write('{"update_seq":"')
      const pump = () => {
        while (sent < total && !res.destroyed) {
          sent += chunk.length
          if (!res.write(chunk)) return void res.once('drain', pump)
        }
        if (sent >= total && !res.destroyed) res.end('"}')
      }
      res.on('close', () => (sent = Math.min(sent, total)))
      pump()
    })
    try {
      await expect(remoteSeq({ url: server.url })).rejects.toMatchObject({
        code: 'remote_error',
        message: expect.stringContaining(`over ${MAX_INFO_BYTES / 1024} KB`),
      })
      expect(sent).toBeLessThan(total)
    } finally {
      await server.close()
    }
  }, 30_000)

  it('does not follow a redirect to another address', async () => {
    let reached = 0
    const elsewhere = await serve((_req, res) => {
      reached++
      res.end(JSON.stringify({ update_seq: '1-elsewhere' }))
    })
    const server = await serve((_req, res) => {
      res.writeHead(307, { Location: elsewhere.url })
      res.end()
    })
    try {
      await expect(remoteSeq({ url: server.url })).rejects.toMatchObject({
        code: 'remote_error',
        message: expect.stringContaining('sent the sync on to another address'),
      })
      expect(reached).toBe(0)
    } finally {
      await server.close()
      await elsewhere.close()
    }
  })
})
