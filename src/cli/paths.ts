// CLI (Node): where the built renderer and the bundled resources are, relative to out/cli/index.js.
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
export const projectRoot = resolve(here, '..', '..')
export const rendererDir = join(projectRoot, 'out', 'renderer')
export const samplesDir = join(projectRoot, 'resources', 'samples')
/** The search index builder process, built beside this file (see vite.cli.config.ts). */
export const searchWorkerFile = join(here, 'search-worker.js')
/** The export job process, built beside this file too. */
export const exportWorkerFile = join(here, 'export-worker.js')
/** The parse process for imported pages, built beside this file too. */
export const parseWorkerFile = join(here, 'parse-worker.js')
/** The sync job process (one sync with a team database), built beside this file too. */
export const syncWorkerFile = join(here, 'sync-worker.js')

/** This machine's catalog trust key (archive/catalog-trust.ts): beside the default archive, never inside one. */
export function defaultTrustKeyFile(): string {
  return join(defaultArchiveDir(), '..', 'catalog-trust.key')
}

/** Same place Electron's userData archive lives on Linux; the CLI has no app object to ask. */
export function defaultArchiveDir(): string {
  const base =
    process.platform === 'darwin'
      ? join(homedir(), 'Library', 'Application Support')
      : process.platform === 'win32'
        ? (process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
        : (process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'))
  return join(base, 'glossa', 'archive')
}
