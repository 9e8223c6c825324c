// The search index saved beside the archive, damaged or unverifiable: a missing, truncated, forged, unreadable or
// older index (or one signed with another key, or with no key to check it) is rebuilt with the same results,
// never trusted and never a crash; a trust key not made yet is made, and the index saved under it.
import { execFile } from 'node:child_process'
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { fixtureArchive, snapshot, testKeyFile } from '../../../test/fixtures/search/kit'
import { QUERIES, readJson, savedIndex, segmentsIn } from '../../../test/fixtures/search/saved-index'
import { tempDir } from '../../../test/temp-archive'
import { Archive } from '../archive/archive'
import { SearchIndex } from './search-index'
import { MANIFEST } from './segment-store'

describe('SearchIndex persistence, damaged or unverifiable', () => {
  it('rebuilds a missing index', async () => {
    const { folder, manifest, before, reopen } = await savedIndex()
    await rm(folder, { recursive: true })
    const index = await reopen()
    expect(index.rebuiltBecause).toBe('missing')
    expect(await snapshot(index, QUERIES)).toEqual(before)
    await index.flush()
    await stat(manifest)
  })

  const run = promisify(execFile)
  it.each([
    {
      name: 'a truncated manifest',
      damage: async (f: string) =>
        writeFile(join(f, MANIFEST), (await readFile(join(f, MANIFEST))).subarray(0, 40)),
      reason: /^corrupt: the manifest is not JSON/,
    },
    {
      name: 'a manifest with an article hidden behind a forged tombstone',
      damage: async (f: string) => {
        const saved = await readJson(join(f, MANIFEST))
        saved.segments[0].dead.push(0)
        await writeFile(join(f, MANIFEST), JSON.stringify(saved))
      },
      reason: /^corrupt: the manifest was not written by this Glossa/,
    },
    {
      name: 'a signature file whose article signatures were edited',
      damage: async (f: string) => {
        const [{ file }] = (await readJson(join(f, MANIFEST))).signatures
        const saved = await readJson(join(f, file))
        const [id] = Object.keys(saved.articles)
        saved.articles[id][0] = 'AAAAAAAAAAAAAAAA'
        await writeFile(join(f, file), JSON.stringify(saved))
      },
      reason: /^corrupt: sig-[0-9a-f]{16}\.json is not the signature file the manifest names/,
    },
    {
      name: 'a manifest naming no signature files (every article would look new, or a forged file)',
      damage: async (f: string) => {
        const saved = await readJson(join(f, MANIFEST))
        saved.signatures = []
        await writeFile(join(f, MANIFEST), JSON.stringify(saved))
      },
      reason: /^corrupt: the manifest was not written by this Glossa/,
    },
    {
      name: 'a signature file missing',
      damage: async (f: string) => {
        const [{ file }] = (await readJson(join(f, MANIFEST))).signatures
        await rm(join(f, file))
      },
      reason: /^corrupt: sig-[0-9a-f]{16}\.json could not be read/,
    },
    {
      name: 'a named pipe in place of a signature file',
      damage: async (f: string) => {
        const [{ file }] = (await readJson(join(f, MANIFEST))).signatures
        await rm(join(f, file))
        await run('mkfifo', [join(f, file)])
      },
      reason: /^corrupt: sig-[0-9a-f]{16}\.json could not be read \(Error: it is not a regular file\)/,
    },
    {
      name: 'a named pipe in place of the manifest',
      damage: async (f: string) => {
        await rm(join(f, MANIFEST))
        await run('mkfifo', [join(f, MANIFEST)])
      },
      reason: /^corrupt: the manifest is not a regular file/,
    },
    {
      name: 'a segment with a flipped byte',
      damage: async (f: string) => {
        const [seg] = await segmentsIn(f)
        const bytes = await readFile(join(f, seg))
        bytes[bytes.length - 60] ^= 0xff
        await writeFile(join(f, seg), bytes)
      },
      reason: /^corrupt: /,
    },
    {
      name: 'a missing segment',
      damage: async (f: string) => rm(join(f, (await segmentsIn(f))[0])),
      reason: /^corrupt: /,
    },
    {
      name: 'an older format',
      damage: async (f: string) => {
        const saved = await readJson(join(f, MANIFEST))
        await writeFile(join(f, MANIFEST), JSON.stringify({ ...saved, version: 0 }))
      },
      reason: /^stale: index format 0/,
    },
  ])('rebuilds an index with $name, with the same results', async ({ damage, reason }) => {
    const { folder, before, reopen } = await savedIndex()
    await damage(folder)
    const index = await reopen()
    expect(index.rebuiltBecause).toMatch(reason)
    expect(await snapshot(index, QUERIES)).toEqual(before)
    await index.close()
    expect((await reopen()).rebuiltBecause).toBeUndefined()
  })

  it('does not trust an index signed with another key, nor one it cannot verify without a key', async () => {
    const { before, reopen } = await savedIndex()
    const other = await reopen({ keyFile: await testKeyFile() })
    expect(other.rebuiltBecause).toMatch(/^corrupt: .*not written by this Glossa/)
    expect(await snapshot(other, QUERIES)).toEqual(before)
    await other.close()
    const keyless = await reopen({})
    expect(keyless.rebuiltBecause).toBe('unverified: there is no trust key to check the saved index with')
    expect(await snapshot(keyless, QUERIES)).toEqual(before)
  })

  it('makes the trust key when its file is not there yet, saves, and opens the saved index next time', async () => {
    const fixture = await fixtureArchive()
    const keyFile = join(await tempDir('glossa-nokey-'), 'keys', 'catalog-trust.key')
    const first = await SearchIndex.open(fixture.archive, { keyFile })
    expect(first.rebuiltBecause).toBe('missing')
    const before = await snapshot(first, QUERIES)
    await first.close()
    expect((await stat(keyFile)).size).toBe(32)
    expect((await readdir(join(fixture.dir, 'search-index'))).length).toBeGreaterThan(1)
    const again = await SearchIndex.open(await Archive.open(fixture.dir), { keyFile })
    expect(again.rebuiltBecause).toBeUndefined()
    expect(await snapshot(again, QUERIES)).toEqual(before)
    await again.close()
  })
})
