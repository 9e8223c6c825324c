// Builds the `glossa` command (src/cli) to out/cli/index.js for Node; dependencies stay in node_modules.
import { builtinModules } from 'node:module'
import { readFileSync } from 'node:fs'
import { defineConfig } from 'vite'

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }
const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies),
]

export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rolldownOptions: {
      // Index builds, exports and page parsing run in processes of their own, started by `glossa serve`.
      input: {
        index: 'src/cli/index.ts',
        'search-worker': 'src/main/search/build-worker.ts',
        'export-worker': 'src/main/export/worker.ts',
        'parse-worker': 'src/main/jobs/parse-worker.ts',
        'sync-worker': 'src/main/sync/sync-worker.ts',
      },
      external,
      // Shared chunks beside the entries: paths.ts finds the renderer relative to the file it is bundled into.
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: '[name]-[hash].js',
        banner: '#!/usr/bin/env node',
      },
    },
  },
})
