// Child process (Node, bundled by test/reliability/bundle-child.ts): opens the paired browsers of an archive whose
// token file an older Glossa kept in the archive folder, and reports it ignored (which writes this computer's
// token file), until the parent kills it. Renames and removals wait a little first, so a kill lands between the
// steps (the new file written but not renamed into place). Usage: node child.mjs <placeJson>.
// Prints `moving` before and `moved` after, synchronously.
import { writeSync } from 'node:fs'
import type * as FsPromises from 'node:fs/promises'
import { createRequire, syncBuiltinESMExports } from 'node:module'
import { ConnectorAccess } from '../../src/main/connector/access'

const emit = (line: string) => writeSync(1, `${line}\n`)
setTimeout(() => process.exit(2), 60_000)

const fsp = createRequire(import.meta.url)('node:fs/promises') as typeof FsPromises
const { rename: realRename, rm: realRm } = fsp
const pause = () => new Promise((r) => setTimeout(r, 25))
fsp.rename = async (from, to) => {
  await pause()
  return realRename(from, to)
}
fsp.rm = async (path, options) => {
  await pause()
  return realRm(path, options)
}
syncBuiltinESMExports()

const place = JSON.parse(process.argv[2]) as { archiveDir: string; userDir: string }
emit('moving')
const access = new ConnectorAccess(place)
await access.list()
await access.oldPairingIgnored()
emit('moved')
process.exit(0)
