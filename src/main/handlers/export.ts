// Main process: exports (export.*) — the files are built (in an export job process when the app has one) and
// handed to the window, which saves them; in browser mode an export is streamed to one file (per-article
// Markdown: a zip) and offered for one download (downloads.ts), so a big export is never built in memory.
import { GlossaError } from '../../shared/errors'
import { archiveExportSource, runExport, streamExport, streamedFileOf } from '../export/run'
import type { StreamedFile } from '../export/run'
import type { HandlerMap, ServiceContext } from './context'

export function exportHandlers({
  archive,
  now,
  exporter,
  fileExporter,
  downloads,
}: ServiceContext): HandlerMap<'export'> {
  /** Streams the export to `file`: in the export process when the app has one, else (or if it fails) here. */
  async function streamTo(args: Parameters<typeof streamExport>[1], file: string, generatedAt: string) {
    if (fileExporter) {
      try {
        return (await fileExporter(archive, args, generatedAt, file)).file
      } catch (err) {
        if ((err as { code?: unknown }).code) throw err
        console.error(`Glossa exported in the main process: the export process failed (${String(err)})`)
      }
    }
    return (await streamExport(archiveExportSource(archive), args, file, generatedAt)) as StreamedFile
  }

  return {
    'export.run': async (args) => {
      const generatedAt = now()
      // A preview formats a few articles: here, not in a job process that would be sent the whole catalog.
      if (exporter && !args.options?.preview) {
        try {
          return (await exporter(archive, args, generatedAt)).files
        } catch (err) {
          // A refused scope is the user's to fix; a failed job process is ours: export here instead.
          if ((err as { code?: unknown }).code) throw err
          console.error(`Glossa exported in the main process: the export process failed (${String(err)})`)
        }
      }
      return runExport(archiveExportSource(archive), args, generatedAt)
    },
    'export.download': async (args) => {
      if (!downloads)
        throw new GlossaError(
          'invalid_argument',
          'Exports are downloaded in browser mode only; the desktop app saves them itself (export.run).',
        )
      const generatedAt = now()
      const stream = streamedFileOf(args)
      if (!stream)
        throw new GlossaError(
          'invalid_argument',
          `An export to ${args.format} with these options is not streamed to a file: use export.run.`,
        )
      const file = await downloads.path(stream.name)
      try {
        const written = await streamTo(args, file, generatedAt)
        const ticket = downloads.offer({ file, ...written })
        return { ...written, url: `/download/${ticket}` }
      } catch (err) {
        await downloads.discard(file)
        throw err
      }
    },
  }
}
