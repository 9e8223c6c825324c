// Child process (Node, bundled by bundle-child.ts): adds and removes catalog entries under one first-level
// bucket until it is killed, so its buckets split again and again (catalog-layout.ts) — and, opened on an archive
// from before splitting, splits it in the background meanwhile. Usage: node child.mjs <archiveDir> <keyFile> <seed>
//
// Protocol on stdout, written synchronously so a line the parent reads was really emitted before the kill:
//   ready                 the archive is open
//   put <id> / gone <id>  before the change; `ack <id>` after its promise resolved (it is on disk)
import { writeSync } from 'node:fs'
import type * as FsPromises from 'node:fs/promises'
import { createRequire, syncBuiltinESMExports } from 'node:module'
import { Archive } from '../../src/main/archive/archive'
import { bigMeta, idsUnder } from '../catalog-entries'
import { createRng } from '../prng'

const [dir, key, seedArg] = process.argv.slice(2)
const rng = createRng(Number(seedArg))
const emit = (line: string) => writeSync(1, `${line}\n`)
setTimeout(() => process.exit(2), 30_000)

// The moment a split is most fragile — its children on disk, its own file not yet removed — lasts microseconds;
// a removal in the catalog waits 100 ms here first, so the parent's kills land in it as well as elsewhere.
const fsp = createRequire(import.meta.url)('node:fs/promises') as typeof FsPromises
const realRm = fsp.rm
fsp.rm = async (path, options) => {
  if (String(path).includes('/catalog/')) await new Promise((r) => setTimeout(r, 100))
  return realRm(path, options)
}
syncBuiltinESMExports()

async function main(): Promise<void> {
  const archive = await Archive.open(dir, { trustKeyFile: key })
  emit('ready')
  for (let n = 0; ; n++) {
    const ids = archive.list().map((m) => m.id)
    if (ids.length > 10 && rng.chance(0.15)) {
      const id = rng.pick(ids)
      emit(`gone ${id}`)
      await archive.deleteArticle(id).catch(() => archive.catalog.remove(id))
      emit(`ack ${id}`)
    } else {
      const [id] = idsUnder('ab', 1, rng.next)
      emit(`put ${id}`)
      await archive.catalog.put(bigMeta(id, n, 90))
      emit(`ack ${id}`)
    }
  }
}

main().catch((err: unknown) => {
  emit(`fail ${String(err)}`)
  process.exit(3)
})
