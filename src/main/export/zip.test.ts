// Tests (Node): the zip made as its files come (zip.ts), read back by fflate and by Info-ZIP's unzip where the
// machine has it: names in UTF-8, deflated and stored entries, the export's date, and ZIP64's end records once
// there are more than 65,535 files.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { ZipMaker } from './zip'

function zipOf(files: [string, string][], at = '2024-02-01T10:00:00.000Z'): Buffer {
  const zip = new ZipMaker(new Date(at))
  return Buffer.concat([...files.map(([name, text]) => zip.entry(name, text)), zip.end()])
}

/** Info-ZIP's test of every entry (CRC included), when it is installed. */
async function unzipTests(bytes: Buffer): Promise<string | null> {
  if (!existsSync('/usr/bin/unzip')) return null
  const dir = await mkdtemp(join(tmpdir(), 'glossa-zip-'))
  try {
    await writeFile(join(dir, 'a.zip'), bytes)
    return execFileSync('/usr/bin/unzip', ['-tq', join(dir, 'a.zip')], { encoding: 'utf8' })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

describe('ZipMaker', () => {
  it('makes a zip whose files read back as given, deflated or stored', async () => {
    const long = 'Crews kept the cranes working. '.repeat(400)
    const files: [string, string][] = [
      ['port-report.md', long],
      ['ünïcode “quotes”.md', '# Ärzte\n\n€ 5'],
      ['empty.md', ''],
      ['a.md', 'x'],
    ]
    const bytes = zipOf(files)
    const read = unzipSync(bytes)
    expect(Object.keys(read)).toEqual(files.map(([name]) => name))
    expect(Object.values(read).map((b) => strFromU8(b))).toEqual(files.map(([, text]) => text))
    // Deflated: the long file takes far less than its length.
    expect(bytes.length).toBeLessThan(long.length / 10)
    const tested = await unzipTests(bytes)
    if (tested !== null) expect(tested).toMatch(/No errors detected/)
  })

  it('dates its entries the export’s time, so the same export makes the same zip', () => {
    const a = zipOf([['a.md', 'one']], '2024-02-01T10:00:00.000Z')
    expect(zipOf([['a.md', 'one']], '2024-02-01T10:00:00.000Z')).toEqual(a)
    expect(zipOf([['a.md', 'one']], '2025-03-01T10:00:00.000Z')).not.toEqual(a)
  })

  it('writes ZIP64 end records past 65,535 files, which readers count in full', async () => {
    const files: [string, string][] = Array.from({ length: 70_000 }, (_, i) => [`${i}.md`, `note ${i}`])
    const bytes = zipOf(files)
    const read = unzipSync(bytes)
    expect(Object.keys(read)).toHaveLength(70_000)
    expect(strFromU8(read['69999.md'])).toBe('note 69999')
    // The ZIP64 end of central directory record and its locator come before the classic end record.
    expect(bytes.readUInt32LE(bytes.length - 22 - 20)).toBe(0x07064b50)
    expect(bytes.readUInt32LE(bytes.length - 22 - 20 - 56)).toBe(0x06064b50)
    const tested = await unzipTests(bytes)
    if (tested !== null) expect(tested).toMatch(/No errors detected/)
  })
})
