// Main process: the search index builder (build-worker.ts) as a job in a process of its own, and the merge job
// (segment-merge.ts) in one alike.
import { z } from 'zod'
import { nodeProcess, runJob } from '../jobs/job-process'
import type { JobProcess } from '../jobs/job-process'
import type { BuildRequest, IndexBuilder } from './load-state'
import { MERGED_NAME } from './segment-merge'
import type { MergeRequest } from './segment-merge'

const reportSchema = z.object({ problems: z.array(z.string()), ms: z.number(), peakRssMB: z.number() })
const mergeSchema = z.object({ file: z.string().regex(MERGED_NAME), docs: z.int().nonnegative() })

export function processBuilder(start: () => JobProcess): IndexBuilder {
  const build = (request: BuildRequest) =>
    runJob(start, request, (value) => {
      const report = reportSchema.safeParse(value)
      if (!report.success) throw new Error('it answered something that is not a build report')
      return report.data
    })
  const merge = (request: MergeRequest) =>
    runJob(start, request, (value) => {
      const report = mergeSchema.safeParse(value)
      if (!report.success) throw new Error('it answered something that is not a merge report')
      return report.data
    })
  return Object.assign(build, { merge })
}

/** The builder as a Node child process running `workerFile` (the built search-worker.js). */
export function nodeBuilder(workerFile: string): IndexBuilder {
  return processBuilder(() => nodeProcess(workerFile))
}
