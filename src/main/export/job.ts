// Main process: an export run as a job in a process of its own (worker.ts). The app checks the scope
// (so an unknown article is refused here, with its error code), sends the catalog, tag colours and collections,
// and gets the files back; the worker reads the annotation and body files itself.
import { z } from 'zod'
import type { ExportFile } from '../../shared/export'
import type { Archive } from '../archive/archive'
import { archiveExportSource, filesExportSource, runExport } from './run'
import type { ExportArgs, ExportSnapshot } from './run'
import { nodeProcess, peakRssMB, runJob } from '../jobs/job-process'
import type { JobProcess } from '../jobs/job-process'

export type ExportJobRequest = ExportSnapshot & { dir: string; args: ExportArgs; generatedAt: string }
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

export function processExporter(start: () => JobProcess): ExportRunner {
  return async (archive, args, generatedAt) => {
    const source = archiveExportSource(archive)
    for (const id of args.scope.articleIds ?? []) source.meta(id)
    // Acknowledged saves are on disk already; the catalog counts that follow them, once this resolves.
    await archive.flush()
    const request: ExportJobRequest = {
      dir: archive.dir,
      metas: source.list(),
      tagColors: source.tagColors(),
      collections: source.collections(),
      args,
      generatedAt,
    }
    return runJob(start, request, (value) => {
      const result = resultSchema.safeParse(value)
      if (!result.success) throw new Error('it answered something that is not a list of files')
      return result.data
    })
  }
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
