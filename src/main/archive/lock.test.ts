import { spawn } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../test/temp-archive'
import { lockArchive } from './lock'

describe('archive lock', () => {
  it('refuses a second writer while the first holds the lock, naming it', async () => {
    const dir = await tempDir()
    // Another live process holds it: a child that sleeps.
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'])
    try {
      writeFileSync(
        join(dir, '.lock'),
        JSON.stringify({ pid: child.pid, host: hostname(), startedAt: 'then', by: 'glossa serve' }),
      )
      expect(() => lockArchive(dir, 'glossa import')).toThrow(
        /already open in another Glossa \(glossa serve, process \d+/,
      )
    } finally {
      child.kill('SIGKILL')
    }
  })

  it('takes over a lock left by a process that is gone, and releases its own', async () => {
    const dir = await tempDir()
    const child = spawn(process.execPath, ['-e', ''])
    await new Promise((r) => child.once('exit', r))
    writeFileSync(
      join(dir, '.lock'),
      JSON.stringify({ pid: child.pid, host: hostname(), startedAt: 'then', by: 'crashed' }),
    )
    const release = lockArchive(dir, 'test')
    expect(existsSync(join(dir, '.lock'))).toBe(true)
    release()
    expect(existsSync(join(dir, '.lock'))).toBe(false)
    lockArchive(dir, 'again')() // free again
  })

  it('treats an unreadable lock file as stale', async () => {
    const dir = await tempDir()
    writeFileSync(join(dir, '.lock'), '{"pid":')
    lockArchive(dir, 'test')()
  })
})
