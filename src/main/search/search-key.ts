// Main process: which trust key file (outside the archive; archive/catalog-trust.ts) the search index of an open
// archive signs its saved segments with. Apart from search-index.ts, so open-archive.ts loads no search code.
import type { Archive } from '../archive/archive'

const keyFiles = new WeakMap<Archive, string>()

/** Told by open-archive.ts: the saved search index of `archive` is MACed with the key in `keyFile`. */
export function setSearchIndexKey(archive: Archive, keyFile: string | undefined): void {
  if (keyFile) keyFiles.set(archive, keyFile)
}

export function searchIndexKeyFile(archive: Archive): string | undefined {
  return keyFiles.get(archive)
}
