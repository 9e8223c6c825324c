// Child process (Node, bundled by bundle-child.ts): changes catalog entries and writes the library's head, rows
// cache (catalog-rows.ts) and sort orders (catalog-orders.ts, kept by a library as the app keeps them) after each,
// until it is killed — so a kill lands in a write as well as between them. Usage: node child.mjs <archiveDir>
// <keyFile> <seed>
//
// Protocol on stdout, written synchronously so a line the parent reads was really emitted before the kill:
//   ready           the archive is open
//   put <id> <title> before a change; `ack <id>` once it is on disk
//   flushed         the head, rows cache and sort orders written for the catalog as it is now
import { writeSync } from 'node:fs'
import { Archive } from '../../src/main/archive/archive'
import { LibraryPages } from '../../src/main/archive/library-pages'
import { createRng } from '../prng'

const [dir, key, seedArg] = process.argv.slice(2)
const rng = createRng(Number(seedArg))
const emit = (line: string) => writeSync(1, `${line}\n`)
setTimeout(() => process.exit(2), 30_000)

async function main(): Promise<void> {
  const archive = await Archive.open(dir, { trustKeyFile: key })
  // The library's orders, from disk when they match or worked out, then kept in step with each change and saved.
  await new LibraryPages(archive.catalog).warm()
  emit('ready')
  for (let n = 0; ; n++) {
    const ids = archive.list().map((m) => m.id)
    const meta = archive.meta(rng.pick(ids))
    const title = `${rng.pick(['Retitled', 'Ärger', 'zeal', '0 '])} ${n} ${rng.int(0, 1e9)}`
    emit(`put ${meta.id} ${title}`)
    await archive.catalog.put({ ...meta, title, source: `Source ${rng.int(0, 60)}`, tags: [`t${n % 5}`] })
    emit(`ack ${meta.id}`)
    await archive.flush()
    emit('flushed')
  }
}

main().catch((err: unknown) => {
  emit(`fail ${String(err)}`)
  process.exit(3)
})
