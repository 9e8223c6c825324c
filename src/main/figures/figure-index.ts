// Main process: every tagged figure of the archive as one small entry (figures index), so the Figures view is
// paged from main without reading every annotations file. Kept in memory, updated when an article or its
// annotations change, saved a little after (index-file.ts: atomic, MACed with this machine's key).
//
// Opening: a saved index this machine wrote is used at once, then checked in the background against the
// annotations files (a crash, `glossa import`, or a file put in the folder can leave it behind): a file whose
// inode, size or mtime differ from the entry's stamp, a file changed since the snapshot, an article the catalog
// says has figures and the index lacks, or one that was being read when the snapshot was taken is read again.
// Without a saved index (or one this machine cannot vouch for) it is built by reading every annotations file,
// in the background; the view is answered meanwhile from what is read so far, and says so.
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { FigureEntry } from '../../shared/figures'
import type { Annotation } from '../../shared/types'
import type { Archive } from '../archive/archive'
import { trustKey } from '../archive/catalog-trust'
import { articleFile } from '../archive/ids'
import { FIGURES_INDEX_FILE, readIndexFile, writeIndexFile } from './index-file'
import type { SavedArticle, SavedIndex } from './index-file'

/** Files read or checked at once. */
const WIDTH = 8
const SAVE_DELAY_MS = 3_000
/** Slack on mtimes against the snapshot's time (coarse file system clocks). */
const CLOCK_SLACK_MS = 2_000

export type IndexState = 'building' | 'checking' | 'ready'
export type IndexStatus = { state: IndexState; version: number; done: number; of: number; figures: number }

type Held = { stamp: string; entries: FigureEntry[] }

const stampOf = (info: { ino: number; size: number; mtimeMs: number }) =>
  `${info.ino}-${info.size}-${Math.round(info.mtimeMs)}`

function entriesOf(archive: Archive, articleId: string, list: Annotation[]): FigureEntry[] {
  const a = archive.meta(articleId)
  const article = { id: a.id, title: a.title, source: a.source, publishedAt: a.publishedAt, url: a.url }
  const entries: FigureEntry[] = []
  for (const n of list)
    if (n.figure)
      entries.push({
        annotation: {
          id: n.id,
          articleId,
          figure: n.figure,
          tags: n.tags,
          ...(n.creator ? { creator: n.creator } : {}),
          note: n.note,
          quote: n.target.quote.exact,
          ...(n.pdf ? { page: n.pdf.label } : {}),
        },
        article,
      })
  return entries
}

/** Each open archive's catalog trust key file (open-archive.ts tells): the saved index is MACed with that key. */
const keyFiles = new WeakMap<Archive, string>()

/** The key the figures index of `archive` is saved with; without one it is rebuilt at each open, never saved. */
export function setFigureIndexKey(archive: Archive, keyFile: string | undefined): void {
  if (keyFile) keyFiles.set(archive, keyFile)
}

export class FigureIndex {
  private readonly held = new Map<string, Held>()
  /** Per article, the newest read started: an older read that ends later is dropped. */
  private readonly reads = new Map<string, number>()
  private readonly pending = new Set<string>()
  private flat: FigureEntry[] | null = null
  private timer: ReturnType<typeof setTimeout> | undefined
  private saving: Promise<void> = Promise.resolve()
  private key: Buffer | null = null
  private progress = { done: 0, of: 0 }
  state: IndexState = 'building'
  /** Bumped on every change to what the index holds: the view's cue to ask again. */
  version = 0
  /** How the index was opened: `loaded` from the saved file (then checked), or `built` from the files. */
  opened: 'loaded' | 'built' | null = null
  /** Resolves once the index is complete (loaded and checked, or built). */
  readonly ready: Promise<void>
  /** Resolves once the saved index is read (or found missing and a build started): what a first answer needs. */
  readonly loaded: Promise<void>
  private markLoaded: () => void = () => {}

  private constructor(
    private readonly archive: Archive,
    private readonly file: string,
    private readonly keyFile: string | undefined,
  ) {
    archive.onChange((change) => void this.refresh(change.articleId))
    this.loaded = new Promise((resolve) => (this.markLoaded = resolve))
    this.ready = this.start()
      .catch(() => {
        // What was read so far is kept; the next open checks or builds again.
        this.state = 'ready'
      })
      .finally(() => this.markLoaded())
  }

  /** Opens the index of `archive` (default file `<archive>/figures-index.json`); completes in the background. */
  static open(archive: Archive, opts: { file?: string; keyFile?: string } = {}): FigureIndex {
    const file = opts.file ?? join(archive.dir, FIGURES_INDEX_FILE)
    return new FigureIndex(archive, file, 'keyFile' in opts ? opts.keyFile : keyFiles.get(archive))
  }

  status(): IndexStatus {
    return { state: this.state, version: this.version, ...this.progress, figures: this.all().length }
  }

  /** Every figure held, articles in the order they were read, each article's in its file's order. */
  all(): FigureEntry[] {
    if (!this.flat) {
      const flat: FigureEntry[] = []
      for (const { entries } of this.held.values()) for (const e of entries) flat.push(e)
      this.flat = flat
    }
    return this.flat
  }

  private changed(): void {
    this.flat = null
    this.version++
    this.scheduleSave()
  }

  private async start(): Promise<void> {
    this.key = this.keyFile ? await trustKey(this.keyFile).catch(() => null) : null
    const saved = await readIndexFile(this.file, this.key)
    if (saved.ok) {
      this.opened = 'loaded'
      this.state = 'checking'
      this.load(saved.index)
      this.markLoaded()
      await this.check(saved.index)
    } else {
      this.opened = 'built'
      this.state = 'building'
      this.markLoaded()
      await this.build()
    }
    this.state = 'ready'
    this.version++
    this.scheduleSave()
  }

  private load(saved: SavedIndex): void {
    for (const [articleId, stamp, figures] of saved.articles) {
      if (!this.archive.catalog.has(articleId) || this.reads.has(articleId)) continue
      const a = this.archive.meta(articleId)
      const article = { id: a.id, title: a.title, source: a.source, publishedAt: a.publishedAt, url: a.url }
      const entries = figures.map(([id, figure, tags, creator, quote, note, page]): FigureEntry => ({
        annotation: {
          id,
          articleId,
          figure,
          tags,
          ...(creator ? { creator } : {}),
          note,
          quote,
          ...(page ? { page } : {}),
        },
        article,
      }))
      this.held.set(articleId, { stamp, entries })
    }
    this.changed()
  }

  /** Reads again whatever the saved snapshot may not reflect (see the top of this file). */
  private async check(saved: SavedIndex): Promise<void> {
    const ids = await this.annotated()
    const onDisk = new Set(ids)
    // Articles gone from the catalog, or whose file is gone, lose their figures.
    for (const id of [...this.held.keys()])
      if (!this.archive.catalog.has(id) || !onDisk.has(id)) this.drop(id)
    const recheck = new Set(saved.recheck)
    const since = saved.takenAt - CLOCK_SLACK_MS
    await this.lanes(ids, async (id) => {
      const info = await stat(articleFile(this.archive.dir, 'annotations', id)).catch(() => null)
      if (!info) return
      const held = this.held.get(id)
      const stale = held
        ? held.stamp !== stampOf(info)
        : recheck.has(id) || info.mtimeMs >= since || this.archive.meta(id).counts.figures > 0
      if (stale) await this.read(id)
    })
  }

  /** Reads every annotations file of the catalog. */
  private async build(): Promise<void> {
    await this.lanes(await this.annotated(), (id) => this.read(id))
  }

  /** The articles of the catalog with an annotations file. */
  private async annotated(): Promise<string[]> {
    const names = await readdir(join(this.archive.dir, 'annotations')).catch(() => [] as string[])
    return names
      .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
      .map((n) => n.slice(0, -5))
      .filter((id) => this.archive.catalog.has(id))
  }

  private async lanes(ids: string[], work: (id: string) => Promise<void>): Promise<void> {
    this.progress = { done: 0, of: ids.length }
    let next = 0
    const lane = async () => {
      for (let i = next++; i < ids.length; i = next++) {
        await work(ids[i]).catch(() => {})
        this.progress.done++
      }
    }
    await Promise.all(Array.from({ length: WIDTH }, lane))
  }

  private drop(id: string): void {
    if (this.held.delete(id)) this.changed()
  }

  /** An article or its annotations changed: its figures are read again. */
  private async refresh(id: string): Promise<void> {
    await this.read(id).catch(() => {})
  }

  private async read(id: string): Promise<void> {
    const turn = (this.reads.get(id) ?? 0) + 1
    this.reads.set(id, turn)
    this.pending.add(id)
    try {
      if (!this.archive.catalog.has(id)) return this.drop(id)
      // The stamp is taken before the read: a write between the two leaves a stamp older than what was read,
      // which only costs one more read at the next check.
      const info = await stat(articleFile(this.archive.dir, 'annotations', id)).catch(() => null)
      const list = info ? await this.archive.readAnnotations(id) : []
      if (this.reads.get(id) !== turn) return
      const entries = entriesOf(this.archive, id, list)
      if (entries.length === 0) {
        // Kept with its stamp only while it had figures: an article without any needs no entry.
        this.drop(id)
        return
      }
      this.held.set(id, { stamp: info ? stampOf(info) : '', entries })
      this.changed()
    } catch {
      // A damaged file is reported by the archive (problems); its figures are left out until it is repaired.
      if (this.reads.get(id) === turn) this.drop(id)
    } finally {
      if (this.reads.get(id) === turn) this.pending.delete(id)
    }
  }

  private scheduleSave(): void {
    if (this.timer || !this.key || this.state !== 'ready') return
    this.timer = setTimeout(() => {
      this.timer = undefined
      void this.save()
    }, SAVE_DELAY_MS)
    this.timer.unref?.()
  }

  /** Writes the index now (what tests and a clean close wait for). A failed write only costs a rebuild. */
  save(): Promise<void> {
    clearTimeout(this.timer)
    this.timer = undefined
    const key = this.key
    if (!key) return this.saving
    const snapshot: SavedIndex = { takenAt: Date.now(), recheck: [...this.pending], articles: [] }
    for (const [articleId, { stamp, entries }] of this.held)
      snapshot.articles.push([
        articleId,
        stamp,
        entries.map(({ annotation: a }) => [
          a.id,
          a.figure,
          a.tags,
          a.creator ?? null,
          a.quote,
          a.note,
          a.page ?? null,
        ]),
      ] satisfies SavedArticle)
    this.saving = this.saving.then(() => writeIndexFile(this.file, key, snapshot)).catch(() => {})
    return this.saving
  }
}
