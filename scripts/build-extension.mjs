// Build step: the browser extension (extension/, plain JavaScript, no bundling) copied to out/extension/ with
// the app's icon and version. Load out/extension/ unpacked in Chromium or Firefox; `npm run dist` zips it.
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'out', 'extension')
const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'))

await rm(out, { recursive: true, force: true })
await mkdir(out, { recursive: true })
await cp(join(root, 'extension'), out, { recursive: true })
await cp(join(root, 'resources', 'icon.png'), join(out, 'icon.png'))
const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'))
manifest.version = version
await writeFile(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
console.log(`Browser extension ${version} built in ${out}`)
