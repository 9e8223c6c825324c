// Builds the bench (bench/*.ts and the src/ code it measures) into bench/results/dist/ for Node, like
// vite.cli.config.ts builds the CLI; every package stays in node_modules.
// Modules still being written (src/main/search) resolve to bench/missing-module.ts until they exist, so
// those measures report "not measured: module missing" and everything else still runs.
import { existsSync } from 'node:fs'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import type { Plugin } from 'vite'

const benchDir = dirname(fileURLToPath(import.meta.url))
const root = resolve(benchDir, '..')
const OPTIONAL = [join(root, 'src', 'main', 'search')]

function optionalModules(): Plugin {
  return {
    name: 'glossa-bench-optional-modules',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.')) return null
      const target = resolve(dirname(importer), source)
      if (!OPTIONAL.includes(target)) return null
      const present =
        ['index.ts', 'index.tsx'].some((f) => existsSync(join(target, f))) || existsSync(`${target}.ts`)
      return present ? null : join(benchDir, 'missing-module.ts')
    },
  }
}

const entries = ['run', 'open-child', 'holder', 'export-child', 'baseline-child', 'ui']

export default defineConfig({
  root,
  logLevel: 'warn',
  plugins: [optionalModules()],
  build: {
    ssr: true,
    outDir: join(benchDir, 'results', 'dist'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      input: Object.fromEntries(entries.map((name) => [name, join(benchDir, `${name}.ts`)])),
      // Packages (and node: built-ins) load from node_modules at run time, as in the CLI build.
      external: (id) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0'),
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
})
