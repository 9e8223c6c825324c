// Builds the `glossa` command (src/cli) to out/cli/index.js for Node; dependencies stay in node_modules.
import { builtinModules } from 'node:module'
import { readFileSync } from 'node:fs'
import { defineConfig } from 'vite'

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }
const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies),
  /^lowdb\//,
]

export default defineConfig({
  build: {
    ssr: 'src/cli/index.ts',
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rolldownOptions: {
      external,
      output: { format: 'es', entryFileNames: 'index.js', banner: '#!/usr/bin/env node' },
    },
  },
})
