// Main process: what a caller of SearchIndex (search-index.ts) sets — where the index lives, who builds it, the
// trust key, when segments are merged, how many hits a query returns — and the index's timing constants.
// Split from search-index.ts.
import type { IndexBuilder } from './load-state'

export type OpenSearchOptions = {
  /** The index folder; default `<archive>/search-index`. */
  dir?: string
  /** An index saved in the older single-file format, migrated; default `<archive>/search-index.json`. */
  legacyFile?: string
  /** Builds a missing or unusable index in another process (see build-worker.ts); default: in this one. */
  builder?: IndexBuilder
  /** This machine's trust key file; default the one open-archive.ts named for the archive. */
  keyFile?: string
  /** When a segment is merged (segment-merge.ts): its tombstoned share, its size; default 0.3 and 20,000. */
  mergeAt?: { share: number; minDocs: number }
  /** A first build runs in the background, open() returning at once and searches answering from the segments
   *  written so far (`partial` in their outcome); default: open() waits for the build. The app sets it. */
  answerWhileBuilding?: boolean
}
export type SearchQueryOptions = { /** Articles returned at most, 1–500; default 50. */ limit?: number }

export const DEFAULT_LIMIT = 50
export const MAX_LIMIT = 500
/** Saves wait this long after the last change... */
export const SAVE_DEBOUNCE_MS = 2_000
/** ...but no longer than this after the first unsaved one... */
export const SAVE_MAX_WAIT_MS = 30_000
/** ...and saving gets at most 1/20 of the time, and a change a crash kept from the files is re-indexed on the
 *  next open anyway. */
export const SAVE_SPACING = 20

export const NO_KEY = 'unverified: there is no trust key to check the saved index with'
