// Tests (Node): which export scratch folders the sweep removes (scratch.ts), on real folders: those of a process
// that is gone or of an earlier boot, and another computer's once a day old; never a live process's, never a link,
// never a name of another shape. test/reliability/by-tag-spill.test.ts kills a real export for the same.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, readdir, stat, symlink, utimes, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../test/temp-archive'
import { bootedAt } from '../archive/open-mark'
import { makeScratch, sweepScratch } from './scratch'

const PREFIX = '.glossa-by-tag-'
const HERE = createHash('sha256').update(hostname()).digest('hex').slice(0, 8)
const ELSEWHERE = HERE === '00000000' ? '11111111' : '00000000'
const DAY = 24 * 3600 * 1000

/** A pid no process holds now: a child's, once it has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!

async function folder(parent: string, name: string, ageMs = 0): Promise<void> {
  await mkdir(join(parent, name))
  await writeFile(join(parent, name, '0.md'), 'blocks')
  const at = new Date(Date.now() - ageMs)
  await utimes(join(parent, name), at, at)
}

describe('sweepScratch', () => {
  it('removes what gone exports left and keeps what live ones hold', async () => {
    const parent = await tempDir()
    const sinceBoot = Date.now() - bootedAt()
    const cases: [name: string, ageMs: number, swept: boolean][] = [
      [`${PREFIX}${HERE}-${deadPid()}-aaaaaa`, 0, true],
      [`${PREFIX}${HERE}-${process.pid}-bbbbbb`, 0, false],
      [`${PREFIX}${HERE}-${process.ppid}-cccccc`, 0, false],
      // A live pid, but the folder is older than this boot: the pid is another process's now.
      [`${PREFIX}${HERE}-${process.ppid}-dddddd`, sinceBoot + DAY, true],
      [`${PREFIX}${ELSEWHERE}-1-eeeeee`, 3600_000, false],
      [`${PREFIX}${ELSEWHERE}-1-ffffff`, DAY + 3600_000, true],
      // Not a scratch folder's name: the export of an older version, or something else altogether.
      [`${PREFIX}gggggg`, DAY * 30, false],
      [`glossa-by-tag-${HERE}-${deadPid()}-hhhhhh`, 0, false],
    ]
    for (const [name, age] of cases) await folder(parent, name, age)
    // A link named like a folder of a gone export: the sweep neither follows nor removes it.
    const link = `${PREFIX}${HERE}-${deadPid()}-iiiiii`
    await symlink(await tempDir(), join(parent, link))

    expect(await sweepScratch(parent, PREFIX)).toBe(cases.filter(([, , swept]) => swept).length)
    const kept = cases.filter(([, , swept]) => !swept).map(([name]) => name)
    expect((await readdir(parent)).sort()).toEqual([...kept, link].sort())
  })

  it('names a folder for this process and computer, 0700, which its own sweep keeps', async () => {
    const parent = await tempDir()
    const made = await makeScratch(parent, PREFIX)
    expect(made).toMatch(new RegExp(`${PREFIX.replace('.', '\\.')}${HERE}-${process.pid}-[A-Za-z0-9]{6}$`))
    expect((await stat(made)).mode & 0o777).toBe(0o700)
    expect(await sweepScratch(parent, PREFIX)).toBe(0)
    expect(await readdir(parent)).toHaveLength(1)
  })
})
