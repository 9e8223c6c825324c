// Tests (Node): a segment write of the search index cut by a real SIGKILL (search-temp-child.ts stops inside
// the atomic write, half the temp file written or all of it not yet renamed) leaves its temp file; the next
// SearchIndex.open removes it (temp-sweep.ts) and answers as before. Only names of our temp pattern go, only
// regular files (a link, a folder or a pipe under such a name stays, and so does the link's target), and none
// while another live process holds the archive.
import { spawn } from 'node:child_process'
import { execFile } from 'node:child_process'
import { lstat, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Archive } from '../../src/main/archive/archive'
import { SearchIndex } from '../../src/main/search/search-index'
import { TEMP_NAME } from '../../src/main/search/temp-sweep'
import { fixtureArchive, snapshot, testKeyFile } from '../fixtures/search/kit'
import { QUERIES } from '../fixtures/search/saved-index'
import { tempDir } from '../temp-archive'
import { bundleChild } from './bundle-child'
import type { BundledChild } from './bundle-child'

let child: BundledChild
beforeAll(async () => {
  child = await bundleChild('test/reliability/search-temp-child.ts')
}, 60_000)
afterAll(() => child?.dispose())

/** Runs the child until it stops mid-write, SIGKILLs it there, and returns the temp file it was writing. */
function killMidWrite(folder: string, key: Buffer, stage: 'write' | 'rename'): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child.file, folder, key.toString('hex'), stage], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let temp = ''
    let out = ''
    proc.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()))
    createInterface({ input: proc.stdout }).on('line', (line) => {
      out += `${line}\n`
      const at = /^at (write|rename) (\S+)$/.exec(line)
      if (!at) return
      temp = at[2]
      proc.kill('SIGKILL')
    })
    proc.on('error', reject)
    proc.on('close', (_code, signal) =>
      signal === 'SIGKILL' && temp
        ? resolve(temp)
        : reject(new Error(`the child was not killed mid-write:\n${out}`)),
    )
  })
}

async function savedWithKills() {
  const { dir, archive } = await fixtureArchive()
  const keyFile = await testKeyFile()
  const first = await SearchIndex.open(archive, { keyFile })
  const before = await snapshot(first, QUERIES)
  await first.close()
  const folder = join(dir, 'search-index')
  const key = await readFile(keyFile)
  const temps = [await killMidWrite(folder, key, 'write'), await killMidWrite(folder, key, 'rename')]
  for (const temp of temps) {
    expect(temp).toMatch(TEMP_NAME)
    expect((await lstat(join(folder, temp))).isFile()).toBe(true)
  }
  return { dir, folder, keyFile, before, temps }
}

describe('temp files of a search index write cut by SIGKILL', () => {
  it('are removed at the next open, which answers as before; nothing else is touched', async () => {
    const { dir, folder, keyFile, before, temps } = await savedWithKills()
    // Under our temp names, but not regular files: a link (to a file outside), a folder, a named pipe.
    const outside = join(await tempDir('glossa-outside-'), 'keep.txt')
    await writeFile(outside, 'not ours')
    const link = '.seg-0123456789abcdef.seg.0badf00d.tmp'
    await symlink(outside, join(folder, link))
    const folderLike = '.sig-0123456789abcdef.json.0badf00d.tmp'
    await mkdir(join(folder, folderLike))
    const pipe = '.manifest.json.0badf00d.tmp'
    await promisify(execFile)('mkfifo', [join(folder, pipe)])
    // Not our pattern.
    const other = '.notes.txt.0badf00d.tmp'
    await writeFile(join(folder, other), 'x')

    const index = await SearchIndex.open(await Archive.open(dir), { keyFile })
    expect(index.rebuiltBecause).toBeUndefined()
    expect(await snapshot(index, QUERIES)).toEqual(before)
    expect(await index.search('killed')).toEqual([])
    const left = await readdir(folder)
    for (const temp of temps) expect(left).not.toContain(temp)
    expect(left).toEqual(expect.arrayContaining([link, folderLike, pipe, other]))
    expect(await readFile(outside, 'utf8')).toBe('not ours')
    await index.close()
  })

  it('are left while another live process holds the archive', async () => {
    const { dir, folder, keyFile, temps } = await savedWithKills()
    const holder = spawn('sleep', ['60'], { stdio: 'ignore' })
    try {
      await writeFile(join(dir, '.lock'), JSON.stringify({ pid: holder.pid, host: hostname() }))
      const index = await SearchIndex.open(await Archive.open(dir), { keyFile })
      expect(await readdir(folder)).toEqual(expect.arrayContaining(temps))
      await index.close()
    } finally {
      holder.kill()
    }
  })
})
