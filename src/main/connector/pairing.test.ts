// Tests (Node): pairing a browser extension with the connector on a real archive — a code traded once for a token
// kept only as a hash in the user-data folder, bound to the extension's Origin; expiry, guesses, revocation, a
// restart, and a damaged token file.
import { access as reach, mkdir, readFile, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { EXT, FIREFOX, pair, post, start, stopRunning } from '../../../test/connector/server-harness'
import { tempDir } from '../../../test/temp-archive'
import { ConnectorAccess } from './access'
import { TOKEN_HEADER } from './server'

afterEach(stopRunning)

const exists = (file: string) =>
  reach(file).then(
    () => true,
    () => false,
  )

describe('pairing', () => {
  it('trades a code once for a token stored only as a hash, bound to the extension that paired', async () => {
    const { port, access, archive, userDir, host } = await start()
    const token = await pair(port, access)
    expect(token).toMatch(/^glc_/)
    // Kept in the user-data folder, never in the archive.
    expect(access.file.startsWith(join(userDir, 'connectors'))).toBe(true)
    const file = await readFile(access.file, 'utf8')
    expect(file).not.toContain(token)
    expect(await exists(join(archive.dir, 'connector.json'))).toBe(false)
    expect(await access.list()).toMatchObject([{ origin: EXT, name: 'Chromium extension' }])

    const hello = await post(port, '/v1/hello', {}, { origin: EXT, host, [TOKEN_HEADER]: token })
    expect(hello.status).toBe(200)
    // The same token from another extension's origin is refused.
    const other = await post(port, '/v1/hello', {}, { origin: FIREFOX, host, [TOKEN_HEADER]: token })
    expect(other.status).toBe(403)
  })

  it('refuses a code used twice, an expired code, and every guess after five wrong ones', async () => {
    let clock = Date.now()
    const dir = await tempDir()
    const access = new ConnectorAccess({ archiveDir: dir, userDir: join(dir, 'user') }, () => clock)
    const { code } = access.startPairing()
    await access.pair({ code, origin: EXT, name: 'x' })
    await expect(access.pair({ code, origin: EXT, name: 'x' })).rejects.toMatchObject({
      code: 'unauthorized',
    })

    const late = access.startPairing()
    clock += 5 * 60_000 + 1
    await expect(access.pair({ code: late.code, origin: EXT, name: 'x' })).rejects.toThrow(/No pairing code/)

    const guessed = access.startPairing()
    for (let i = 0; i < 5; i++)
      await expect(access.pair({ code: 'AAAA-AAAA', origin: EXT, name: 'x' })).rejects.toThrow(/wrong/)
    await expect(access.pair({ code: guessed.code, origin: EXT, name: 'x' })).rejects.toThrow(
      /No pairing code/,
    )
    expect(await access.list()).toHaveLength(1)
  })

  it('a revoked token is refused at once, and the list survives a restart without the tokens', async () => {
    const { port, access, archive, userDir, host } = await start()
    const token = await pair(port, access)
    const second = await pair(port, access, FIREFOX)
    const [first] = await access.list()
    await access.revoke(first.id)
    expect((await post(port, '/v1/hello', {}, { origin: EXT, host, [TOKEN_HEADER]: token })).status).toBe(403)
    const reopened = new ConnectorAccess({ archiveDir: archive.dir, userDir })
    expect(await reopened.list()).toMatchObject([{ origin: FIREFOX, name: 'Firefox extension' }])
    expect(await reopened.check(second, FIREFOX)).toBeDefined()
    await expect(reopened.revoke(first.id)).rejects.toMatchObject({ code: 'not_found' })
  })

  it('a revoke while a save records its use stays revoked', async () => {
    const place = { archiveDir: await tempDir(), userDir: await tempDir() }
    const access = new ConnectorAccess(place)
    const { code } = access.startPairing()
    const { id, token } = await access.pair({ code, origin: EXT, name: 'x' })
    await Promise.all([access.touch(id), access.revoke(id), access.touch(id)])
    expect(await access.list()).toEqual([])
    expect(await new ConnectorAccess(place).check(token, EXT)).toBeUndefined()
  })

  it('a damaged token file is named and never written over', async () => {
    const access = new ConnectorAccess({ archiveDir: await tempDir(), userDir: await tempDir() })
    await mkdir(dirname(access.file), { recursive: true })
    await writeFile(access.file, '{"version":1,"tokens":[{"id":"x"}]}')
    await expect(access.list()).rejects.toMatchObject({ code: 'corrupt_file' })
    const { code } = access.startPairing()
    await expect(access.pair({ code, origin: EXT, name: 'x' })).rejects.toThrow(
      new RegExp(`${basename(access.file).replace('.', '\\.')} is damaged`),
    )
    expect(await readFile(access.file, 'utf8')).toBe('{"version":1,"tokens":[{"id":"x"}]}')
  })
})
