// Tests (Node, priority 1): the connector's signed calls on a real server — a replayed call, a wrong signature,
// a body other than the one signed, a session of another key or of a Glossa since restarted are refused; an older
// extension that sends its token, or pairs by the old ECDH exchange, is told to update (its token never checked,
// the code not spent), and the key it turns into on update is the one the app kept, so the pairing holds.
import { createECDH, createHash, createHmac } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { keyOfToken, signRequest } from '../../../extension/glossa-protocol.js'
import {
  EXT,
  PAGE,
  call,
  hello,
  pair,
  pairOverHttp,
  post,
  signed,
  start,
  stopRunning,
} from '../../../test/connector/server-harness'
import { OUTDATED, TOKEN_HEADER } from './server'

afterEach(stopRunning)

const REFUSED = { ok: false, error: { code: 'unauthorized', message: 'Refused.' } }

describe('signed calls', () => {
  it('a signed save is taken once: the same request again is refused and stores nothing', async () => {
    const { port, access, archive } = await start()
    const key = await pair(port, access)
    const body = { html: await PAGE }
    const headers = await signed(port, key, '/v1/save', body)
    expect((await post(port, '/v1/save', body, headers)).status).toBe(200)
    const replay = await post(port, '/v1/save', body, headers)
    expect(replay.status).toBe(403)
    expect(replay.json).toEqual(REFUSED)
    expect(archive.list()).toHaveLength(1)
  })

  it('refuses a wrong signature, and a body other than the one signed', async () => {
    const { port, access, archive } = await start()
    const key = await pair(port, access)
    const other = await pair(port, access)
    const body = { html: await PAGE }
    // Signed with another browser's key, under this one's name.
    const wrong = await signed(port, other, '/v1/save', body)
    const mine = await signed(port, key, '/v1/save', body)
    const forged = {
      ...wrong,
      'x-glossa-key': mine['x-glossa-key'],
      'x-glossa-session': mine['x-glossa-session'],
    }
    expect((await post(port, '/v1/save', body, forged)).json).toEqual(REFUSED)
    const swapped = await post(port, '/v1/save', { html: '<article><h1>Planted</h1></article>' }, mine)
    expect(swapped.json).toEqual(REFUSED)
    expect(archive.list()).toEqual([])
    // The key itself is good: signed for what it sends, the page is taken.
    expect((await call(port, key, '/v1/save', body)).status).toBe(200)
  })

  it('refuses a session another key opened, and one from before a restart', async () => {
    const first = await start()
    const key = await pair(first.port, first.access)
    const other = await pair(first.port, first.access)
    const host = first.host
    const othersSession = await hello(first.port, other)
    const text = '{}'
    const theirs = await signRequest({ key, host, path: '/v1/info', session: othersSession, body: text })
    expect((await post(first.port, '/v1/info', text, { origin: EXT, host, ...theirs })).json).toEqual(REFUSED)
    // A session of the Glossa that stops; the next one, with the same pairings, never opened it.
    const oldSession = await hello(first.port, key)
    const pairings = await readFile(first.access.file, 'utf8')
    await stopRunning()
    const again = await start()
    await mkdir(dirname(again.access.file), { recursive: true })
    await writeFile(again.access.file, pairings)
    const late = await signRequest({
      key,
      host: again.host,
      path: '/v1/info',
      session: oldSession,
      body: text,
    })
    expect(
      (await post(again.port, '/v1/info', text, { origin: EXT, host: again.host, ...late })).json,
    ).toEqual(REFUSED)
    expect((await call(again.port, key, '/v1/info', {})).status).toBe(200)
  })

  it('tells an older extension that sends its token to update, whether or not the token is known', async () => {
    const { port, access, host, archive } = await start()
    await pair(port, access)
    for (const path of ['/v1/hello', '/v1/save']) {
      const res = await post(
        port,
        path,
        { html: await PAGE },
        { origin: EXT, host, [TOKEN_HEADER]: 'glc_guess' },
      )
      expect(res.status).toBe(426)
      expect(res.json).toEqual({ ok: false, error: { code: 'unauthorized', message: OUTDATED } })
    }
    // Its pairing request (the code itself) is answered the same, and the code is not spent.
    const { code } = access.startPairing()
    const old = await post(port, '/v1/pair', { code, name: 'Chromium' }, { origin: EXT, host })
    expect(old.status).toBe(426)
    expect((await access.list()).length).toBe(1)
    expect(archive.list()).toEqual([])
  })

  it('tells an extension that pairs by the old ECDH exchange to update, its proof right or not; the code holds', async () => {
    const { port, access, host } = await start()
    const { code } = access.startPairing()
    // The old opening: a P-256 public key and an HMAC keyed by the code — the proof a program on the port could
    // test every code against offline. Made right, with the code on screen: still refused.
    const publicKey = createECDH('prime256v1').generateKeys().toString('base64url')
    const proof = createHmac('sha256', code.replace('-', ''))
      .update(['glossa-pair', host, publicKey].join('\n'))
      .digest('hex')
    const old = await post(port, '/v1/pair', { publicKey, proof, name: 'Chromium' }, { origin: EXT, host })
    expect(old.status).toBe(426)
    expect(old.json).toEqual({ ok: false, error: { code: 'unauthorized', message: OUTDATED } })
    expect(await access.list()).toEqual([])
    // Not counted as a try, nor spending the code: the updated extension pairs with it.
    expect((await pairOverHttp(port, code)).key).toMatch(/^[a-f0-9]{64}$/)
  })

  it('a token an older Glossa handed out becomes, on update, the key it kept: the pairing holds', async () => {
    const { port, access } = await start()
    const token = `glc_${'t'.repeat(43)}`
    // This computer's pairings as an older Glossa wrote them: the token's SHA-256.
    const record = {
      id: 'abcdef012345',
      name: 'Chromium extension',
      origin: EXT,
      hash: createHash('sha256').update(token).digest('hex'),
      createdAt: '2026-01-01T00:00:00.000Z',
    }
    await mkdir(dirname(access.file), { recursive: true })
    await writeFile(access.file, JSON.stringify({ version: 1, tokens: [record] }))
    expect((await call(port, await keyOfToken(token), '/v1/info', {})).status).toBe(200)
  })
})
