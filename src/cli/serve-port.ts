// CLI (Node): the port `glossa serve` listens on when none is given. The same archive folder gets the same port
// from one run to the next, so the browser keeps the page's origin across a restart — and with it what the page
// keeps in its storage: the drafts of everything typed and not yet saved (renderer/src/reader/drafts.ts). With a
// new port at every start, a note typed while the server was down was kept under an origin never opened again.
import { createHash } from 'node:crypto'
import { realpath } from 'node:fs/promises'
import { createServer } from 'node:net'

/** Ports 20000–29999, away from the usual ephemeral range (32768 and up on Linux) and from well-known services. */
const FIRST = 20_000
const SPAN = 10_000
/** The browser connector's default port: never taken for the app. */
const CONNECTOR_PORT = 21_787
/** A taken port moves to the next; after this many, any free port (drafts then stay with the earlier origin). */
const TRIES = 16

/** The ports tried for `dir`, in order: a hash of its real path picks the first. */
export async function preferredPorts(dir: string): Promise<number[]> {
  const path = await realpath(dir).catch(() => dir)
  const first = createHash('sha256').update(path).digest().readUInt32BE(0) % SPAN
  const ports: number[] = []
  for (let i = 0; ports.length < TRIES; i++) {
    const port = FIRST + ((first + i) % SPAN)
    if (port !== CONNECTOR_PORT) ports.push(port)
  }
  return ports
}

const isFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
  })

/** The first free one of `dir`'s preferred ports, or 0 (any free port) when all are taken. */
export async function stablePort(dir: string): Promise<number> {
  for (const port of await preferredPorts(dir)) if (await isFree(port)) return port
  return 0
}
