// Tests (Node): writeExportFiles into a real folder — many files written a few at once appear together, each
// whole, and a file that cannot be written stops the export with its name and leaves nothing behind.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ExportFile } from '../../shared/export'
import { tempDir } from '../../../test/temp-archive'
import { writeExportFiles } from './write-files'

/** `count` Markdown files as an export makes them, one after another; `name` may rename the n-th. */
async function* files(count: number, name = (n: number) => `note-${n}.md`): AsyncGenerator<ExportFile> {
  for (let n = 0; n < count; n++) {
    yield { name: name(n), content: `# Note ${n}\n\n${'text '.repeat(n % 50)}\n`, mime: 'text/markdown' }
  }
}

describe('writeExportFiles into a folder', () => {
  it('writes every file whole, in subfolders too, and leaves no scratch folder', async () => {
    const out = join(await tempDir('glossa-write-files-'), 'notes')
    const wrote: string[] = []
    const name = (n: number) => (n % 10 === 0 ? `sub/note-${n}.md` : `note-${n}.md`)
    await writeExportFiles({ files: files(300, name), out, perArticle: true, wrote: (p) => wrote.push(p) })
    expect(wrote).toHaveLength(300)
    for await (const f of files(300, name)) expect(await readFile(join(out, f.name), 'utf8')).toBe(f.content)
    expect((await readdir(out)).filter((n) => n.startsWith('.'))).toEqual([])
    expect(await readdir(join(out, 'sub'))).toHaveLength(30)
  })

  it('stops at a file it cannot write, names it, and leaves none of the files', async () => {
    const out = join(await tempDir('glossa-write-files-'), 'notes')
    await mkdir(out)
    // A file where the 150th file's folder would go: that file cannot be made.
    await writeFile(join(out, 'blocked'), 'not a folder')
    const name = (n: number) => (n === 150 ? 'blocked/note.md' : `note-${n}.md`)
    const written = writeExportFiles({ files: files(300, name), out, perArticle: true, wrote: () => {} })
    await expect(written).rejects.toThrow(
      `Could not write ${join(out, 'blocked', 'note.md')}: a part of the path is a file, not a folder.`,
    )
    expect(await readdir(out)).toEqual(['blocked'])
  })
})
