// Tests (Node), on real files: the paired browsers' token hashes live in the user-data folder, one file per
// archive, so a copied archive carries no pairing; an older Glossa's `connector.json` in the archive is moved once,
// and every state a kill can leave between the steps (nothing moved yet, the new file half-written, both files
// there) loses no pairing, brings back no revoked token and leaves no token readable in the archive folder.
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { cp, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bundleChild } from '../../../test/reliability/bundle-child'
import { tempDir } from '../../../test/temp-archive'
import { ConnectorAccess } from './access'
import { tokenFiles } from './connector-file'

const EXT = `chrome-extension://${'abcdefghijklmnop'.repeat(2)}`

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
  const { token } = await scratch.pair({ code, origin: EXT, name: 'Chromium extension' })
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
    const { token } = await access.pair({ code, origin: EXT, name: 'x' })
    expect(dirname(access.file)).toBe(join(userDir, 'connectors'))
    expect(await readdir(first.archiveDir)).toEqual([])

    await cp(first.archiveDir, join(root, 'copy'), { recursive: true })
    const copy = new ConnectorAccess({ archiveDir: join(root, 'copy'), userDir })
    expect(await copy.check(token, EXT)).toBeUndefined()
    expect(await copy.list()).toEqual([])
    expect(await new ConnectorAccess(first).check(token, EXT)).toBeDefined()
  })
})

describe("moving an older Glossa's connector.json", () => {
  it('moves it once: the pairing still works, and the archive folder holds no token any more', async () => {
    const { root, place, token, legacy, text } = await pairedByOlderGlossa()
    const access = new ConnectorAccess(place)
    expect(await access.check(token, EXT)).toBeDefined()
    expect(await readFile(access.file, 'utf8')).toBe(text)
    expect(await has(legacy)).toBe(false)
    // A copy of the archive made now is paired with nothing.
    await cp(place.archiveDir, join(root, 'copy'), { recursive: true })
    const copy = new ConnectorAccess({ archiveDir: join(root, 'copy'), userDir: place.userDir })
    expect(await copy.check(token, EXT)).toBeUndefined()
    // And the next start finds it where it was moved.
    expect(await new ConnectorAccess(place).check(token, EXT)).toBeDefined()
  })

  it('killed before the new file was renamed into place: the old file is moved on the next start', async () => {
    const { place, token, legacy } = await pairedByOlderGlossa()
    const { file } = tokenFiles(place)
    // What a kill during the atomic write leaves: a temp file beside the target, never the target.
    await mkdir(dirname(file), { recursive: true })
    await writeFile(join(dirname(file), `.${file.slice(dirname(file).length + 1)}.0badc0de.tmp`), '{"vers')
    const access = new ConnectorAccess(place)
    expect(await access.check(token, EXT)).toBeDefined()
    expect(await has(legacy)).toBe(false)
  })

  it('killed between writing the new file and removing the old: the new one wins, the old is removed', async () => {
    const { place, token, legacy, text } = await pairedByOlderGlossa()
    const { file } = tokenFiles(place)
    await mkdir(dirname(file), { recursive: true })
    await writeFile(file, text)
    // Revoked after the move; the old file, still there, must not bring the token back.
    await new ConnectorAccess(place).revoke((await new ConnectorAccess(place).list())[0].id)
    await writeFile(legacy, text)
    const access = new ConnectorAccess(place)
    expect(await access.check(token, EXT)).toBeUndefined()
    expect(await access.list()).toEqual([])
    expect(await has(legacy)).toBe(false)
  })

  it('a real SIGKILL between any two steps of the move loses no pairing and leaves no token in the archive', async () => {
    const child = await bundleChild('test/connector/move-child.ts')
    try {
      const ends = { cut: 0, done: 0 }
      /** What each kill left on disk: the old file, the new one, or both. */
      const states: Record<string, number> = {}
      // Killed 0 to 75 ms after the move begins; the child waits 25 ms before each rename and removal.
      for (let run = 0; run < 16; run++) {
        const { place, token, legacy } = await pairedByOlderGlossa()
        const lines = await runUntilKilled(child.file, [JSON.stringify(place)], run * 5)
        ends[lines.includes('moved') ? 'done' : 'cut']++
        const left = `${(await has(legacy)) ? 'old' : ''}+${(await has(tokenFiles(place).file)) ? 'new' : ''}`
        states[left] = (states[left] ?? 0) + 1
        const access = new ConnectorAccess(place)
        expect(await access.check(token, EXT)).toBeDefined()
        expect(await has(legacy)).toBe(false)
      }
      expect(ends.cut).toBeGreaterThan(0)
      if (process.env.GLOSSA_DEBUG_KILLS) console.info(ends, states)
    } finally {
      await child.dispose()
    }
  }, 120_000)

  it.each([
    ['damaged', (legacy: string) => writeFile(legacy, '{"version":1,"tokens":[{"id":"x"}]}')],
    ['a link to an endless device', (legacy: string) => symlink('/dev/zero', legacy)],
  ])('refuses an old file that is %s by name, moves nothing and leaves it as it is', async (_name, make) => {
    const root = await tempDir('glossa-connector-')
    const place = { archiveDir: join(root, 'archive'), userDir: join(root, 'user') }
    await mkdir(place.archiveDir)
    const { legacy } = tokenFiles(place)
    await make(legacy)
    const access = new ConnectorAccess(place)
    await expect(access.list()).rejects.toMatchObject({
      code: 'corrupt_file',
      message: expect.stringContaining('connector.json'),
    })
    expect(await has(legacy)).toBe(true)
    expect(await has(access.file)).toBe(false)
  })
})
