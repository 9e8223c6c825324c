// Tests (Node): pairing a browser extension with the connector on a real archive — CPace keyed by the code, run
// by the extension's own code (extension/glossa-protocol.js) against the real server, the code never travelling
// itself, the key kept in the user-data folder bound to the extension's Origin; expiry, wrong codes counted,
// openings that cost no try, revocation, a restart, and a damaged token file.
import { access as reach, mkdir, readFile, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startPairing } from '../../../extension/glossa-protocol.js'
import {
  EXT,
  FIREFOX,
  call,
  known,
  pair,
  pairOverHttp,
  pairWith,
  sendHello,
  start,
  stopRunning,
} from '../../../test/connector/server-harness'
import { tempDir } from '../../../test/temp-archive'
import { CODE_ATTEMPTS, ConnectorAccess } from './access'
import { answerPairing } from './signature'

afterEach(stopRunning)

const exists = (file: string) =>
  reach(file).then(
    () => true,
    () => false,
  )

describe('pairing', () => {
  it('agrees a key with the code, never sending either; the key works only from the extension that paired', async () => {
    const { port, access, archive, userDir } = await start()
    const { code } = access.startPairing()
    const { opened, confirmed, key, wire } = await pairOverHttp(port, code)
    expect([opened.status, confirmed?.status]).toEqual([200, 200])
    if (!key) throw new Error('no key')
    // Neither the code nor the key is in what crossed the wire.
    expect(JSON.stringify(wire)).not.toContain(code.replace('-', ''))
    expect(JSON.stringify(wire)).not.toContain(key)
    // Kept in the user-data folder (the app signs with it too), never in the archive.
    expect(access.file.startsWith(join(userDir, 'connectors'))).toBe(true)
    expect(JSON.parse(await readFile(access.file, 'utf8')).tokens[0].hash).toBe(key)
    expect(await exists(join(archive.dir, 'connector.json'))).toBe(false)
    expect(await access.list()).toMatchObject([{ origin: EXT, name: 'Chromium extension' }])

    expect((await call(port, key, '/v1/info', {})).status).toBe(200)
    // The same key from another extension's origin is refused.
    expect((await sendHello(port, key, { origin: FIREFOX })).status).toBe(403)
  })

  it('an answer from something that does not know the code pairs nothing', async () => {
    const host = '127.0.0.1:21787'
    const pairing = await startPairing({ code: 'ABCD-EFGH', host })
    // Something on the port that runs the app's side, with a code of its own choosing.
    const impostor = await answerPairing({ code: 'ZZZZZZZZ', host, ...pairing.body })
    const confirming = await pairing.confirm({ share: impostor.share })
    if (!confirming) throw new Error('a well-formed share was not taken')
    expect(await impostor.confirmedBy(confirming.body.proof)).toBe(false)
    expect(await confirming.finish({ proof: impostor.proof })).toBeUndefined()
    expect(await confirming.finish({ proof: '0'.repeat(128) })).toBeUndefined()
    // A share that is no element, or the identity (which would make the key the same whatever the code).
    expect(await pairing.confirm({ share: 'x' })).toBeUndefined()
    expect(await pairing.confirm({ share: 'A'.repeat(43) })).toBeUndefined()
    // The same exchange with the right code agrees: the refusals above are the code's doing.
    const app = await answerPairing({ code: 'ABCDEFGH', host, ...pairing.body })
    const agreed = await pairing.confirm({ share: app.share })
    expect(await app.confirmedBy(agreed?.body.proof ?? '')).toBe(true)
    expect(await agreed?.finish({ proof: app.proof })).toBe(app.key)
  })

  it('a wrong code is refused over HTTP and counts: five wrong, and the right one no longer pairs', async () => {
    const { port, access } = await start()
    const { code } = access.startPairing()
    const wrong = code.startsWith('2') ? '3333-3333' : '2222-2222'
    for (let i = 0; i < CODE_ATTEMPTS; i++) {
      const { opened, confirmed, key } = await pairOverHttp(port, wrong)
      // Opening says nothing either way; the confirmation is where a wrong code shows.
      expect(opened.status).toBe(200)
      expect(confirmed?.status).toBe(400)
      expect(confirmed?.json).toMatchObject({
        ok: false,
        error: { message: expect.stringMatching(/code is wrong/) },
      })
      expect(key).toBeUndefined()
    }
    const late = await pairOverHttp(port, code)
    expect(late.opened.json).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/No pairing code/) },
    })
    expect(await access.list()).toEqual([])
  })

  it('opening runs without confirming them costs no try, and the right code still pairs', async () => {
    const access = new ConnectorAccess({ archiveDir: await tempDir(), userDir: await tempDir() })
    const { code } = access.startPairing()
    const host = '127.0.0.1:21787'
    for (let i = 0; i < 3 * CODE_ATTEMPTS; i++) {
      const pairing = await startPairing({ code: 'AAAA-AAAA', host })
      await access.openPairing({ ...pairing.body, host, origin: EXT })
    }
    // A confirmation for a run never opened (or evicted) tests nothing and counts nothing.
    const stray = await startPairing({ code, host })
    await expect(
      access.confirmPairing({ sid: stray.body.sid, proof: '0'.repeat(128), origin: EXT, name: 'x' }),
    ).rejects.toThrow(/not started with the code/)
    await pairWith(access, { code })
    expect(await access.list()).toHaveLength(1)
  })

  it('an opening with a session id already open is refused: the run open under it still pairs', async () => {
    const access = new ConnectorAccess({ archiveDir: await tempDir(), userDir: await tempDir() })
    const { code } = access.startPairing()
    const host = '127.0.0.1:21787'
    const pairing = await startPairing({ code, host })
    const confirming = await pairing.confirm(await access.openPairing({ ...pairing.body, host, origin: EXT }))
    // Someone who read the opening sends its own share under the same session id.
    const other = await startPairing({ code: 'AAAA-AAAA', host })
    await expect(
      access.openPairing({ sid: pairing.body.sid, share: other.body.share, host, origin: EXT }),
    ).rejects.toThrow(/already open/)
    const { id, ...answer } = await access.confirmPairing({ ...confirming!.body, origin: EXT, name: 'x' })
    expect(await confirming!.finish(answer)).toMatch(/^[a-f0-9]{64}$/)
    expect(await access.list()).toMatchObject([{ id }])
  })

  it('refuses a code used twice, an expired code, and every guess after five wrong ones', async () => {
    let clock = Date.now()
    const dir = await tempDir()
    const access = new ConnectorAccess({ archiveDir: dir, userDir: join(dir, 'user') }, () => clock)
    const { code } = access.startPairing()
    await pairWith(access, { code })
    await expect(pairWith(access, { code })).rejects.toMatchObject({ code: 'unauthorized' })

    const late = access.startPairing()
    clock += 5 * 60_000 + 1
    await expect(pairWith(access, { code: late.code })).rejects.toThrow(/No pairing code/)

    const guessed = access.startPairing()
    for (let i = 0; i < 5; i++) await expect(pairWith(access, { code: 'AAAA-AAAA' })).rejects.toThrow(/wrong/)
    await expect(pairWith(access, { code: guessed.code })).rejects.toThrow(/No pairing code/)
    expect(await access.list()).toHaveLength(1)
  })

  it('a revoked key is refused at once, and the list survives a restart', async () => {
    const { port, access, archive, userDir } = await start()
    const key = await pair(port, access)
    const second = await pair(port, access, FIREFOX)
    const [first] = await access.list()
    await access.revoke(first.id)
    expect((await sendHello(port, key)).status).toBe(403)
    const reopened = new ConnectorAccess({ archiveDir: archive.dir, userDir })
    expect(await reopened.list()).toMatchObject([{ origin: FIREFOX, name: 'Firefox extension' }])
    expect(await known(reopened, second, FIREFOX)).toBeDefined()
    await expect(reopened.revoke(first.id)).rejects.toMatchObject({ code: 'not_found' })
  })

  it('a revoke while a save records its use stays revoked', async () => {
    const place = { archiveDir: await tempDir(), userDir: await tempDir() }
    const access = new ConnectorAccess(place)
    const { id, key } = await pairWith(access)
    await Promise.all([access.touch(id), access.revoke(id), access.touch(id)])
    expect(await access.list()).toEqual([])
    expect(await known(new ConnectorAccess(place), key)).toBeUndefined()
  })

  it('a damaged token file is named and never written over', async () => {
    const access = new ConnectorAccess({ archiveDir: await tempDir(), userDir: await tempDir() })
    await mkdir(dirname(access.file), { recursive: true })
    await writeFile(access.file, '{"version":1,"tokens":[{"id":"x"}]}')
    await expect(access.list()).rejects.toMatchObject({ code: 'corrupt_file' })
    await expect(pairWith(access)).rejects.toThrow(
      new RegExp(`${basename(access.file).replace('.', '\\.')} is damaged`),
    )
    expect(await readFile(access.file, 'utf8')).toBe('{"version":1,"tokens":[{"id":"x"}]}')
  })
})
