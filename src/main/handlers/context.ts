// Main process: what every handler map is built from, and the helper that types one map per domain.
import type { Handlers, MethodName } from '../../shared/contract'
import type { Archive } from '../archive/archive'
import type { Importer } from '../importer'
import type { ExportRunner } from '../jobs/export-job'
import type { SearchIndex } from '../search'

export type ServiceContext = {
  archive: Archive
  importer: Importer
  version: string
  now: () => string
  /** The search index, opened on first use (or earlier by `warmSearch`) and kept current from then on. */
  search: () => Promise<SearchIndex>
  /** Runs exports in a job process; without it they run in this one. */
  exporter?: ExportRunner
}

/** One domain's handlers: a slice of the contract, checked against it. */
export type HandlerMap<M extends MethodName> = Pick<Handlers, M>
