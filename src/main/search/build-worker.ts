// Index builder process, entry point (built to search-worker.js beside the app's main and CLI bundles). Started
// by the app with child_process.fork (Node: CLI, browser mode) or utilityProcess.fork (Electron); answers one
// BuildRequest with its BuildReport, or one MergeRequest (the merge job, segment-merge.ts) with its MergeReport.
// See jobs/job-process.ts.
import { askApp, serveJob } from '../jobs/job-process'
import { buildIndexFile } from './build'
import type { BuildRequest } from './load-state'
import { isMergeRequest, mergeSegmentFile } from './segment-merge'

// A build tells the app how far it is as it goes (BuildProgress, asked as a question: it waits for the reply).
serveJob((request) =>
  isMergeRequest(request)
    ? mergeSegmentFile(request)
    : buildIndexFile(request as BuildRequest, async (done) => void (await askApp({ progress: done }))),
)
