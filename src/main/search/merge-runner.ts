// Main process: runs the merge job (segment-merge.ts) for search-index.ts — one at a time, after a save, on the
// segment most worth it — and hands its file to the index to adopt. A job that fails is not tried again this
// session (it would fail at every save). Split from search-index.ts.
import type { SegmentReader } from './segment-file'
import { mergeJob } from './segment-merge'
import type { SegmentMerger } from './segment-merge'
import type { SegmentedIndex } from './segmented-index'

/** Takes the merged `file` in place of `target` (a queue task of the index). */
export type Adopt = (target: SegmentReader, file: string, gone: Uint8Array) => Promise<void>

export class MergeRunner {
  private merging: Promise<void> | undefined
  private failed = false

  constructor(
    private readonly dir: string,
    private readonly keyFile: string | undefined,
    private readonly at: { share: number; minDocs: number },
    private readonly merge: SegmentMerger,
  ) {}

  /** A job is under way (its `mrg-…` file is not removed by a save though no manifest names it yet). */
  get underWay(): boolean {
    return this.merging !== undefined
  }

  /** Settles once the job under way, if any, has been adopted or dropped. */
  get settled(): Promise<void> {
    return this.merging ?? Promise.resolve()
  }

  /** Starts the job on the segment of `index` most worth it, if one passes the mark and none is under way. */
  consider(index: SegmentedIndex, adopt: Adopt, report: (problem: string) => void): void {
    if (this.merging || this.failed || !this.keyFile) return
    const job = mergeJob(index, this.dir, this.keyFile, this.at)
    if (!job) return
    const { request, target, gone } = job
    // Outside the index's queue: searches and changes go on while the job writes the merged segment.
    this.merging = this.merge(request)
      .then(({ file }) => adopt(target, file, gone))
      .catch((err: unknown) => {
        this.failed = true
        report(
          `A search index segment could not be merged: ${err instanceof Error ? err.message : String(err)}`,
        )
      })
      .finally(() => (this.merging = undefined))
  }
}
