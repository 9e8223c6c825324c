// Bench child (Node): one cold open — a fresh process opens the archive and lists the library, once.
// Timed from after module loading to the list in hand, so Node's own start-up is reported apart.
import { join } from 'node:path'
import { Archive } from '../src/main/archive/archive'
import { childMain } from './child'
import { peakRss } from './stats'

export type OpenResult = { openMs: number; listMs: number; totalMs: number; articles: number; rss: number }

childMain<{ archive: string }, OpenResult>(async ({ archive: dir }) => {
  const start = performance.now()
  // As the app opens it: with this machine's catalog trust key, outside the archive (the warm-up run checks and
  // records every bucket; the measured runs take them on trust unless a bucket changed).
  const archive = await Archive.open(dir, { trustKeyFile: join(dir, '..', 'catalog-trust.key') })
  const opened = performance.now()
  const list = archive.list()
  const end = performance.now()
  await archive.flush()
  return {
    openMs: opened - start,
    listMs: end - opened,
    totalMs: end - start,
    articles: list.length,
    rss: peakRss(),
  }
})
