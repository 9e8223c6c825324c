// Main process: every tagged figure of the archive as one small entry (figures index), so the Figures view is
// paged from main without reading every annotations file. Kept in memory, updated when an article or its
// annotations change, saved a little after (index-file.ts: atomic, MACed with this machine's key).
//
// Opening: a saved index this machine wrote is used at once, then checked in the background against the
// annotations files (a crash, `glossa import`, or a file put in the folder can leave it behind): a file whose
// inode, size, mtime or ctime differ from the entry's stamp, a file changed since the snapshot (by its mtime or
// ctime), an article the catalog says has figures and the index lacks, or one that was being read when the
// snapshot was taken is read again.
// Without a saved index (or one this machine cannot vouch for) it is built by reading every annotations file:
// in a job process when the app has one (build-job.ts; the view says "building" meanwhile), whose file is
// checked by its MAC, adopted at once and then checked like a saved one; else, or if the job fails, here in
// the background, the view answered meanwhile from what is read so far.
import type { BigIntStats } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FigureEntry } from '../../shared/figures/conflicts'
import type { Archive } from '../archive/archive'
import { trustKey } from '../archive/catalog-trust'
import { articleFile } from '../archive/ids'
import { figureFacets, sortFigures } from '../../shared/figures/table'
import type { FigureFacets } from '../../shared/figures/table'
import { stampOf as stampOfFile } from './build-job'
import type { FigureBuildResult } from './build-job'
import { articleRef, entriesOf, fromSaved } from './figure-entries'
import {
  FIGURES_INDEX_FILE,
  readIndexBody,
  readIndexHead,
  readPage,
  readPagesIndex,
  writeIndexFile,
} from './index-file'
import type { PagesIndex, SavedArticle, SavedHead } from './index-file'
import { headOf, metricPageOf, snapshotOf } from './index-snapshot'
import type { IndexHead } from './index-snapshot'
import { FigureChanges } from './figure-changes'
import { builders, keyFiles, runBuild } from './index-setup'
import type { FigureBuilder } from './index-setup'

export { setFigureIndexBuilder, setFigureIndexKey } from './index-setup'
export type { FigureBuilder } from './index-setup'

/** Files read or checked at once. */
const WIDTH = 8
/**
 * How long after a change the index is saved: writing it is 23 MB and about a second of CPU at 100,000 figures,
 * so not after every save; what a crash or a quit loses meanwhile the check at the next open reads again.
 */
const SAVE_DELAY_MS = 30_000
/** Slack on mtimes against the snapshot's time (coarse file system clocks). */
const CLOCK_SLACK_MS = 2_000

export { HEAD_ROWS } from './index-snapshot'
export type { IndexHead } from './index-snapshot'

export type IndexState = 'building' | 'checking' | 'ready'
export type IndexStatus = { state: IndexState; version: number; done: number; of: number; figures: number }

/** An article's figures; `seq` its place among the articles held (the order `all` gives them in). */
type Held = { stamp: string; entries: FigureEntry[]; seq: number }

/**
 * What tells an annotations file changed: inode, size, and modification and change times in ns. A user can set
 * the mtime back (`touch -d`) after an edit in place to the same size; the ctime moves with any write and
 * cannot be set.
 */
const stampOf = (info: BigIntStats) => stampOfFile(info)
const statOf = (file: string) => stat(file, { bigint: true }).catch(() => null)

export class FigureIndex {
  private readonly held = new Map<string, Held>()
  private seq = 0
  /** What each version changed (figure-query.ts keeps its orders in step by it). */
  private readonly changes = new FigureChanges()
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
  /** Resolves once every figure of the saved index is read (or a build started): what other answers need. */
  readonly full: Promise<void>
  private markFull: () => void = () => {}
  /** While the saved body is read: what the head said, for a first page and the filter lists. */
  head: IndexHead | null = null
  /** The default order and the filter lists, to save (FigureQueries gives its kept answers). */
  summarize: () => { ordered: FigureEntry[]; facets: FigureFacets } = () => ({
    ordered: sortFigures(this.all(), 'period', 1),
    facets: figureFacets(this.all()),
  })
  /** While the body is read: the MACs the head was read with, and where the saved pages are once asked. */
  private saved: { macs: [string, string, string]; pages: Promise<PagesIndex | null> | null } | null = null

  /**
   * While the saved body is read: how many figures a filter by `metric` keeps and its first rows in the default
   * order, from the saved pages (read on first use); null when there are none to trust (then wait for `full`).
   */
  async metricPage(metric: string): Promise<{ total: number; first: FigureEntry[] } | null> {
    const { saved, key } = this
    if (!saved || !key) return null
    const pages = await (saved.pages ??= readPagesIndex(this.file, key, saved.macs))
    const page = pages && this.head ? await readPage(this.file, pages, metric) : null
    return page && this.head ? metricPageOf(this.archive, page) : null
  }

  /** What the last build job reported (the bench reads it); null when the index was not built by a job. */
  built: FigureBuildResult | null = null

  private constructor(
    private readonly archive: Archive,
    private readonly file: string,
    private readonly keyFile: string | undefined,
    private readonly builder: FigureBuilder | undefined,
  ) {
    archive.onChange((change) => void this.refresh(change.articleId))
    this.loaded = new Promise((resolve) => (this.markLoaded = resolve))
    this.full = new Promise((resolve) => (this.markFull = resolve))
    this.ready = this.start()
      .catch(() => {
        // What was read so far is kept; the next open checks or builds again.
        this.state = 'ready'
      })
      .finally(() => {
        this.head = this.saved = null
        this.markLoaded()
        this.markFull()
      })
  }

  /** Opens the index of `archive` (default file `<archive>/figures-index.json`); completes in the background. */
  static open(
    archive: Archive,
    opts: { file?: string; keyFile?: string; builder?: FigureBuilder } = {},
  ): FigureIndex {
    const file = opts.file ?? join(archive.dir, FIGURES_INDEX_FILE)
    return new FigureIndex(
      archive,
      file,
      'keyFile' in opts ? opts.keyFile : keyFiles.get(archive),
      'builder' in opts ? opts.builder : builders.get(archive),
    )
  }

  status(): IndexStatus {
    const figures = this.head ? this.head.all : this.all().length
    return { state: this.state, version: this.version, ...this.progress, figures }
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

  /** Where `e` stands in `all`: its article's place, then its place in the article (null when not held). */
  rankOf(e: FigureEntry): [number, number] | null {
    const held = this.held.get(e.annotation.articleId)
    const at = held ? held.entries.indexOf(e) : -1
    return held && at >= 0 ? [held.seq, at] : null
  }

  /** The articles whose figures changed since version `from`, or null when not known (figure-changes.ts). */
  changedSince(from: number): Set<string> | null {
    return this.changes.since(from, this.version)
  }

  /** An article's figures now (none when it has none). */
  figuresOf(articleId: string): FigureEntry[] {
    return this.held.get(articleId)?.entries ?? []
  }

  private hold(articleId: string, stamp: string, entries: FigureEntry[]): void {
    this.held.set(articleId, { stamp, entries, seq: this.held.get(articleId)?.seq ?? this.seq++ })
  }

  /** The index moved on: `articleId`'s figures changed ('' none, null any number of articles). */
  private changed(articleId: string | null): void {
    this.flat = null
    this.version++
    this.changes.record(this.version, articleId)
    this.scheduleSave()
  }

  private async start(): Promise<void> {
    this.key = this.keyFile ? await trustKey(this.keyFile).catch(() => null) : null
    const saved = await readIndexHead(this.file, this.key)
    if (saved.ok && this.key) {
      this.opened = 'loaded'
      this.state = 'checking'
      this.head = headOf(this.archive, saved.head)
      this.saved = { macs: saved.macs, pages: null }
      this.markLoaded()
      const body = await readIndexBody(this.file, this.key, saved.macs[1])
      this.head = this.saved = null
      if (body) {
        this.load(body)
        this.markFull()
        await this.check(saved.head)
        return this.done()
      }
    }
    // No saved index, one this machine did not write, or a body that does not match its head: built.
    this.opened = 'built'
    this.state = 'building'
    this.markLoaded()
    this.markFull()
    if (!(this.builder && (await this.buildInJob(this.builder)))) await this.build()
    this.done()
  }

  /**
   * Builds the index in a job process: the job writes it to a private folder, MACed with this machine's key (or
   * a key made for this build); its figures are adopted in one step once the MAC matches, then whatever changed
   * since the job's snapshot is read again here (check). False when the job failed: then it is built here.
   */
  private async buildInJob(start: FigureBuilder): Promise<boolean> {
    const key = this.key ?? randomBytes(32)
    const dir = await mkdtemp(join(tmpdir(), 'glossa-figures-'))
    const out = join(dir, FIGURES_INDEX_FILE)
    try {
      const result = await runBuild(
        start,
        { kind: 'figures-index', dir: this.archive.dir, out, key: key.toString('base64') },
        (progress) => (this.progress = progress),
      )
      const saved = await readIndexHead(out, key)
      if (!saved.ok) return false
      const body = await readIndexBody(out, key, saved.macs[1])
      if (!body) return false
      this.load(body)
      this.built = result
      await this.check(saved.head)
      return true
    } catch (err) {
      console.error(`Glossa builds the figures index in the main process: the job failed (${String(err)})`)
      return false
    } finally {
      await rm(dir, { recursive: true, force: true }).catch(() => {})
    }
  }

  private done(): void {
    this.state = 'ready'
    this.version++
    this.changes.record(this.version, '')
    // A build is saved at once (at 100,000 figures it cost seconds of CPU); a checked index when it next changes.
    if (this.opened === 'built') void this.save()
    else this.scheduleSave()
  }

  private load(articles: SavedArticle[]): void {
    for (const [articleId, stamp, figures] of articles) {
      if (!this.archive.catalog.has(articleId) || this.reads.has(articleId)) continue
      const article = articleRef(this.archive, articleId)
      this.hold(
        articleId,
        stamp,
        figures.map((f) => fromSaved(articleId, article, f)),
      )
    }
    this.changed(null)
  }

  /** Reads again whatever the saved snapshot may not reflect (see the top of this file). */
  private async check(saved: SavedHead): Promise<void> {
    const ids = await this.annotated()
    const onDisk = new Set(ids)
    // Articles gone from the catalog, or whose file is gone, lose their figures.
    for (const id of [...this.held.keys()])
      if (!this.archive.catalog.has(id) || !onDisk.has(id)) this.drop(id)
    const recheck = new Set(saved.recheck)
    const since = saved.takenAt - CLOCK_SLACK_MS
    await this.lanes(ids, async (id) => {
      const info = await statOf(articleFile(this.archive.dir, 'annotations', id))
      if (!info) return
      const held = this.held.get(id)
      const touched = Number(info.mtimeMs) >= since || Number(info.ctimeMs) >= since
      const stale = held
        ? held.stamp !== stampOf(info)
        : recheck.has(id) || touched || this.archive.meta(id).counts.figures > 0
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
    if (this.held.delete(id)) this.changed(id)
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
      const info = await statOf(articleFile(this.archive.dir, 'annotations', id))
      const list = info ? await this.archive.readAnnotations(id) : []
      if (this.reads.get(id) !== turn) return
      const entries = entriesOf(this.archive, id, list)
      if (entries.length === 0) {
        // Kept with its stamp only while it had figures: an article without any needs no entry.
        this.drop(id)
        return
      }
      this.hold(id, info ? stampOf(info) : '', entries)
      this.changed(id)
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

  /** Writes the index now (tests and the bench call it). A failed write only costs a rebuild. */
  save(): Promise<void> {
    clearTimeout(this.timer)
    this.timer = undefined
    const key = this.key
    if (!key) return this.saving
    const { ordered, facets } = this.summarize()
    const { head, pages, articles } = snapshotOf(ordered, facets, [...this.pending], this.held)
    this.saving = this.saving
      .then(() => writeIndexFile(this.file, key, head, pages, articles))
      .catch(() => {})
    return this.saving
  }
}
