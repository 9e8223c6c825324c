// Tests (Node): the archive's small doors — where an export may write, who holds the lock, and what a crash left.
import { spawn } from 'node:child_process'
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { existsSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { commands } from '../../src/cli/commands'
import { Archive } from '../../src/main/archive/archive'
import { lockArchive } from '../../src/main/archive/lock'
import { tempDir } from '../temp-archive'

let out: string[] = []
beforeEach(() => {
  out = []
  vi.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)))
})
afterEach(() => vi.restoreAllMocks())

async function archiveWithArticle() {
  const root = await tempDir()
  const dir = join(root, 'archive')
  const archive = await Archive.open(dir)
  await archive.createArticle({ title: 'One', text: 'It counted 12 shelters.', tags: [] })
  await archive.flush()
  return { root, dir }
}

describe('glossa export --out', () => {
  it.each([
    ['the archive marker', (dir: string) => join(dir, 'glossa.json')],
    ['the archive folder', (dir: string) => dir],
    ['a folder inside the archive', (dir: string) => join(dir, 'catalog', 'x', 'backup.json')],
  ])('refuses %s, and the archive is untouched', async (_name, target) => {
    const { dir } = await archiveWithArticle()
    const marker = await readFile(join(dir, 'glossa.json'), 'utf8')
    await expect(
      commands.export(['--archive', dir, '--format', 'json', '--out', target(dir)]),
    ).rejects.toThrow(/inside the Glossa archive/)
    expect(await readFile(join(dir, 'glossa.json'), 'utf8')).toBe(marker)
    expect(existsSync(join(dir, 'catalog', 'x'))).toBe(false)
  })

  it('writes into a folder named with a trailing slash, made if missing', async () => {
    const { root, dir } = await archiveWithArticle()
    expect(await commands.export(['--archive', dir, '--format', 'json', '--out', `${root}/exports/`])).toBe(0)
    expect(await readdir(join(root, 'exports'))).toEqual(['glossa-backup.json'])
  })

  it('says what is wrong when the target cannot be written, not a raw error code', async () => {
    const { root, dir } = await archiveWithArticle()
    await writeFile(join(root, 'file'), 'x')
    await expect(
      commands.export(['--archive', dir, '--format', 'json', '--out', join(root, 'file', 'b.json')]),
    ).rejects.toThrow(/Could not write .*b\.json: a part of the path is a file, not a folder/)
  })
})

describe('the archive lock', () => {
  it('names a live holder that wrote only its pid without saying "undefined"', async () => {
    const dir = await tempDir()
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'])
    try {
      writeFileSync(join(dir, '.lock'), JSON.stringify({ pid: child.pid, host: hostname() }))
      let message = ''
      try {
        lockArchive(dir, 'glossa import')
      } catch (err) {
        message = (err as Error).message
      }
      expect(message).toMatch(/already open in another Glossa \(another program, process \d+\)/)
      expect(message).not.toContain('undefined')
    } finally {
      child.kill('SIGKILL')
    }
  })

  it('never takes over a lock written on another computer', async () => {
    const dir = await tempDir()
    const theirs = { pid: 999_999, host: 'colleague-laptop', startedAt: '2024-01-01T00:00:00Z', by: 'glossa' }
    writeFileSync(join(dir, '.lock'), JSON.stringify(theirs))
    expect(() => lockArchive(dir, 'glossa serve')).toThrow(
      /open in Glossa on another computer \(glossa, process 999999, on colleague-laptop, since 2024-01-01T00:00:00Z\)/,
    )
    expect(JSON.parse(await readFile(join(dir, '.lock'), 'utf8'))).toEqual(theirs)
  })
})

describe('temp files a crash left', () => {
  it('are removed when the archive opens; other files stay', async () => {
    const { dir } = await archiveWithArticle()
    const strays = [
      '.glossa.json.tmp',
      'catalog/.ab.json.tmp',
      'annotations/.abcd1234.json.tmp',
      'bodies/.x.json.tmp',
    ]
    for (const s of strays) await writeFile(join(dir, s), '{"half')
    await mkdir(join(dir, 'notes'), { recursive: true })
    await writeFile(join(dir, 'notes', '.keep.json.tmp'), 'not ours')
    await Archive.open(dir)
    for (const s of strays) expect(existsSync(join(dir, s)), s).toBe(false)
    expect(existsSync(join(dir, 'notes', '.keep.json.tmp'))).toBe(true)
  })

  it('are left alone while another live process holds the archive', async () => {
    const { dir } = await archiveWithArticle()
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'])
    try {
      writeFileSync(
        join(dir, '.lock'),
        JSON.stringify({ pid: child.pid, host: hostname(), by: 'glossa serve' }),
      )
      await writeFile(join(dir, 'catalog', '.ab.json.tmp'), '{"mid-write')
      await Archive.open(dir)
      expect(existsSync(join(dir, 'catalog', '.ab.json.tmp'))).toBe(true)
    } finally {
      child.kill('SIGKILL')
    }
  })
})
