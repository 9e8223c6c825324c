// Main process: exports — the files are built here and handed to the window, which saves them.
import { runExport } from '../exporter'
import type { HandlerMap, ServiceContext } from './context'

export function exportHandlers({ archive, now }: ServiceContext): HandlerMap<'export.run'> {
  return {
    'export.run': async (args) => runExport(archive, args, now()),
  }
}
