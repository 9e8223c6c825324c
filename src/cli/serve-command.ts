// CLI (Node): `glossa serve` — the archive opened and locked, the service behind the HTTP bridge, the search
// index built in a process of its own. Started here and stopped by the caller (a signal in the CLI, a test).
import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Handlers } from '../shared/contract'
import type { Archive } from '../main/archive/archive'
import { ROWS_FROM, readRows } from '../main/archive/catalog-rows'
import { readHead } from '../main/archive/library-head'
import { lockArchive } from '../main/archive/lock'
import { Downloads } from '../main/downloads'
import { earlyService } from '../main/early-service'
import { startServer } from '../main/serve'

export type ServeOptions = {
  dir: string
  port?: number
  /** The browser connector's port (default 21787; 0: any free one). */
  connectorPort?: number
  samplesDir?: string
  rendererDir: string
  /** Job processes' entry files; `sync` (team sync) is optional: without it sync.run refuses. */
  workers: { search: string; export: string; parse: string; sync?: string }
  /** This machine's catalog trust key, outside the archive; without it every catalog entry is checked at open. */
  trustKeyFile?: string
  /** The app's own folder, where paired browsers are kept (never in the archive); default: the trust key's. */
  userDir?: string
  log: (line: string) => void
  warn: (line: string) => void
}

export type RunningServe = {
  url: string
  port: number
  token: string
  /** The browser connector's port, when it listens. */
  connectorPort?: number
  archive: Archive
  stop: () => Promise<void>
}

export async function startServe(o: ServeOptions): Promise<RunningServe> {
  // The archive is locked before the server listens and prints its address: a second writer started once the
  // address is out (`glossa import` on the same folder) is refused, not let in while the archive is still opening.
  await mkdir(o.dir, { recursive: true })
  lockArchive(o.dir, 'glossa serve')
  // The server listens while the archive opens: the library's first rows come from its head meanwhile
  // (library-head.ts), every other call waits for the archive (early-service.ts).
  // The head is read first (a few files): read beside the catalog's load, it waited behind it.
  const read = o.trustKeyFile ? await readHead(o.dir, o.trustKeyFile) : null
  const head = read?.head ?? null
  // The rest of the app's code (the archive, import and its parsers, search, export, sync: a second of CPU
  // on a busy machine) is loaded after the server listens, not before.
  const code = Promise.all([
    import('../main/open-archive'),
    import('../main/importer'),
    import('../main/connector'),
    import('../main/export/job'),
    import('../main/jobs/job-process'),
    import('../main/jobs/parse-service'),
    import('../main/search'),
    import('../main/service'),
    import('../main/figures/figure-index'),
  ])
  const opening = code.then(([{ openArchive }]) =>
    openArchive(o.dir, o.samplesDir, undefined, o.trustKeyFile),
  )
  opening.catch(() => {})
  let serviceReady: (service: Handlers) => void = () => {}
  let serviceFailed: (err: unknown) => void = () => {}
  const ready = new Promise<Handlers>((resolve, reject) => {
    serviceReady = resolve
    serviceFailed = reject
  })
  ready.catch(() => {})
  // The library's rows cache (catalog-rows.ts) answers other sorts and filters while the catalog loads; read
  // when a page first needs it or the head's first page is out (early-service.ts), from 20,000 articles on.
  const rows = async () =>
    o.trustKeyFile && read?.head && read.head.total >= ROWS_FROM
      ? (await readRows(o.dir, o.trustKeyFile, read.fingerprint)).rows
      : null
  // Exports made for the page to download, in a private folder outside the archive (downloads.ts).
  const downloads = new Downloads()
  const server = await startServer({
    handlers: earlyService(ready, head, rows),
    rendererDir: o.rendererDir,
    port: o.port ?? 0,
    downloads,
  }).catch(async (err: unknown) => {
    await opening.then((a) => a.flush()).catch(() => {})
    throw err
  })
  o.log(`Glossa is serving ${o.dir}`)
  o.log(`Open ${server.url}`)
  let archive: Archive
  try {
    archive = await opening
  } catch (err) {
    serviceFailed(err)
    await server.close()
    throw err
  }
  const [
    { startHousekeeping },
    { Importer },
    { ConnectorAccess, processUserDir, startBrowserConnector },
    { nodeExporter, processFileExporter },
    { nodeProcess },
    { processParser },
    { SearchIndex, nodeBuilder },
    { createService },
    { setFigureIndexBuilder },
  ] = await code
  const stopHousekeeping = startHousekeeping(archive)
  // The figures index, when it must be built from every annotations file, is built by the export job worker.
  setFigureIndexBuilder(archive, () => nodeProcess(o.workers.export))
  const search = SearchIndex.open(archive, {
    builder: nodeBuilder(o.workers.search),
    answerWhileBuilding: true,
  })
  const parser = processParser((execArgv) => nodeProcess(o.workers.parse, execArgv))
  const connector = new ConnectorAccess({
    archiveDir: archive.dir,
    userDir: o.userDir ?? dirname(o.trustKeyFile ?? processUserDir()),
  })
  const importer = new Importer(archive, undefined, parser)
  const version = process.env.npm_package_version ?? '0.1.0'
  const service = createService({
    archive,
    version,
    search,
    exporter: nodeExporter(o.workers.export),
    fileExporter: processFileExporter((execArgv) => nodeProcess(o.workers.export, execArgv)),
    downloads,
    importer,
    connector,
    ...(o.workers.sync ? { syncJob: () => nodeProcess(o.workers.sync!) } : {}),
  })
  serviceReady(service)
  const browser = await startBrowserConnector({
    archive,
    importer,
    access: connector,
    version,
    ...(o.connectorPort !== undefined ? { port: o.connectorPort } : {}),
  })
  if (browser) o.log(`Browser connector on http://127.0.0.1:${browser.port}`)
  else o.warn(`warning: ${connector.status.problem ?? 'the browser connector is not running'}`)
  for (const problem of archive.problems) o.warn(`warning: ${problem.message}`)
  // The index is derived data: when it cannot be opened, searches say so and everything else goes on.
  const searched = search.then(
    // A first build goes on after open (answerWhileBuilding): said once it has taken over.
    (index) =>
      void index.migrated.then(() => {
        const { built, rebuiltBecause, problems } = index
        if (built) {
          const took = built.ms < 1000 ? `${Math.round(built.ms)} ms` : `${(built.ms / 1000).toFixed(1)} s`
          // a new archive has no index yet: that is its first, not a repair
          const what =
            rebuiltBecause === 'missing'
              ? 'First search index built'
              : `Search index rebuilt (${rebuiltBecause})`
          o.log(`${what} by the index builder process in ${took}`)
        }
        for (const problem of problems) o.warn(`warning: ${problem}`)
      }),
    (err: unknown) => o.warn(`warning: the search index could not be opened: ${String(err)}`),
  )
  const stop = async () => {
    stopHousekeeping()
    try {
      await server.close()
      await browser?.close()
      await searched
      await search.then((index) => index.close()).catch(() => {})
      await archive.flush()
    } finally {
      parser.close()
      await downloads.close()
    }
  }
  return {
    url: server.url,
    port: server.port,
    token: server.token,
    ...(browser ? { connectorPort: browser.port } : {}),
    archive,
    stop,
  }
}
