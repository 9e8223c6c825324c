// Main process and CLI: one writer per archive. A lock file (<archive>/.lock) holds the owner's pid; a lock
// left by a process that no longer runs is taken over. Electron also holds app.requestSingleInstanceLock().
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { GlossaError } from '../../shared/errors'

type LockInfo = { pid: number; host: string; startedAt: string; by: string }

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Takes the archive's lock or throws `conflict` naming who holds it. Returns the release function. */
export function lockArchive(dir: string, by: string): () => void {
  const file = join(dir, '.lock')
  const mine: LockInfo = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), by }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(mine), { flag: 'wx' })
      const release = () => {
        try {
          const current = JSON.parse(readFileSync(file, 'utf8')) as LockInfo
          if (current.pid === process.pid) unlinkSync(file)
        } catch {
          // Already gone: nothing to release.
        }
      }
      process.once('exit', release)
      return release
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      let held: LockInfo | null = null
      try {
        held = JSON.parse(readFileSync(file, 'utf8')) as LockInfo
      } catch {
        held = null // unreadable: a crash while writing it; stale
      }
      if (held && held.host === hostname() && held.pid !== process.pid && alive(held.pid)) {
        throw new GlossaError(
          'conflict',
          `This archive is already open in another Glossa (${held.by}, process ${held.pid}, since ${held.startedAt}). Close it first, so two programs never write the same archive.`,
        )
      }
      unlinkSync(file) // stale lock from a process that is gone
    }
  }
  throw new GlossaError('conflict', `Could not lock the archive at ${dir}.`)
}
