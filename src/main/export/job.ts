// Main process: an export run as a job in a process of its own (worker.ts). The app checks the scope (so an
// unknown article is refused here, with its error code) and selects the articles from the catalog it holds; the
// job asks for them a slice at a time while it reads the annotation and body files itself and writes the file.
// So the job holds one slice of the catalog, never all of it (at 100,000 articles the whole catalog sent at once
// was most of its 963 MB).
import { z } from 'zod'
import type { ExportFile } from '../../shared/export'
import type { ArticleMeta, HighlightColor } from '../../shared/types'
import type { Archive } from '../archive/archive'
import { readBody } from '../archive/article-files'
import { readAnnotationFileSync } from '../archive/annotation-store'
import { articleFile, isPlainId } from '../archive/ids'
import { ReadAhead } from './read-ahead'
import { archiveExportSource, readsAnnotationsOf, runExport, streamExport } from './run'
import type { CollectionName, ExportArgs, ExportSource, Selection, StreamedFile } from './run'
import { askApp, nodeProcess, peakRssMB, runJob } from '../jobs/job-process'
import type { JobProcess } from '../jobs/job-process'

/** What the app sends an export job: everything but the articles (asked for a slice at a time) and the files. */
export type ExportJobRequest = {
  dir: string
  args: ExportArgs
  generatedAt: string
  /** How many articles the app selected for the scope. */
  count: number
  tagColors: Record<string, HighlightColor>
  collections: CollectionName[]
  /** Stream the export to this file (outside the archive) instead of answering with its text. */
  outFile?: string
}
/** `cpuMs`: the job's own CPU time (user + system). */
export type ExportJobResult = { files: ExportFile[]; peakRssMB: number; cpuMs?: number }
/** Runs an export of the archive somewhere: in a job process, or (default) in this one. */
export type ExportRunner = (
  archive: Archive,
  args: ExportArgs,
  generatedAt: string,
) => Promise<ExportJobResult>

/** The most articles a job asks for at once. */
const MAX_SLICE = 2000
/** A job's question: the next articles of the selection, `count` of them from `from`. */
const sliceQuestion = z.object({ from: z.int().nonnegative(), count: z.int().min(1).max(MAX_SLICE) }).strict()

const resultSchema = z.object({
  files: z.array(z.object({ name: z.string(), content: z.string(), mime: z.string() })),
  peakRssMB: z.number(),
  cpuMs: z.number().optional(),
})

/**
 * What the app sends the export process, and the articles it selected for it. The scope is checked here, and the
 * selection taken once saves acknowledged so far are on disk: the annotations files follow the catalog's counts.
 */
async function jobRequest(
  archive: Archive,
  args: ExportArgs,
  generatedAt: string,
): Promise<{ request: ExportJobRequest; selection: Selection }> {
  const source = archiveExportSource(archive)
  await source.select(args.scope)
  await archive.flush()
  const selection = await source.select(args.scope)
  return {
    request: {
      dir: archive.dir,
      args,
      generatedAt,
      count: selection.count,
      tagColors: source.tagColors(),
      collections: source.collections(),
    },
    selection,
  }
}

/** The app's answer to a job's question: one slice of the selection. */
function answerSlices(selection: Selection) {
  return (question: unknown) => {
    const { from, count } = sliceQuestion.parse(question)
    return selection.slice(from, count)
  }
}

/**
 * The export process's flags: a young generation of 64 MB semi-spaces, since every annotation read is garbage
 * soon after — at 1,000,000 annotations the collector was 16–28% of the process's CPU; with it the process used
 * 10–14% less CPU (figures.csv 8.0–8.3 -> 7.2–7.4 s, Markdown 12.2–12.7 -> 10.4–10.9 s; peak RSS 145 -> 230 MB;
 * bench/README "Ninth session").
 */
export const EXPORT_PROCESS_FLAGS = ['--max-semi-space-size=64']
/** Starts the export process with these flags (Node's execArgv, or an Electron utility process's). */
export type StartExportProcess = (execArgv: string[]) => JobProcess

export function processExporter(start: StartExportProcess): ExportRunner {
  return async (archive, args, generatedAt) => {
    const { request, selection } = await jobRequest(archive, args, generatedAt)
    return runJob(
      () => start(EXPORT_PROCESS_FLAGS),
      request,
      (value) => {
        const result = resultSchema.safeParse(value)
        if (!result.success) throw new Error('it answered something that is not a list of files')
        return result.data
      },
      answerSlices(selection),
    )
  }
}

const streamedSchema = z.object({
  file: z.object({ name: z.string(), mime: z.string(), bytes: z.number() }),
  peakRssMB: z.number(),
  cpuMs: z.number().optional(),
})

/**
 * Streams an export to `outFile` from a job process: the process asks for a slice of articles, reads their
 * annotations, formats and writes them, then asks for the next, so neither it nor the app ever holds the whole
 * file, and the job never the whole catalog. For the one-file formats (see exportStream); the others answer
 * with a refusal.
 */
export function processFileExporter(start: StartExportProcess) {
  return async (
    archive: Archive,
    args: ExportArgs,
    generatedAt: string,
    outFile: string,
  ): Promise<{ file: StreamedFile; peakRssMB: number; cpuMs?: number }> => {
    const { request, selection } = await jobRequest(archive, args, generatedAt)
    return runJob(
      () => start(EXPORT_PROCESS_FLAGS),
      { ...request, outFile },
      (value) => {
        const result = streamedSchema.safeParse(value)
        if (!result.success) throw new Error('it answered something that is not a written file')
        return result.data
      },
      answerSlices(selection),
    )
  }
}

export type FileExportRunner = ReturnType<typeof processFileExporter>

/** The exporter as a Node child process running `workerFile` (the built export-worker.js). */
export function nodeExporter(workerFile: string): ExportRunner {
  return processExporter((execArgv) => nodeProcess(workerFile, execArgv))
}

/**
 * The archive's files in `request.dir`, read and never written, for the articles the app selected: `ask` gets a
 * slice of them from the app (askApp in a job process), whose catalog entries are trusted as its request is.
 */
export function jobExportSource(
  request: ExportJobRequest,
  ask: (question: z.input<typeof sliceQuestion>) => Promise<unknown>,
  /** Reads each slice's annotations files into the cache ahead of the reads below (read-ahead.ts). */
  readAhead?: ReadAhead,
): ExportSource {
  const reads = readsAnnotationsOf(request.args.format)
  return {
    dir: request.dir,
    // The app selected the articles of the request's scope.
    select: async () => ({
      count: request.count,
      slice: async (from, count) => {
        const wanted = Math.min(count, request.count - from)
        if (wanted <= 0) return []
        const metas: ArticleMeta[] = []
        while (metas.length < wanted) {
          const part = await ask({
            from: from + metas.length,
            count: Math.min(MAX_SLICE, wanted - metas.length),
          })
          if (!Array.isArray(part))
            throw new Error('the app answered something that is not a list of articles')
          if (!part.length) break
          metas.push(...(part as ArticleMeta[]))
        }
        readAhead?.warm(
          metas
            .filter((m) => isPlainId(m.id) && reads(m))
            .map((m) => articleFile(request.dir, 'annotations', m.id)),
        )
        return metas
      },
    }),
    // Read synchronously: this process does nothing else meanwhile, and four thread-pool round trips per file
    // were 1.4 s of CPU in an export of 10,000 articles (0.5 s read this way).
    readAnnotations: async (id) => {
      const start = performance.now()
      try {
        return readAnnotationFileSync(request.dir, id)
      } finally {
        readAhead?.read(performance.now() - start)
      }
    },
    getArticle: async (meta) => {
      const body = await readBody(request.dir, meta.id)
      return { ...meta, text: body.text, ...(body.html ? { html: body.html } : {}) }
    },
    tagColors: () => request.tagColors,
    collections: () => request.collections,
  }
}

const cpuMs = () => {
  const used = process.cpuUsage()
  return (used.user + used.system) / 1000
}

/** What the worker does with a request; `ask` reaches the app (askApp). */
export async function runExportJob(
  request: ExportJobRequest,
  ask: (question: unknown) => Promise<unknown> = askApp,
): Promise<ExportJobResult> {
  const readAhead = new ReadAhead()
  try {
    const files = await runExport(jobExportSource(request, ask, readAhead), request.args, request.generatedAt)
    return { files, peakRssMB: peakRssMB(), cpuMs: cpuMs() }
  } finally {
    await readAhead.close()
  }
}

/** What the worker does with a request that names a file to stream the export to. */
export async function runExportFileJob(
  request: ExportJobRequest & { outFile: string },
  ask: (question: unknown) => Promise<unknown> = askApp,
): Promise<{ file: StreamedFile; peakRssMB: number; cpuMs: number }> {
  const readAhead = new ReadAhead()
  try {
    const source = jobExportSource(request, ask, readAhead)
    const file = await streamExport(source, request.args, request.outFile, request.generatedAt)
    if (!file) throw new Error(`An export to ${request.args.format} cannot be streamed to a file.`)
    return { file, peakRssMB: peakRssMB(), cpuMs: cpuMs() }
  } finally {
    await readAhead.close()
  }
}
