// Main process: what every handler map is built from, and the helper that types one map per domain.
import type { Handlers, MethodName } from '../../shared/contract'
import type { Archive } from '../archive/archive'
import type { Importer } from '../importer'
import type { ConnectorAccess } from '../connector/access'
import type { JobProcess } from '../jobs/job-process'
import type { ExportRunner, FileExportRunner } from '../export/job'
import type { Downloads } from '../downloads'
import type { SearchIndex } from '../search'
import type { TeamSecrets } from '../sync/team-secret'

export type ServiceContext = {
  archive: Archive
  importer: Importer
  version: string
  now: () => string
  /** The search index, opened on first use (or earlier by `warmSearch`) and kept current from then on. */
  search: () => Promise<SearchIndex>
  /** Runs exports in a job process; without it they run in this one. */
  exporter?: ExportRunner
  /** Streams a one-file export to a file from a job process; without it, in this one. */
  fileExporter?: FileExportRunner
  /** Browser mode: files offered for one download each (export.download); absent in the desktop app. */
  downloads?: Downloads
  /** Pairing and the paired browser extensions (the connector's HTTP server shares it). */
  connector: ConnectorAccess
  /** Starts the team sync job (src/main/sync/sync-worker.ts); absent where no sync worker is built. */
  syncJob?: () => JobProcess
  /** Keeps the team password encrypted outside the archive (the desktop app); absent: for the session only. */
  teamSecrets?: TeamSecrets
}

/** A method's prefix, the part before the dot (`tags` of `tags.rename`): one handler file serves each. */
export type MethodPrefix = MethodName extends `${infer P}.${string}` ? P : never

/** The contract's methods under one or more prefixes, read off the contract: no list kept by hand. */
export type MethodsOf<P extends MethodPrefix> = Extract<MethodName, `${P}.${string}`>

/**
 * One handler file's map: every contract method under its prefixes, checked against the contract. A method
 * added to the contract and not handled, or a name the contract does not have, stops the build.
 */
export type HandlerMap<P extends MethodPrefix> = Pick<Handlers, MethodsOf<P>>
