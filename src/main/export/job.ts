// Main process: an export run as a job in a process of its own (worker.ts). The app checks the scope
// (so an unknown article is refused here, with its error code), sends the catalog, tag colours and collections,
// and gets the files back; the worker reads the annotation and body files itself.
import { z } from 'zod'
import type { ExportFile } from '../../shared/export'
import type { Archive } from '../archive/archive'
import { archiveExportSource, filesExportSource, runExport, streamExport } from './run'
import type { ExportArgs, ExportSnapshot, StreamedFile } from './run'
import { nodeProcess, peakRssMB, runJob } from '../jobs/job-process'
import type { JobProcess } from '../jobs/job-process'

export type ExportJobRequest = ExportSnapshot & {
  dir: string
  args: ExportArgs
  generatedAt: string
  /** Stream the export to this file (outside the archive) instead of answering with its text. */
  outFile?: string
}
export type ExportJobResult = { files: ExportFile[]; peakRssMB: number }
/** Runs an export of the archive somewhere: in a job process, or (default) in this one. */
export type ExportRunner = (
  archive: Archive,
  args: ExportArgs,
  generatedAt: string,
) => Promise<ExportJobResult>

const resultSchema = z.object({
  files: z.array(z.object({ name: z.string(), content: z.string(), mime: z.string() })),
  peakRssMB: z.number(),
})

/** What the app sends the export process: the scope checked here, the catalog as it is once saves landed. */
async function jobRequest(
  archive: Archive,
  args: ExportArgs,
  generatedAt: string,
): Promise<ExportJobRequest> {
  const source = archiveExportSource(archive)
  for (const id of args.scope.articleIds ?? []) source.meta(id)
  // Acknowledged saves are on disk already; the catalog counts that follow them, once this resolves.
  await archive.flush()
  return {
    dir: archive.dir,
    metas: source.list(),
    tagColors: source.tagColors(),
    collections: source.collections(),
    args,
    generatedAt,
  }
}

export function processExporter(start: () => JobProcess): ExportRunner {
  return async (archive, args, generatedAt) =>
    runJob(start, await jobRequest(archive, args, generatedAt), (value) => {
      const result = resultSchema.safeParse(value)
      if (!result.success) throw new Error('it answered something that is not a list of files')
      return result.data
    })
}

const streamedSchema = z.object({
  file: z.object({ name: z.string(), mime: z.string(), bytes: z.number() }),
  peakRssMB: z.number(),
})

/**
 * Streams an export to `outFile` from a job process: the process reads, formats and writes a slice of
 * articles at a time, so neither it nor the app ever holds the whole file. For the one-file formats
 * (see exportStream); the others answer with a refusal.
 */
export function processFileExporter(start: () => JobProcess) {
  return async (
    archive: Archive,
    args: ExportArgs,
    generatedAt: string,
    outFile: string,
  ): Promise<{ file: StreamedFile; peakRssMB: number }> =>
    runJob(start, { ...(await jobRequest(archive, args, generatedAt)), outFile }, (value) => {
      const result = streamedSchema.safeParse(value)
      if (!result.success) throw new Error('it answered something that is not a written file')
      return result.data
    })
}

/** The exporter as a Node child process running `workerFile` (the built export-worker.js). */
export function nodeExporter(workerFile: string): ExportRunner {
  return processExporter(() => nodeProcess(workerFile))
}

/** What the worker does with a request. */
export async function runExportJob(request: ExportJobRequest): Promise<ExportJobResult> {
  const files = await runExport(filesExportSource(request.dir, request), request.args, request.generatedAt)
  return { files, peakRssMB: peakRssMB() }
}

/** What the worker does with a request that names a file to stream the export to. */
export async function runExportFileJob(
  request: ExportJobRequest & { outFile: string },
): Promise<{ file: StreamedFile; peakRssMB: number }> {
  const source = filesExportSource(request.dir, request)
  const file = await streamExport(source, request.args, request.outFile, request.generatedAt)
  if (!file) throw new Error(`An export to ${request.args.format} cannot be streamed to a file.`)
  return { file, peakRssMB: peakRssMB() }
}
