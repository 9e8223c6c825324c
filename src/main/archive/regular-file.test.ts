// Tests (Node): readRegular reads a regular file's text whole, in one read of the size fstat gives, on real
// files: empty, multi-byte characters across any read boundary, larger than a read chunk; and refuses a link
// without an lstat of its own (the open's O_NOFOLLOW), which a shard reports as a link.
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../test/temp-archive'
import { OPEN_REFUSES_LINKS, readRegular } from './regular-file'
import { openShard } from './shard'

describe('readRegular', () => {
  it('reads every byte of empty, small and large files as readFile does', async () => {
    const dir = await tempDir()
    const texts = ['', '{}', 'ü€😀'.repeat(1), `{"a":"${'ü€😀x'.repeat(200_000)}"}`]
    for (const [i, text] of texts.entries()) {
      const file = join(dir, `${i}.json`)
      await writeFile(file, text)
      expect(await readRegular(file)).toBe(await readFile(file, 'utf8'))
    }
  })

  it('refuses a link by the open alone, and a shard names it as a link', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'catalog'))
    await writeFile(join(dir, 'elsewhere.json'), '{"version":1,"articles":{}}')
    await symlink(join(dir, 'elsewhere.json'), join(dir, 'catalog', 'ab.json'))
    if (OPEN_REFUSES_LINKS)
      await expect(readRegular(join(dir, 'catalog', 'ab.json'))).rejects.toMatchObject({ code: 'ELOOP' })
    await expect(
      openShard(
        dir,
        join(dir, 'catalog', 'ab.json'),
        'catalog',
        () => ({ version: 1 }),
        () => true,
      ),
    ).rejects.toMatchObject({
      code: 'corrupt_file',
      message: expect.stringMatching(/is a link to another file/),
    })
  })
})
