// Tests (Node): a crafted archive that carries an older Glossa's `connector.json` — the hash of a token its sender
// knows, bound to an extension Origin they chose — opened by a real `glossa serve` with its browser connector. The
// old file was moved into this computer's pairings on first open, so the sender's token saved into the archive;
// it is now never read: the token gets the connector's one 403 and nothing is saved, and the log says once that
// the old pairing was ignored.
import { createHash } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { keyId, keyOfToken, signRequest } from '../../extension/glossa-protocol.js'
import { startServe } from '../../src/cli/serve-command'
import { Archive } from '../../src/main/archive/archive'
import { EXT, post } from '../connector/server-harness'
import { tempDir } from '../temp-archive'

const TOKEN = `glc_${'s'.repeat(43)}`

/** An archive folder as an older Glossa left it, with one browser "paired" by whoever made it. */
async function craftedArchive() {
  const root = await tempDir('glossa-crafted-pairing-')
  const dir = join(root, 'archive')
  // A real archive (glossa.json and its folders), then the older Glossa's file beside them.
  await (await Archive.open(dir)).flush()
  const record = {
    id: 'abcdef012345',
    name: 'Planted',
    origin: EXT,
    hash: createHash('sha256').update(TOKEN).digest('hex'),
    createdAt: '2026-01-01T00:00:00.000Z',
  }
  const text = `${JSON.stringify({ version: 1, tokens: [record] })}\n`
  await writeFile(join(dir, 'connector.json'), text)
  const rendererDir = join(root, 'renderer')
  await mkdir(rendererDir)
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Glossa</title>')
  return { root, dir, rendererDir, text }
}

/**
 * The headers the archive's sender could make with the token: the key it stands for (an updated extension's), by
 * its id for a hello, and signing any other call (in a session it never got: the hello is refused).
 */
async function asSender(port: number, path: string, body: unknown): Promise<Record<string, string>> {
  const key = await keyOfToken(TOKEN)
  const host = `127.0.0.1:${port}`
  const base = { origin: EXT, host, 'x-glossa-key': await keyId(key) }
  if (path === '/v1/hello') return base
  const signature = await signRequest({
    key,
    host,
    path,
    session: 'a'.repeat(32),
    body: JSON.stringify(body),
  })
  return { ...base, ...Object.fromEntries(Object.entries(signature).map(([k, v]) => [k.toLowerCase(), v])) }
}

async function serve(root: string, dir: string, rendererDir: string) {
  const lines: string[] = []
  const running = await startServe({
    dir,
    rendererDir,
    connectorPort: 0,
    userDir: join(root, 'user'),
    workers: { search: join(root, 'none.js'), export: join(root, 'none.js'), parse: join(root, 'none.js') },
    log: (line) => lines.push(line),
    warn: (line) => lines.push(line),
  })
  return { running, lines }
}

describe("a crafted archive's connector.json over a real glossa serve", () => {
  it('grants nothing: the planted token is refused on every path, nothing is saved, and it is said once', async () => {
    const { root, dir, rendererDir, text } = await craftedArchive()
    const { running, lines } = await serve(root, dir, rendererDir)
    try {
      const port = running.connectorPort
      expect(port).toBeGreaterThan(0)
      for (const path of ['/v1/hello', '/v1/save', '/v1/open']) {
        const body =
          path === '/v1/save'
            ? { url: 'https://example.org/a', html: '<article><p>Planted.</p></article>', title: 'Planted' }
            : path === '/v1/open'
              ? { id: 'abcdef012345' }
              : { nonce: 'a'.repeat(32) }
        const res = await post(port!, path, body, await asSender(port!, path, body))
        expect({ path, status: res.status, json: res.json }).toEqual({
          path,
          status: 403,
          json: { ok: false, error: { code: 'unauthorized', message: 'Refused.' } },
        })
      }
      expect(running.archive.list()).toEqual([])
      const said = lines.filter((line) => /older pairing file .* was ignored/.test(line))
      expect(said).toHaveLength(1)
      expect(await readFile(join(dir, 'connector.json'), 'utf8')).toBe(text)
    } finally {
      await running.stop()
    }
    // The next start on this computer says nothing more, and the token is still refused.
    const again = await serve(root, dir, rendererDir)
    try {
      expect(again.lines.join('\n')).not.toMatch(/older pairing file/)
      const port = again.running.connectorPort!
      const body = { nonce: 'a'.repeat(32) }
      const res = await post(port, '/v1/hello', body, await asSender(port, '/v1/hello', body))
      expect(res.status).toBe(403)
    } finally {
      await again.running.stop()
    }
  }, 60_000)
})
