// Export job process, entry point (built to export-worker.js beside the app's main and CLI bundles). Answers one
// ExportJobRequest with the files, or streams them to the file it names. See jobs/job-process.ts and job.ts.
import { runExportFileJob, runExportJob } from './job'
import type { ExportJobRequest } from './job'
import { serveJob } from '../jobs/job-process'

serveJob((request) => {
  const r = request as ExportJobRequest
  return r.outFile ? runExportFileJob({ ...r, outFile: r.outFile }) : runExportJob(r)
})
