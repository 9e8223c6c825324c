// `npm run dist`: the built extension (out/extension/) as dist/glossa-extension-<version>.zip, the form both
// the Chrome Web Store and addons.mozilla.org take. fflate: pure JavaScript, no zip program needed.
import { readdir, readFile, mkdir, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { zipSync } from 'fflate'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const built = join(root, 'out', 'extension')

async function files(dir) {
  const entries = await readdir(dir, { withFileTypes: true })
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)])),
  )
  return nested.flat()
}

const manifest = JSON.parse(await readFile(join(built, 'manifest.json'), 'utf8'))
const entries = {}
for (const file of (await files(built)).sort())
  // A fixed date: the same build gives the same zip.
  entries[relative(built, file).split('\\').join('/')] = [
    await readFile(file),
    { mtime: new Date('2025-01-01T00:00:00Z') },
  ]
await mkdir(join(root, 'dist'), { recursive: true })
const target = join(root, 'dist', `glossa-extension-${manifest.version}.zip`)
await writeFile(target, zipSync(entries, { level: 9 }))
console.log(`Browser extension zipped to ${relative(root, target)}`)
