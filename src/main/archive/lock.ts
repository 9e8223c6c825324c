// Main process and CLI: one writer per archive. A lock file (<archive>/.lock) holds the owner's pid; a lock
// left by a process that no longer runs is taken over. Electron also holds app.requestSingleInstanceLock().
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { GlossaError } from '../../shared/errors'
import { readRegularSync } from './regular-file'

type LockInfo = { pid: number; host: string; startedAt: string; by: string }

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Who holds a lock, from whatever fields it has: a lock written by another program may lack some. */
function holder(held: Partial<LockInfo>): string {
  const parts = [
    typeof held.by === 'string' ? held.by : 'another program',
    typeof held.pid === 'number' ? `process ${held.pid}` : null,
    typeof held.host === 'string' && held.host !== hostname() ? `on ${held.host}` : null,
    typeof held.startedAt === 'string' ? `since ${held.startedAt}` : null,
  ]
  return parts.filter(Boolean).join(', ')
}

/**
 * Throws `conflict` unless the lock is stale. A lock from another computer (an archive on a shared drive) is
 * never taken over: whether its process still runs cannot be known from here.
 */
function refuseIfHeld(dir: string, held: Partial<LockInfo>): void {
  const otherHost = typeof held.host === 'string' && held.host !== hostname()
  if (otherHost)
    throw new GlossaError(
      'conflict',
      `This archive is open in Glossa on another computer (${holder(held)}). Close it there first; if that computer no longer uses it, delete ${join(dir, '.lock')}.`,
    )
  if (typeof held.pid === 'number' && held.pid !== process.pid && alive(held.pid))
    throw new GlossaError(
      'conflict',
      `This archive is already open in another Glossa (${holder(held)}). Close it first, so two programs never write the same archive.`,
    )
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
      let held: Partial<LockInfo> | null = null
      try {
        // Not readFileSync(file): a named pipe in the lock's place stopped the whole process, waiting for a writer.
        held = JSON.parse(readRegularSync(file)) as Partial<LockInfo>
      } catch {
        held = null // unreadable: a crash while writing it; stale
      }
      if (held && typeof held === 'object') refuseIfHeld(dir, held)
      unlinkSync(file) // stale lock from a process that is gone
    }
  }
  throw new GlossaError('conflict', `Could not lock the archive at ${dir}.`)
}
