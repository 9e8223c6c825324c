// Tests: a pouchdb-server and the bundled sync job for one test file, started before its tests and stopped
// after them (the setup every sync test through the service shares).
import { afterAll, beforeAll } from 'vitest'
import { bundleChild } from '../reliability/bundle-child'
import type { BundledChild } from '../reliability/bundle-child'
import { startCouch } from './couch-server'
import type { CouchServer } from './couch-server'

export type TeamServer = { couch: CouchServer; worker: BundledChild }

export function useTeamServer(options?: { onDisk?: boolean }): TeamServer {
  const team = {} as TeamServer
  beforeAll(async () => {
    ;[team.couch, team.worker] = await Promise.all([
      startCouch(options),
      bundleChild('src/main/sync/sync-worker.ts'),
    ])
  }, 120_000)
  afterAll(async () => {
    await team.couch?.stop()
    await team.worker?.dispose()
  })
  return team
}
