import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../test/temp-archive'
import { Archive } from './archive/archive'
import { Importer } from './importer'
import { importOpened, openablePaths } from './open-files'

describe('files opened with Glossa', () => {
  it('takes only importable paths from a command line', () => {
    expect(
      openablePaths([
        '/usr/lib/glossa/glossa',
        '--archive',
        '/x',
        'page.HTML',
        'note.md',
        'photo.png',
        '--no-sandbox',
      ]),
    ).toEqual(['page.HTML', 'note.md'])
  })

  it('imports them and says what happened to each', async () => {
    const dir = await tempDir()
    const file = join(dir, 'note.md')
    await writeFile(file, '---\ntitle: Opened note\n---\n\nIt counted 42 bridges.')
    const importer = new Importer(await Archive.open(join(dir, 'a')))
    expect(await importOpened(importer, [file, join(dir, 'missing.md'), file])).toEqual([
      'Imported Opened note',
      `${join(dir, 'missing.md')}: could not be read`,
      'Already in the archive as “Opened note”.',
    ])
  })
})
