// Tests (Node): a CLI command that opened an archive has finished writing to it when it returns, even when it
// fails: opening with this machine's trust key starts writing catalog/.trusted.json (catalog-trust.ts), and a
// command that returned while that write ran left a temp file behind, or raced whoever removed or copied the
// folder next (the test clean-up's rm -r failed with ENOTEMPTY on a loaded machine).
import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { commands } from '../../src/cli/commands'
import { Archive } from '../../src/main/archive/archive'
import { tempDir } from '../temp-archive'

describe('glossa export and import finish their writes before they return', () => {
  it.each([
    [
      'export to a path that cannot be written',
      (dir: string, root: string) =>
        commands.export(['--archive', dir, '--format', 'json', '--out', join(root, 'file', 'b.json')]),
    ],
    [
      'import of a missing file',
      (dir: string) => commands.import(['--archive', dir, join(dir, 'missing.html')]),
    ],
  ])('%s', async (_name, run) => {
    const root = await tempDir()
    const dir = join(root, 'archive')
    const archive = await Archive.open(dir)
    for (let i = 0; i < 40; i++)
      await archive.createArticle({ title: `Article ${i}`, text: `It counted ${i} shelters.`, tags: [] })
    await archive.flush()
    await writeFile(join(root, 'file'), 'x')
    // This machine's trust key in a folder of the test's own, not the real ~/.config.
    const before = process.env.XDG_CONFIG_HOME
    process.env.XDG_CONFIG_HOME = join(root, 'config')
    try {
      await run(dir, root).catch(() => 1)
    } finally {
      if (before === undefined) delete process.env.XDG_CONFIG_HOME
      else process.env.XDG_CONFIG_HOME = before
    }
    const catalog = await readdir(join(dir, 'catalog'))
    expect(catalog.filter((n) => n.endsWith('.tmp'))).toEqual([])
    expect(catalog).toContain('.trusted.json')
  })
})
