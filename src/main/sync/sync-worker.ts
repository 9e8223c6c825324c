// Sync job process, entry point (built to sync-worker.js beside the app's main and CLI bundles): one sync of the
// local replica with the remote, then it exits. See replica.ts and jobs/job-process.ts.
import { serveJob } from '../jobs/job-process'
import { syncOnce } from './replica'
import type { SyncRequest } from './sync-protocol'

serveJob((request) => syncOnce(request as SyncRequest))
