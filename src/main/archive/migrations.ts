// Main process: the schema version of each kind of archive file, and the hook that upgrades old files on read.
import { GlossaError } from '../../shared/errors'

export type ShardKind = 'manifest' | 'catalog' | 'body' | 'annotations' | 'tags' | 'collections'

export const CURRENT_VERSION: Record<ShardKind, number> = {
  // 2: catalog buckets may be split in 16 by the id's next character (catalog-layout.ts). A Glossa reading 1
  // would take the children's entries for misplaced ones and leave those buckets read-only as damaged; with 2 it
  // refuses the archive as written by a newer Glossa (migrate below, in every version since the first).
  manifest: 2,
  catalog: 1,
  body: 1,
  annotations: 1,
  tags: 1,
  collections: 1,
}

type Migration = (data: Record<string, unknown>) => Record<string, unknown>

/** `MIGRATIONS[kind][v]` turns a version-v file into version v+1. */
const MIGRATIONS: Record<ShardKind, Record<number, Migration>> = {
  // The manifest's fields are the same; what changed is what the catalog folder may hold. Opening writes the
  // new version before any bucket is split (manifest.ts).
  manifest: { 1: (data) => data },
  catalog: {},
  body: {},
  annotations: {},
  tags: {},
  collections: {},
}

export function migrate(kind: ShardKind, data: { version: number }, name: string): { version: number } {
  const target = CURRENT_VERSION[kind]
  if (data.version > target) {
    throw new GlossaError(
      'read_only',
      `${name} was written by a newer Glossa (schema ${data.version}, this one reads ${target}). Update Glossa to open it.`,
    )
  }
  let current = data as Record<string, unknown> & { version: number }
  while (current.version < target) {
    const step = MIGRATIONS[kind][current.version]
    if (!step) throw new GlossaError('corrupt_file', `${name}: no migration from schema ${current.version}.`)
    current = { ...step(current), version: current.version + 1 }
  }
  return current
}
