// Main process: the app's own facts (app.info), the archive's health check (archive.scan) and its background
// work (archive.status).
import type { HandlerMap, ServiceContext } from './context'
import { scanForDamage } from '../archive/scan'

export function appHandlers({ archive, version }: ServiceContext): HandlerMap<'app' | 'archive'> {
  // One scan per process: every window that asks shares it, and damage found later is noted as it is met.
  let scanned: Promise<unknown> | null = null
  return {
    'app.info': async () => ({
      version,
      archive: archive.dir,
      articles: archive.catalog.size(),
      problems: [...archive.problems],
    }),
    'archive.scan': async () => {
      scanned ??= scanForDamage(archive).catch(() => (scanned = null))
      await scanned
      return [...archive.problems]
    },
    'archive.status': async () => {
      const recount = archive.recounting()
      return recount ? { recount } : {}
    },
  }
}
