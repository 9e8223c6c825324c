// Main process: the one service object that implements every method of the contract, merged from one
// handler map per method prefix (handlers/<prefix>.ts). Electron's ipc.ts and browser mode's serve.ts both call it through dispatch.
import { METHOD_NAMES } from '../shared/contract'
import type { Handlers } from '../shared/contract'
import type { Archive } from './archive/archive'
import { annotationHandlers } from './handlers/annotations'
import { appHandlers } from './handlers/app'
import { articleHandlers } from './handlers/articles'
import { backupHandlers } from './handlers/backups'
import { collectionHandlers } from './handlers/collections'
import { connectorHandlers } from './handlers/connector'
import { syncHandlers } from './handlers/sync'
import type { JobProcess } from './jobs/job-process'
import type { TeamSecrets } from './sync/team-secret'
import type { ServiceContext } from './handlers/context'
import { exportHandlers } from './handlers/export'
import { figureHandlers } from './handlers/figures'
import { importHandlers } from './handlers/import'
import { searchHandlers } from './handlers/search'
import { tagHandlers } from './handlers/tags'
import { Importer } from './importer'
import { ConnectorAccess, processUserDir } from './connector/access'
import type { ExportRunner, FileExportRunner } from './export/job'
import type { Downloads } from './downloads'
import { SearchIndex } from './search'

export type ServiceOptions = {
  archive: Archive
  version: string
  importer?: Importer
  search?: Promise<SearchIndex>
  /** Runs exports in a job process (the app and browser mode); default: in this process. */
  exporter?: ExportRunner
  /** Streams one-file exports to a file from a job process (export.download); default: in this process. */
  fileExporter?: FileExportRunner
  /** Browser mode: files offered for one download each; without it export.download refuses. */
  downloads?: Downloads
  /**
   * Shared with the browser connector's server when one runs. The app and `glossa serve` give one kept in the
   * user-data folder; without one (tests) the tokens live in a folder of this process's own in the temp folder.
   */
  connector?: ConnectorAccess
  /** Starts the team sync job; without it sync.run refuses. */
  syncJob?: () => JobProcess
  /** Keeps the team password encrypted (the desktop app's safeStorage); without it, for the session only. */
  teamSecrets?: TeamSecrets
}

export function createService({
  archive,
  version,
  importer = new Importer(archive),
  search,
  exporter,
  fileExporter,
  downloads,
  connector = new ConnectorAccess({ archiveDir: archive.dir, userDir: processUserDir() }),
  syncJob,
  teamSecrets,
}: ServiceOptions): Handlers {
  let index = search
  const ctx: ServiceContext = {
    archive,
    importer,
    version,
    now: () => new Date().toISOString(),
    connector,
    search: () => (index ??= SearchIndex.open(archive)),
    ...(exporter ? { exporter } : {}),
    ...(fileExporter ? { fileExporter } : {}),
    ...(downloads ? { downloads } : {}),
    ...(syncJob ? { syncJob } : {}),
    ...(teamSecrets ? { teamSecrets } : {}),
  }
  const maps = [
    appHandlers(ctx),
    articleHandlers(ctx),
    annotationHandlers(ctx),
    tagHandlers(ctx),
    collectionHandlers(ctx),
    figureHandlers(ctx),
    importHandlers(ctx),
    exportHandlers(ctx),
    backupHandlers(ctx),
    searchHandlers(ctx),
    connectorHandlers(ctx),
    syncHandlers(ctx),
  ]
  const merged: Record<string, unknown> = {}
  for (const map of maps) {
    for (const [name, handler] of Object.entries(map)) {
      if (name in merged) throw new Error(`Handler for ${name} registered twice`)
      merged[name] = handler
    }
  }
  const missing = METHOD_NAMES.filter((m) => !(m in merged))
  if (missing.length) throw new Error(`No handler for ${missing.join(', ')}`)
  return merged as Handlers
}
