// Export job process, entry point (built to export-worker.js beside the app's main and CLI bundles). Answers one
// ExportJobRequest with the files. See job-process.ts and export-job.ts.
import { runExportJob } from './export-job'
import type { ExportJobRequest } from './export-job'
import { serveJob } from './job-process'

serveJob((request) => runExportJob(request as ExportJobRequest))
