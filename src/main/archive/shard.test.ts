// Tests (Node): a damaged archive file is refused with `corrupt_file` naming it (so it is recorded as a problem
// and can be repaired), left byte for byte as it was, and never written; a missing one starts from defaults.
import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../test/temp-archive'
import { GlossaError } from '../../shared/errors'
import { Archive } from './archive'
import { openShard } from './shard'

type Tags = { version: number; tags: Record<string, unknown> }
const defaults = (): Tags => ({ version: 1, tags: {} })
const isValid = (t: Tags) => (typeof t.tags === 'object' && t.tags !== null) || 'tags is not an object'

const DAMAGED: [string, string, RegExp][] = [
  ['cut off mid-write', '{"version":1,"tags":{"a', /is not valid JSON/],
  ['empty', '', /is not valid JSON/],
  ['null', 'null', /no schema version/],
  ['no version', '{"tags":{}}', /no schema version/],
  ['the wrong shape', '{"version":1,"tags":5}', /shape of a Glossa tags file \(tags is not an object\)/],
]

describe('openShard', () => {
  it.each(DAMAGED)(
    'refuses a file %s with corrupt_file naming it, and leaves it as it was',
    async (_, raw, why) => {
      const dir = await tempDir()
      await mkdir(join(dir, 'catalog'))
      const file = join(dir, 'catalog', 'ab.json')
      await writeFile(file, raw)
      const err = await openShard<Tags>(dir, file, 'tags', defaults, isValid).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(GlossaError)
      expect(err).toMatchObject({ code: 'corrupt_file', file: join('catalog', 'ab.json') })
      expect((err as GlossaError).message).toMatch(why)
      expect((err as GlossaError).message).toContain(join('catalog', 'ab.json'))
      expect(await readFile(file, 'utf8')).toBe(raw)
    },
  )

  it('refuses a link, naming it', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'elsewhere.json'), '{"version":1,"tags":{}}')
    await symlink(join(dir, 'elsewhere.json'), join(dir, 'tags.json'))
    await expect(
      openShard<Tags>(dir, join(dir, 'tags.json'), 'tags', defaults, isValid),
    ).rejects.toMatchObject({
      code: 'corrupt_file',
      file: 'tags.json',
      message: expect.stringContaining('tags.json is a link'),
    })
  })

  it('starts a missing file from defaults and writes it whole, with no temp file left', async () => {
    const dir = await tempDir()
    const shard = await openShard<Tags>(dir, join(dir, 'tags.json'), 'tags', defaults, isValid)
    expect(shard.data).toEqual(defaults())
    shard.data.tags.war = { color: 'red' }
    await shard.write()
    expect(JSON.parse(await readFile(join(dir, 'tags.json'), 'utf8'))).toEqual({
      version: 1,
      tags: { war: { color: 'red' } },
    })
    expect(await readdir(dir)).toEqual(['tags.json'])
  })
})

describe('a damaged file in an archive', () => {
  it('is recorded as a problem under its name when the archive opens, and is not written', async () => {
    const dir = await tempDir()
    await Archive.open(dir)
    await writeFile(join(dir, 'tags.json'), '{"version":1,"tags":')
    const archive = await Archive.open(dir)
    expect(archive.problems).toContainEqual({
      file: 'tags.json',
      message: expect.stringContaining('tags.json'),
    })
    await expect(archive.tagStore.setColor('war', 'blue')).rejects.toMatchObject({ code: 'read_only' })
    expect(await readFile(join(dir, 'tags.json'), 'utf8')).toBe('{"version":1,"tags":')
  })
})
