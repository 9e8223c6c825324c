// Build step: the browser extension (extension/, plain JavaScript, no bundling) copied to out/extension/ with
// the app's version and the app's icon scaled to the sizes the manifest names. One build for Chromium and
// Firefox: load out/extension/ unpacked in either; `npm run dist` zips it. Its one dependency, the ristretto255
// group from @noble/curves that pairing runs CPace in, is bundled into noble.js (readable, not minified), since
// a browser cannot resolve a package name.
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pngjs from 'pngjs'
import { build } from 'vite'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
// `--out DIR` builds elsewhere (the lint test builds into a temporary folder).
const outFlag = process.argv.indexOf('--out')
const out = outFlag > 0 ? process.argv[outFlag + 1] : join(root, 'out', 'extension')
const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'))
/** The icon sizes the manifest may name (toolbar 16/32, extensions page 48, stores 128). */
const ICON_SIZES = [16, 32, 48, 128]

/** An RGBA image scaled down by averaging each target pixel's area, weighted by alpha (no dark fringes). */
function scaleDown(src, size) {
  const dst = new pngjs.PNG({ width: size, height: size })
  const sx = src.width / size
  const sy = src.height / size
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0,
        n = 0
      for (let j = Math.floor(y * sy); j < Math.ceil((y + 1) * sy); j++)
        for (let i = Math.floor(x * sx); i < Math.ceil((x + 1) * sx); i++) {
          const k = (j * src.width + i) * 4
          const alpha = src.data[k + 3]
          r += src.data[k] * alpha
          g += src.data[k + 1] * alpha
          b += src.data[k + 2] * alpha
          a += alpha
          n++
        }
      const o = (y * size + x) * 4
      dst.data[o] = a ? Math.round(r / a) : 0
      dst.data[o + 1] = a ? Math.round(g / a) : 0
      dst.data[o + 2] = a ? Math.round(b / a) : 0
      dst.data[o + 3] = Math.round(a / n)
    }
  return dst
}

await rm(out, { recursive: true, force: true })
await mkdir(out, { recursive: true })
// The .d.ts beside a module types it for the tests; the browser has no use for it.
await cp(join(root, 'extension'), out, { recursive: true, filter: (src) => !src.endsWith('.d.ts') })
// extension/noble.js re-exports from the package, which Node resolves; the browser gets it as one module.
const noble = JSON.parse(await readFile(join(root, 'node_modules/@noble/curves/package.json'), 'utf8'))
await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    outDir: out,
    emptyOutDir: false,
    minify: false,
    target: 'es2022',
    lib: { entry: join(root, 'extension', 'noble.js'), formats: ['es'], fileName: () => 'noble.js' },
    rolldownOptions: {
      output: {
        banner: `// @noble/curves ${noble.version} (MIT licence, Paul Miller), ristretto255 only: built from extension/noble.js.`,
      },
    },
  },
})
const icon = pngjs.PNG.sync.read(await readFile(join(root, 'resources', 'icon.png')))
for (const size of ICON_SIZES)
  await writeFile(join(out, `icon-${size}.png`), pngjs.PNG.sync.write(scaleDown(icon, size)))
const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'))
manifest.version = version
await writeFile(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
console.log(`Browser extension ${version} built in ${out}`)
