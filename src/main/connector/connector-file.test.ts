// Tests (Node), on real files: the paired browsers' token hashes live in the user-data folder, one file per
// archive, so a copied archive carries no pairing. An older Glossa's `connector.json` in the archive is never read
// (a crafted archive planted tokens its sender knew by it being moved into this computer's pairings): it grants
// nothing, stays as it is, and is reported once; a real SIGKILL while it is reported changes none of that.
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { cp, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bundleChild } from '../../../test/reliability/bundle-child'
import { tempDir } from '../../../test/temp-archive'
import { ConnectorAccess } from './access'
import { known, pairWith } from '../../../test/connector/server-harness'
import { tokenFiles } from './connector-file'

/** A place whose archive an older Glossa paired one browser with: its token, and the old file's text. */
async function pairedByOlderGlossa() {
  const root = await tempDir('glossa-connector-')
  const place = { archiveDir: join(root, 'archive'), userDir: join(root, 'user') }
  await mkdir(place.archiveDir, { recursive: true })
  // Paired by this Glossa on a scratch place, then written where an older Glossa kept it.
  const scratch = new ConnectorAccess({
    archiveDir: join(root, 'scratch'),
    userDir: join(root, 'scratch-user'),
  })
  const { code } = scratch.startPairing()
  const { key: token } = await pairWith(scratch, { code, name: 'Chromium extension' })
  const text = await readFile(scratch.file, 'utf8')
  const { legacy } = tokenFiles(place)
  await writeFile(legacy, text)
  return { root, place, token, legacy, text }
}

const has = async (file: string) =>
  readdir(dirname(file)).then(
    (names) => names.includes(file.slice(dirname(file).length + 1)),
    () => false,
  )

/** Runs the child, kills it `thenMs` after it prints `moving` (or lets it end); returns what it printed. */
function runUntilKilled(file: string, args: string[], thenMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [file, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    const lines: string[] = []
    let stderr = ''
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    createInterface({ input: proc.stdout }).on('line', (line) => {
      lines.push(line)
      if (line === 'moving') setTimeout(() => proc.kill('SIGKILL'), thenMs)
    })
    proc.on('error', reject)
    proc.on('close', (code, signal) =>
      signal === 'SIGKILL' || code === 0 ? resolve(lines) : reject(new Error(`child failed:\n${stderr}`)),
    )
  })
}

describe('the token file in the user-data folder', () => {
  it('is one file per archive, and a copied archive carries no pairing', async () => {
    const root = await tempDir('glossa-connector-')
    const userDir = join(root, 'user')
    const first = { archiveDir: join(root, 'a'), userDir }
    await mkdir(first.archiveDir)
    const access = new ConnectorAccess(first)
    const { code } = access.startPairing()
    const { key: token } = await pairWith(access, { code })
    expect(dirname(access.file)).toBe(join(userDir, 'connectors'))
    expect(await readdir(first.archiveDir)).toEqual([])

    await cp(first.archiveDir, join(root, 'copy'), { recursive: true })
    const copy = new ConnectorAccess({ archiveDir: join(root, 'copy'), userDir })
    expect(await known(copy, token)).toBeUndefined()
    expect(await copy.list()).toEqual([])
    expect(await known(new ConnectorAccess(first), token)).toBeDefined()
  })
})

describe("an older Glossa's connector.json in the archive", () => {
  it('is never read: its token grants nothing, it stays as it was, and it is reported once', async () => {
    const { place, token, legacy, text } = await pairedByOlderGlossa()
    const access = new ConnectorAccess(place)
    expect(await known(access, token)).toBeUndefined()
    expect(await access.list()).toEqual([])
    expect(await access.oldPairingIgnored()).toMatch(
      /older pairing file .* was ignored.*Pair the extension again/,
    )
    expect(access.notice).toMatch(/was ignored/)
    expect(await readFile(legacy, 'utf8')).toBe(text)
    // Reported once: the next start has this computer's (empty) file and says nothing.
    expect(JSON.parse(await readFile(access.file, 'utf8'))).toEqual({ version: 1, tokens: [] })
    const next = new ConnectorAccess(place)
    expect(await next.oldPairingIgnored()).toBeUndefined()
    expect(await known(next, token)).toBeUndefined()
  })

  it('pairing again works beside it, and is not reported', async () => {
    const { place, token, legacy } = await pairedByOlderGlossa()
    const access = new ConnectorAccess(place)
    const { code } = access.startPairing()
    const again = await pairWith(access, { code })
    expect(await access.oldPairingIgnored()).toBeUndefined()
    const next = new ConnectorAccess(place)
    expect(await known(next, again.key)).toBeDefined()
    expect(await known(next, token)).toBeUndefined()
    expect(await has(legacy)).toBe(true)
  })

  it('a real SIGKILL while it is reported: its token never grants, and the report is made or still to make', async () => {
    const child = await bundleChild('test/connector/move-child.ts')
    try {
      const ends = { cut: 0, done: 0 }
      // Killed 0 to 75 ms after the load begins; the child waits 25 ms before each rename and removal.
      for (let run = 0; run < 16; run++) {
        const { place, token, legacy, text } = await pairedByOlderGlossa()
        const lines = await runUntilKilled(child.file, [JSON.stringify(place)], run * 5)
        const done = lines.includes('moved')
        ends[done ? 'done' : 'cut']++
        const access = new ConnectorAccess(place)
        // Whatever the kill left, this computer's file (when there) is whole, and the old token grants nothing.
        expect(await known(access, token)).toBeUndefined()
        expect(await access.list()).toEqual([])
        expect(await readFile(legacy, 'utf8')).toBe(text)
        const reported = await access.oldPairingIgnored()
        if (done) expect(reported).toBeUndefined()
        expect(await new ConnectorAccess(place).oldPairingIgnored()).toBeUndefined()
      }
      expect(ends.cut).toBeGreaterThan(0)
      if (process.env.GLOSSA_DEBUG_KILLS) console.info(ends)
    } finally {
      await child.dispose()
    }
  }, 120_000)

  it.each([
    ['damaged', (file: string) => writeFile(file, '{"version":1,"tokens":[{"id":"x"}]}')],
    ['a link to an endless device', (file: string) => symlink('/dev/zero', file)],
  ])(
    "is ignored when it is %s, while this computer's file is refused by name when it is",
    async (_name, make) => {
      const root = await tempDir('glossa-connector-')
      const place = { archiveDir: join(root, 'archive'), userDir: join(root, 'user') }
      await mkdir(place.archiveDir)
      const { file, legacy } = tokenFiles(place)
      await make(legacy)
      expect(await new ConnectorAccess(place).list()).toEqual([])
      await mkdir(dirname(file), { recursive: true })
      await make(file)
      await expect(new ConnectorAccess(place).list()).rejects.toMatchObject({
        code: 'corrupt_file',
        message: expect.stringContaining(file),
      })
    },
  )
})
