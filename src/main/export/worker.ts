// Job process entry point (built to export-worker.js beside the app's main and CLI bundles) for the jobs that
// read the archive's files and write a file outside it: an export (answered with the files, or streamed to the
// file the request names) and the figures index build (figures/build-job.ts). See jobs/job-process.ts, job.ts.
import { runExportFileJob, runExportJob } from './job'
import type { ExportJobRequest } from './job'
import { buildFigureIndexFile } from '../figures/build-job'
import type { FigureBuildRequest } from '../figures/build-job'
import { serveJob } from '../jobs/job-process'

serveJob((request) => {
  if ((request as Partial<FigureBuildRequest>).kind === 'figures-index')
    return buildFigureIndexFile(request as FigureBuildRequest)
  const r = request as ExportJobRequest
  return r.outFile ? runExportFileJob({ ...r, outFile: r.outFile }) : runExportJob(r)
})
