// Main process: how each open archive's figures index is set up — the trust key its saved file is MACed with and
// the job process that builds it (told by open-archive.ts and the app's or serve's start), and running that job.
import type { Archive } from '../archive/archive'
import { runJob } from '../jobs/job-process'
import type { JobProcess } from '../jobs/job-process'
import type { FigureBuildProgress, FigureBuildRequest, FigureBuildResult } from './build-job'

/** Each open archive's catalog trust key file (open-archive.ts tells): the saved index is MACed with that key. */
export const keyFiles = new WeakMap<Archive, string>()

/** The key the figures index of `archive` is saved with; without one it is rebuilt at each open, never saved. */
export function setFigureIndexKey(archive: Archive, keyFile: string | undefined): void {
  if (keyFile) keyFiles.set(archive, keyFile)
}

/** Starts a job process that builds a figures index (build-job.ts), per open archive (the app's, serve's). */
export type FigureBuilder = () => JobProcess
export const builders = new WeakMap<Archive, FigureBuilder>()

/** Builds the figures index of `archive` in a job process started by `start` rather than in this one. */
export function setFigureIndexBuilder(archive: Archive, start: FigureBuilder): void {
  builders.set(archive, start)
}

/** Runs the build job, telling `progress` how far it is; resolves with what it reports, rejects if it fails. */
export function runBuild(
  start: FigureBuilder,
  request: FigureBuildRequest,
  progress: (p: FigureBuildProgress) => void,
): Promise<FigureBuildResult> {
  return runJob(
    start,
    request,
    (value) => {
      const v = value as Partial<FigureBuildResult> | null
      if (typeof v?.figures !== 'number') throw new Error('it answered something that is not a built index')
      return v as FigureBuildResult
    },
    (question) => {
      const q = question as Partial<FigureBuildProgress> | null
      if (Number.isSafeInteger(q?.done) && Number.isSafeInteger(q?.of))
        progress({ done: q!.done!, of: q!.of! })
      return null
    },
  )
}
