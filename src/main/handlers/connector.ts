// Main process: the browser connector as the app shows it (connector.*) — whether it listens, a pairing code,
// and the paired extensions, which can be revoked. The connector's own HTTP server is src/main/connector/.
import type { HandlerMap, ServiceContext } from './context'

export function connectorHandlers({ connector }: ServiceContext): HandlerMap<'connector'> {
  return {
    'connector.status': async () => ({
      ...connector.status,
      ...(connector.notice ? { notice: connector.notice } : {}),
    }),
    'connector.pair.start': async () => connector.startPairing(),
    'connector.tokens.list': async () => connector.list(),
    'connector.tokens.revoke': async ({ id }) => {
      await connector.revoke(id)
      return { ok: true as const }
    },
  }
}
