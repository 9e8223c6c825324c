// Job process: builds the figures index from every annotations file of an archive (figure-index.ts) — at
// 100,000 articles 18.5 s of CPU that no longer lands in the process holding the archive. The job reads the
// files (as hostile input, through the annotation store's checks) and writes the index body to `out`, a file
// outside the archive, MACed with the key the app sent; the app checks that MAC, adopts the figures at once and
// reads again whatever changed since the job's snapshot (figure-index.ts's check).
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Annotation } from '../../shared/types'
import { openAnnotationFile } from '../archive/annotation-store'
import { askApp, peakRssMB } from '../jobs/job-process'
import { writeIndexFile } from './index-file'
import type { SavedArticle, SavedFigure, SavedHead } from './index-file'

export type FigureBuildRequest = {
  kind: 'figures-index'
  /** The archive folder, read and never written. */
  dir: string
  /** Where the index goes (outside the archive). */
  out: string
  /** The MAC key, base64: this machine's catalog trust key, or one made for this build. */
  key: string
}
export type FigureBuildResult = { articles: number; figures: number; peakRssMB: number; cpuMs: number }

/** Files read at once. */
const WIDTH = 8
/** Files read between two reports of how far the build is (the view shows "N of M articles"). */
const REPORT_EVERY = 500

/** How far a build is, as the job tells the app. */
export type FigureBuildProgress = { done: number; of: number }

/** What tells an annotations file changed (figure-index.ts): inode, size, mtime and ctime in ns. */
export const stampOf = (info: { ino: bigint; size: bigint; mtimeNs: bigint; ctimeNs: bigint }) =>
  `${info.ino}-${info.size}-${info.mtimeNs}-${info.ctimeNs}`

/** One annotation with a figure as the index saves it. */
export function savedFigure(n: Annotation & { figure: NonNullable<Annotation['figure']> }): SavedFigure {
  const q = n.target.quote
  return [
    n.id,
    n.figure,
    n.tags,
    n.creator ?? null,
    q.exact,
    q.prefix,
    q.suffix,
    n.note,
    n.pdf?.label ?? null,
  ]
}

/** `report` tells the app how far the build is (askApp in a job process); what it answers is not waited for. */
export async function buildFigureIndexFile(
  request: FigureBuildRequest,
  report: (progress: FigureBuildProgress) => Promise<unknown> = askApp,
): Promise<FigureBuildResult> {
  const takenAt = Date.now()
  const names = await readdir(join(request.dir, 'annotations')).catch(() => [] as string[])
  const ids = names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).map((n) => n.slice(0, -5))
  const articles: SavedArticle[] = []
  let figures = 0
  let next = 0
  let done = 0
  const tell = () => void report({ done, of: ids.length }).catch(() => {})
  tell()
  const lane = async () => {
    for (let i = next++; i < ids.length; i = next++) {
      const id = ids[i]
      try {
        // The stamp before the read: a write between the two is read again by the app's check.
        const info = await stat(join(request.dir, 'annotations', `${id}.json`), { bigint: true })
        const list = (await openAnnotationFile(request.dir, id)).data.annotations
        const saved: SavedFigure[] = []
        for (const n of list) if (n.figure) saved.push(savedFigure({ ...n, figure: n.figure }))
        if (!saved.length) continue
        articles.push([id, stampOf(info), saved])
        figures += saved.length
      } catch {
        // A damaged or odd file is left out; the app reports damaged files when it reads them itself.
      } finally {
        if (++done % REPORT_EVERY === 0) tell()
      }
    }
  }
  await Promise.all(Array.from({ length: WIDTH }, lane))
  // The app names the first rows, the filter lists and the pages when it saves the index itself: none here.
  const head: SavedHead = {
    takenAt,
    recheck: [],
    all: figures,
    facets: { metrics: [], tags: [], sources: [], creators: [] },
    first: [],
  }
  await writeIndexFile(request.out, Buffer.from(request.key, 'base64'), head, null, articles)
  const used = process.cpuUsage()
  return {
    articles: articles.length,
    figures,
    peakRssMB: peakRssMB(),
    cpuMs: (used.user + used.system) / 1000,
  }
}
