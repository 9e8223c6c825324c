// Tests (Node): the temp files writeAtomic names (`.<name>.json.<8 hex>.tmp`), left by a crash, are removed when
// the archive opens, as steno's `.<name>.json.tmp` were; files that only look alike stay.
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../test/temp-archive'
import { Archive } from './archive'

describe('temp files of atomic writes a crash left', () => {
  it('are removed when the archive opens; look-alikes stay', async () => {
    const dir = await tempDir()
    await Archive.open(dir)
    const strays = [
      '.glossa.json.0f3c9a21.tmp',
      'catalog/.ab.json.deadbeef.tmp',
      'annotations/.abcd1234.json.00000000.tmp',
      'bodies/.x.json.12345678.tmp',
      '.tag-journal.json.a1b2c3d4.tmp',
      'catalog/.ab.json.tmp',
    ]
    const others = [
      'catalog/.ab.json.nothex!.tmp',
      'catalog/.ab.json.0f3c9a2.tmp',
      'notes/.n.json.0f3c9a21.tmp',
    ]
    await mkdir(join(dir, 'notes'), { recursive: true })
    for (const f of [...strays, ...others]) await writeFile(join(dir, f), '{"half')
    await Archive.open(dir)
    for (const f of strays) expect(existsSync(join(dir, f)), f).toBe(false)
    for (const f of others) expect(existsSync(join(dir, f)), f).toBe(true)
  })
})
