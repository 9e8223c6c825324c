// Child process (Node, bundled by bundle-child.ts): changes a saved search index (segment-store.ts) and saves it,
// again and again, until it is killed — articles added, edited (a new version of the text and signature) and
// removed, each save writing a segment file, a signature file and the manifest (and now and then a merged tail
// and a merged signature file). Usage: node child.mjs <indexDir> <keyHex> <seed>
//
// Every article's one document says its version token, which is also its signature: an index whose signatures
// and documents disagree shows up. Protocol on stdout, written synchronously before the next step:
//   saving <digest>   a save of the state <digest> begins; `saved` once its promise resolved
import { writeSync } from 'node:fs'
import type * as FsPromises from 'node:fs/promises'
import { createRequire, syncBuiltinESMExports } from 'node:module'
import { INDEX_OPTIONS } from '../../src/main/search/documents'
import type { Signature } from '../../src/main/search/freshness'
import { openStore, saveStore } from '../../src/main/search/segment-store'
import { SegmentedIndex } from '../../src/main/search/segmented-index'
import type { SignatureFile } from '../../src/main/search/signature-files'
import { createRng } from '../prng'
import { stateDigest } from './search-save-digest'

const [dir, keyHex, seedArg] = process.argv.slice(2)
const key = Buffer.from(keyHex, 'hex')
const rng = createRng(Number(seedArg))
const emit = (line: string) => writeSync(1, `${line}\n`)
setTimeout(() => process.exit(2), 60_000)

// Renames and removals in the index folder wait a little first, so the parent's kills land between a save's
// steps (a segment written but not its signatures, both but not the manifest, the manifest but not the cleanup).
const fsp = createRequire(import.meta.url)('node:fs/promises') as typeof FsPromises
const { rename: realRename, rm: realRm } = fsp
const pause = () => new Promise((r) => setTimeout(r, rng.int(0, 15)))
fsp.rename = async (from, to) => {
  await pause()
  return realRename(from, to)
}
fsp.rm = async (path, options) => {
  await pause()
  return realRm(path, options)
}
syncBuiltinESMExports()

const FIELDS = INDEX_OPTIONS.fields
const doc = (id: string, token: string) => ({
  id,
  title: `Article ${id}`,
  text: `The ministry said ${token} in a statement about ${id}.`,
  note: '',
  tags: '',
  source: '',
})

async function main(): Promise<void> {
  const opened = await openStore(dir, FIELDS, key)
  let index = opened.ok ? opened.index : new SegmentedIndex(FIELDS)
  const all = opened.ok ? opened.signatures : new Map<string, Signature>()
  let files: SignatureFile[] = opened.ok ? opened.files : []
  let next = Math.max(0, ...[...all.keys()].map((id) => Number(id.slice(1)) + 1))
  emit('ready')
  for (;;) {
    const changed = new Set<string>()
    for (let n = rng.int(1, 30); n > 0; n--) {
      const ids = [...all.keys()]
      const roll = rng.next()
      if (ids.length > 20 && roll < 0.15) {
        const id = rng.pick(ids)
        index.removeArticle(id)
        all.delete(id)
        changed.add(id)
      } else {
        const id = ids.length > 20 && roll < 0.5 ? rng.pick(ids) : `a${String(next++).padStart(6, '0')}`
        const token = `tok${rng.int(0, 2 ** 30).toString(36)}x${id}`
        index.removeArticle(id)
        index.add([doc(id, token)])
        all.set(id, { meta: token, annotations: '' })
        changed.add(id)
      }
    }
    emit(`saving ${stateDigest(all)}`)
    const saved = await saveStore(dir, index, key, { all, changed, files })
    index = saved.index
    files = saved.files
    emit('saved')
  }
}

main().catch((err: unknown) => {
  emit(`fail ${String(err)}`)
  process.exit(1)
})
