// Main process: the search index builder (build-worker.ts) as a job in a process of its own.
import { z } from 'zod'
import { nodeProcess, runJob } from '../jobs/job-process'
import type { JobProcess } from '../jobs/job-process'
import type { IndexBuilder } from './load-state'

const reportSchema = z.object({ problems: z.array(z.string()), ms: z.number(), peakRssMB: z.number() })

export function processBuilder(start: () => JobProcess): IndexBuilder {
  return (request) =>
    runJob(start, request, (value) => {
      const report = reportSchema.safeParse(value)
      if (!report.success) throw new Error('it answered something that is not a build report')
      return report.data
    })
}

/** The builder as a Node child process running `workerFile` (the built search-worker.js). */
export function nodeBuilder(workerFile: string): IndexBuilder {
  return processBuilder(() => nodeProcess(workerFile))
}
