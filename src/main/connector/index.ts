// Main process: starts the browser connector beside an open archive, for the desktop app and `glossa serve`
// alike. A port already taken is reported (the app shows it), never fatal: the app works without the connector.
import type { Archive } from '../archive/archive'
import { listTags } from '../handlers/tags'
import type { Importer } from '../importer'
import type { ConnectorAccess } from './access'
import { savePage } from './save'
import { DEFAULT_CONNECTOR_PORT, startConnector } from './server'
import type { RunningConnector } from './server'

export { ConnectorAccess, processUserDir } from './access'
export { DEFAULT_CONNECTOR_PORT } from './server'

export type BrowserConnectorOptions = {
  archive: Archive
  importer: Importer
  access: ConnectorAccess
  version: string
  port?: number
  open?: (id: string) => boolean
  /** Called after each page saved (the app refreshes its window). */
  onSaved?: () => void
}

export async function startBrowserConnector(
  o: BrowserConnectorOptions,
): Promise<RunningConnector | undefined> {
  const port = o.port ?? DEFAULT_CONNECTOR_PORT
  // An older Glossa's connector.json in the archive is never read (a crafted archive could plant tokens): said
  // once, in the log of `glossa serve` and the connector's dialog, so its owner pairs again.
  const ignored = await o.access.oldPairingIgnored().catch(() => undefined)
  if (ignored) o.archive.noteProblem({ message: ignored })
  try {
    return await startConnector({
      access: o.access,
      port,
      save: async (request) => {
        const deps = { archive: o.archive, importer: o.importer, now: () => new Date().toISOString() }
        const reply = await savePage(deps, request)
        o.onSaved?.()
        return reply
      },
      info: () => ({
        version: o.version,
        collections: o.archive.collections.all(),
        tags: listTags(o.archive).map((t) => t.name),
      }),
      ...(o.open ? { open: o.open } : {}),
    })
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    const problem =
      code === 'EADDRINUSE'
        ? `Port ${port} on 127.0.0.1 is in use (another Glossa, or another program), so the browser extension cannot reach this Glossa.`
        : `The browser connector could not start: ${err instanceof Error ? err.message : String(err)}`
    o.access.status = { listening: false, problem }
    return undefined
  }
}
