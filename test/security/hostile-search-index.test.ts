// Tests (Node): a search index folder edited by hand or brought from another machine. A manifest that is JSON but
// not an object (`null`) made opening the index throw, so search answered "internal" until the file was removed by
// hand; now it is a corrupt index, rebuilt like any other.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../src/main/search/segment-store'
import { tempDir } from '../temp-archive'

describe('a crafted search-index/manifest.json', () => {
  it.each(['null', '0', '"text"', '[]', 'true', '{}'])(
    'holding %s is a corrupt index, never a throw',
    async (json) => {
      const dir = join(await tempDir(), 'search-index')
      await mkdir(dir, { recursive: true })
      await writeFile(join(dir, 'manifest.json'), json)
      const opened = await openStore(dir, ['title', 'text'])
      expect(opened).toMatchObject({ ok: false, reason: expect.stringMatching(/^(corrupt|stale): /) })
    },
  )
})
