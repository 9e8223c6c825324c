// Bench child (Node): one cold open — a fresh process opens the archive and lists the library, once.
// Timed from after module loading to the list in hand, so Node's own start-up is reported apart.
import { Archive } from '../src/main/archive/archive'
import { childMain } from './child'
import { peakRss } from './stats'

export type OpenResult = { openMs: number; listMs: number; totalMs: number; articles: number; rss: number }

childMain<{ archive: string }, OpenResult>(async ({ archive: dir }) => {
  const start = performance.now()
  const archive = await Archive.open(dir)
  const opened = performance.now()
  const list = archive.list()
  const end = performance.now()
  return {
    openMs: opened - start,
    listMs: end - opened,
    totalMs: end - start,
    articles: list.length,
    rss: peakRss(),
  }
})
