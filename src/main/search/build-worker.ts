// Index builder process, entry point (built to search-worker.js beside the app's main and CLI bundles). Started
// by the app with child_process.fork (Node: CLI, browser mode) or utilityProcess.fork (Electron); answers one
// BuildRequest with `{ ok: true, ...BuildReport }` or `{ ok: false, error }`. The app stops it after the answer.
import { buildIndexFile } from './build'
import type { BuildRequest } from './load-state'

type ElectronPort = {
  once(event: 'message', listener: (event: { data: unknown }) => void): void
  postMessage(message: unknown): void
}
const electronPort = (process as unknown as { parentPort?: ElectronPort }).parentPort

function answer(message: unknown): void {
  if (electronPort) electronPort.postMessage(message)
  else process.send?.(message)
}

async function handle(request: unknown): Promise<void> {
  try {
    answer({ ok: true, ...(await buildIndexFile(request as BuildRequest)) })
  } catch (err) {
    answer({ ok: false, error: err instanceof Error ? err.message : String(err) })
  }
}

if (electronPort) electronPort.once('message', (event) => void handle(event.data))
else {
  process.once('message', (request) => void handle(request))
  // The app went away: nothing left to build for.
  process.once('disconnect', () => process.exit(0))
}
