// Sync job process, entry point (built to sync-worker.js beside the app's main and CLI bundles): one sync of the
// local replica with the remote, then it exits; what came in goes to the app in batches as it runs. See replica.ts and jobs/job-process.ts.
import { askApp, serveJob } from '../jobs/job-process'
import { remoteFailure, syncOnce } from './replica'
import type { SyncBatchReply, SyncRequest } from './sync-protocol'

// PouchDB's HTTP adapter starts requests whose failures nobody awaits (its database setup): a server that drops
// the connection mid-request (ECONNRESET, a server stopped during a sync) rejected one of them unhandled, and Node
// ended the process — the app heard "it stopped (exit code 1)" instead of "Could not reach". A network failure
// that escapes this way fails the sync it belongs to with the same message as one that is caught.
let failCurrent: ((err: unknown) => void) | undefined
process.on('unhandledRejection', (err) => {
  const code = (err as { code?: unknown } | null)?.code
  if (failCurrent && (typeof code === 'string' || (err as Error | null)?.name === 'FetchError'))
    failCurrent(err)
  else throw err
})

serveJob(
  (request) =>
    new Promise((resolve, reject) => {
      const { remote } = request as SyncRequest
      failCurrent = (err) => reject(remoteFailure(err, remote))
      // Each batch of changes goes to the app, which answers once it is on disk (replica.ts, run-sync.ts).
      const deliver = async (batch: unknown) => (await askApp(batch)) as SyncBatchReply
      syncOnce(request as SyncRequest, deliver).then(resolve, reject)
    }),
)
