// Export job process, entry point (built to export-worker.js beside the app's main and CLI bundles). Answers one
// ExportJobRequest with the files. See jobs/job-process.ts and job.ts.
import { runExportJob } from './job'
import type { ExportJobRequest } from './job'
import { serveJob } from '../jobs/job-process'

serveJob((request) => runExportJob(request as ExportJobRequest))
