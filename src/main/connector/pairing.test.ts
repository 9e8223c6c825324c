// Tests (Node): pairing a browser extension with the connector on a real archive — a code that authenticates an
// ECDH key agreement both ways and never travels itself, the key kept in the user-data folder bound to the
// extension's Origin; expiry, guesses, revocation, a restart, and a damaged token file.
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
  pairWith,
  post,
  sendHello,
  start,
  stopRunning,
} from '../../../test/connector/server-harness'
import { tempDir } from '../../../test/temp-archive'
import { ConnectorAccess } from './access'

afterEach(stopRunning)

const exists = (file: string) =>
  reach(file).then(
    () => true,
    () => false,
  )

describe('pairing', () => {
  it('agrees a key with the code, never sending either; the key works only from the extension that paired', async () => {
    const { port, access, archive, userDir, host } = await start()
    const { code } = access.startPairing()
    const pairing = await startPairing({ code, host })
    const res = await post(port, '/v1/pair', pairing.body, { origin: EXT, host })
    expect(res.status).toBe(200)
    const key = await pairing.finish((res.json as { value: unknown }).value)
    if (!key) throw new Error('no key')
    // Neither the code nor the key is in what crossed the wire.
    const wire = JSON.stringify([pairing.body, res.json])
    expect(wire).not.toContain(code.replace('-', ''))
    expect(wire).not.toContain(key)
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
    const pairing = await startPairing({ code: 'ABCD-EFGH', host: '127.0.0.1:21787' })
    const impostor = await startPairing({ code: 'ZZZZ-ZZZZ', host: '127.0.0.1:21787' })
    // A well-formed answer, proved with another code.
    expect(await pairing.finish({ ...impostor.body })).toBeUndefined()
    expect(await pairing.finish({ publicKey: 'x', proof: '0'.repeat(64) })).toBeUndefined()
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
