// Main process: the search index builder (build-worker.ts) as a job in a process of its own, and the merge job
// (segment-merge.ts) in one alike.
import { z } from 'zod'
import { nodeProcess, runJob } from '../jobs/job-process'
import type { JobProcess } from '../jobs/job-process'
import type { BuildProgress, BuildRequest, IndexBuilder } from './load-state'
import { MERGED_NAME } from './segment-merge'
import { untilGo } from '../test-gate'
import type { MergeRequest } from './segment-merge'

const reportSchema = z.object({ problems: z.array(z.string()), ms: z.number(), peakRssMB: z.number() })
const progressSchema = z
  .object({
    progress: z
      .object({
        indexed: z.int().nonnegative(),
        total: z.int().nonnegative(),
        segments: z
          .array(
            z.object({ file: z.string().max(100), tag: z.string().max(64), docs: z.int().nonnegative() }),
          )
          .max(100_000),
      })
      .strict(),
  })
  .strict()
const mergeSchema = z.object({ file: z.string().regex(MERGED_NAME), docs: z.int().nonnegative() })

export function processBuilder(start: () => JobProcess): IndexBuilder {
  const build = (request: BuildRequest, progress?: (done: BuildProgress) => Promise<void> | void) =>
    runJob(
      start,
      request,
      (value) => {
        const report = reportSchema.safeParse(value)
        if (!report.success) throw new Error('it answered something that is not a build report')
        return report.data
      },
      // The builder's progress, as it asks it (the segments it names are checked when opened, by their tags).
      async (question) => {
        const asked = progressSchema.safeParse(question)
        if (!asked.success) throw new Error('that is not a build progress report')
        await progress?.(asked.data.progress)
        return null
      },
    )
  const merge = (request: MergeRequest) =>
    runJob(start, request, (value) => {
      const report = mergeSchema.safeParse(value)
      if (!report.success) throw new Error('it answered something that is not a merge report')
      return report.data
    })
  return Object.assign(build, { merge })
}

/**
 * The builder as a Node child process running `workerFile` (the built search-worker.js). A test holds a first
 * build part way with GLOSSA_TEST_SEARCH_BUILD_GATE=<folder>: after each segment the builder waits (its progress
 * report unanswered) until a file `go` is in that folder.
 */
export function nodeBuilder(
  workerFile: string,
  gate: string | undefined = process.env.GLOSSA_TEST_SEARCH_BUILD_GATE,
): IndexBuilder {
  const builder = processBuilder(() => nodeProcess(workerFile))
  if (!gate) return builder
  const held: IndexBuilder = (request, progress) =>
    builder(request, async (done) => {
      await progress?.(done)
      if (done.segments.length > 0) await untilGo(gate)
    })
  return Object.assign(held, { merge: builder.merge })
}
