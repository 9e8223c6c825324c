// Tests (Node): readRegular reads a regular file's text whole, in one read of the size fstat gives, on real
// files: empty, multi-byte characters across any read boundary, larger than a read chunk; and refuses a link
// without an lstat of its own (the open's O_NOFOLLOW), which a shard reports as a link. openRegular, which every
// reader of a file it did not write goes through, refuses a link, a named pipe and an over-size file at the
// handle (its fstat), and keeps reading the file it opened when the name is swapped afterwards.
import { execFileSync } from 'node:child_process'
import { mkdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../test/temp-archive'
import {
  FileTooLarge,
  NotARegularFile,
  OPEN_REFUSES_LINKS,
  openRegular,
  readRegular,
  readRegularBytes,
} from './regular-file'
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

describe('openRegular: the check is made at the handle read from', () => {
  it('refuses a link, a named pipe (without waiting for a writer) and a file over the size', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'real.json'), '{}')
    await symlink(join(dir, 'real.json'), join(dir, 'link.json'))
    execFileSync('mkfifo', [join(dir, 'pipe.json')])
    await writeFile(join(dir, 'huge.json'), '{}')
    await truncate(join(dir, 'huge.json'), 3 * 1024 ** 3)
    if (OPEN_REFUSES_LINKS)
      await expect(openRegular(join(dir, 'link.json'))).rejects.toMatchObject({ code: 'ELOOP' })
    await expect(openRegular(join(dir, 'pipe.json'))).rejects.toBeInstanceOf(NotARegularFile)
    await expect(openRegular(dir)).rejects.toBeInstanceOf(NotARegularFile)
    await expect(openRegular(join(dir, 'huge.json'), 1024)).rejects.toBeInstanceOf(FileTooLarge)
    await expect(readRegularBytes(join(dir, 'huge.json'), 1024)).rejects.toMatchObject({
      bytes: 3 * 1024 ** 3,
      limit: 1024,
    })
    // A link is followed only when asked, for a file the person chose (never one of the archive's).
    const { handle, size } = await openRegular(join(dir, 'link.json'), 1024, { followLink: true })
    await handle.close()
    expect(size).toBe(2)
    await expect(openRegular(join(dir, 'pipe.json'), 1024, { followLink: true })).rejects.toBeInstanceOf(
      NotARegularFile,
    )
  })

  it('reads the file it checked, whatever the name holds afterwards', async () => {
    const dir = await tempDir()
    const file = join(dir, 'head.json')
    await writeFile(file, '{"checked":true}')
    await writeFile(join(dir, 'secret'), 'x'.repeat(4096))
    const { handle, size } = await openRegular(file, 1024)
    try {
      // The swap a reader that checked the name and then read the name would have read: a link to a larger file.
      await rm(file)
      await symlink(join(dir, 'secret'), file)
      const bytes = Buffer.alloc(size)
      await handle.read(bytes, 0, size, 0)
      expect(bytes.toString()).toBe('{"checked":true}')
    } finally {
      await handle.close()
    }
  })
})
