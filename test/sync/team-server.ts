// Tests: a pouchdb-server and the bundled sync job for one test file, started before its tests and stopped
// after them (the setup every sync test through the service shares).
import { afterAll, beforeAll } from 'vitest'
import { nodeProcess } from '../../src/main/jobs/job-process'
import { bundleChild } from '../reliability/bundle-child'
import type { BundledChild } from '../reliability/bundle-child'
import { serviceHarness } from '../service-harness'
import { tempDir } from '../temp-archive'
import { startCouch } from './couch-server'
import type { CouchServer } from './couch-server'

export type TeamServer = {
  couch: CouchServer
  worker: BundledChild
  /** A member's archive (a new one), its sync set to `url` as `user` with the password `pw-<user>`. */
  member: (url: string, user: string) => Promise<Awaited<ReturnType<typeof serviceHarness>>>
}

export function useTeamServer(options?: { onDisk?: boolean }): TeamServer {
  const team = {
    member: async (url: string, user: string) => {
      const h = await serviceHarness(await tempDir(), { syncJob: () => nodeProcess(team.worker.file) })
      await h.call('sync.configure', { remote: url, user, password: `pw-${user}` })
      return h
    },
  } as TeamServer
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
