// Child process (Node, bundled by bundle-child.ts): adds articles to a saved search index and saves it, stopping
// for good inside the segment file's atomic write (atomic.ts) — `write`: half of the temp file written; `rename`:
// the temp file whole, not yet renamed over its name — so the parent's SIGKILL lands mid-write.
// Usage: node child.mjs <indexDir> <keyHex> <write|rename>. Prints `at <stage> <temp file name>` when stopped.
import { writeSync } from 'node:fs'
import type * as FsPromises from 'node:fs/promises'
import { createRequire, syncBuiltinESMExports } from 'node:module'
import { basename } from 'node:path'
import { INDEX_OPTIONS } from '../../src/main/search/documents'
import { openStore, saveStore } from '../../src/main/search/segment-store'

const [dir, keyHex, stage] = process.argv.slice(2)
const key = Buffer.from(keyHex, 'hex')
const emit = (line: string) => writeSync(1, `${line}\n`)
setTimeout(() => process.exit(2), 60_000)
const never = () => new Promise<never>(() => undefined)

const fsp = createRequire(import.meta.url)('node:fs/promises') as typeof FsPromises
const { open: realOpen, rename: realRename } = fsp
const isSegmentTemp = (path: unknown) => /\/\.seg-[0-9a-f]{16}\.seg\.[0-9a-f]{8}\.tmp$/.test(String(path))
fsp.open = (async (path: string, flags?: string, mode?: number) => {
  const handle = await realOpen(path, flags, mode)
  if (stage === 'write' && isSegmentTemp(path))
    handle.writeFile = async (data: unknown) => {
      const bytes = data as Uint8Array
      await handle.write(bytes.subarray(0, bytes.length >> 1))
      await handle.sync()
      emit(`at write ${basename(path)}`)
      return never()
    }
  return handle
}) as typeof fsp.open
fsp.rename = async (from, to) => {
  if (stage === 'rename' && isSegmentTemp(from)) {
    emit(`at rename ${basename(String(from))}`)
    return never()
  }
  return realRename(from, to)
}
syncBuiltinESMExports()

async function main(): Promise<void> {
  const opened = await openStore(dir, INDEX_OPTIONS.fields, key)
  if (!opened.ok) throw new Error(opened.reason)
  const { index } = opened
  for (let i = 0; i < 500; i++)
    index.add([
      {
        id: `k${String(i).padStart(5, '0')}`,
        title: `Killed mid-write ${i}`,
        text: `Never saved: a segment cut short ${i}.`,
        note: '',
        tags: '',
        source: '',
      },
    ])
  await saveStore(dir, index, key)
  emit('saved')
}

main().catch((err: unknown) => {
  emit(`fail ${String(err)}`)
  process.exit(1)
})
