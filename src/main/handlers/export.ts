// Main process: exports (export.*) — the files are built (in an export job process when the app has one) and handed to
// the window, which saves them.
import { archiveExportSource, runExport } from '../export/run'
import type { HandlerMap, ServiceContext } from './context'

export function exportHandlers({ archive, now, exporter }: ServiceContext): HandlerMap<'export'> {
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
  }
}
