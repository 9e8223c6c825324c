// Tests (Node): archives opened by a test, flushed after it, before its temp folder is removed (their trust and
// head saves come a moment later). temp-archive.ts is imported first so that its removal hook is registered first:
// vitest runs afterEach hooks last-registered first, so the flush comes before the removal.
import './temp-archive'
import { afterEach } from 'vitest'
import { Archive } from '../src/main/archive/archive'

const opened: Archive[] = []
afterEach(async () => {
  for (const archive of opened.splice(0)) await archive.flush()
})

/** Opens the archive at `dir` with the trust key at `key`; it is flushed after the test. */
export async function openHere(dir: string, key: string): Promise<Archive> {
  const archive = await Archive.open(dir, { trustKeyFile: key })
  opened.push(archive)
  return archive
}
