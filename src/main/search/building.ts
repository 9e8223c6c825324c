// Main process: a first build of the search index seen from the app while it goes on. The builder (build.ts)
// writes the index as segments of an eighth of the archive and reports each one as it is written (and how many
// articles it has indexed); searches meanwhile answer from the segments written so far, opened when a search
// asks, and say that the results are partial. When the build ends, search-index.ts takes the finished index and
// this one is closed once no search reads it.
import { join } from 'node:path'
import { segmentArticles } from './build'
import type { BuildProgress } from './load-state'
import { SegmentReader } from './segment-file'
import { FIELDS } from './segment-state'
import { SegmentedIndex } from './segmented-index'

/** How far a build is: articles indexed, articles in the segments searches answer from, of `total`. */
export type Indexing = { indexed: number; searched: number; total: number }

export class BuildingIndex {
  private indexed = 0
  private written: BuildProgress['segments'] = []
  private readers: SegmentReader[] = []
  private readonly dropped: SegmentReader[] = []
  private engine = new SegmentedIndex(FIELDS)
  /** A segment reported that could not be opened: searches answer from those before it. */
  private stuck = false

  constructor(
    private readonly dir: string,
    private readonly key: Buffer,
    readonly total: number,
    private readonly problems: string[],
  ) {}

  /** The builder's report. A list of segments that does not go on from the one held (a builder tried again,
   *  here after the process failed) starts over. */
  report(done: BuildProgress): void {
    this.indexed = Math.min(this.total, Math.max(this.indexed, done.indexed))
    const { segments } = done
    if (segments.length === 0) return
    if (segments.some((s, i) => i < this.written.length && s.file !== this.written[i].file)) {
      // Closed with the rest at the end: a search may be reading them now.
      this.dropped.push(...this.readers)
      this.readers = []
      this.engine = new SegmentedIndex(FIELDS)
      this.stuck = false
      this.indexed = done.indexed
    }
    this.written = segments
  }

  get progress(): Indexing {
    return { indexed: this.indexed, searched: this.searched, total: this.total }
  }

  /** Articles in the segments searches answer from (opened at the next search). */
  private get searched(): number {
    const segments = this.stuck ? this.readers.length : this.written.length
    return Math.min(this.total, segments * segmentArticles(this.total))
  }

  /** The segments written so far as one index (the ones reported since the last search opened now). */
  searchable(): { engine: SegmentedIndex; progress: Indexing } {
    const before = this.readers.length
    while (!this.stuck && this.readers.length < this.written.length) {
      const { file, tag, docs } = this.written[this.readers.length]
      try {
        const reader = SegmentReader.open(join(this.dir, file), this.key)
        if (reader.tag !== tag || reader.docCount !== docs) {
          reader.close()
          throw new Error(`${file} is not the segment the builder reported`)
        }
        this.readers.push(reader)
      } catch (err) {
        this.stuck = true
        this.problems.push(
          `Searches wait for the index build: ${err instanceof Error ? err.message : String(err)}`,
        )
      }
    }
    // The readers are shared with the index made before (not closed with it: it is only dropped).
    if (this.readers.length !== before) this.engine = new SegmentedIndex(FIELDS, [...this.readers])
    return { engine: this.engine, progress: this.progress }
  }

  /** Closes the segments opened; only once no search reads them. */
  close(): void {
    for (const reader of [...this.dropped, ...this.readers]) reader.close()
  }
}
