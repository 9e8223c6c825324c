import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { METHOD_NAMES } from './src/shared/contract'

// The dev server injects CSS as <style> elements; only there does the CSP allow inline styles.
const devStyles: Plugin = {
  name: 'glossa-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
}

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          // Index builds, exports, page parsing and sync, each a utilityProcess (src/main/jobs/job-process.ts).
          'search-worker': resolve('src/main/search/build-worker.ts'),
          'export-worker': resolve('src/main/export/worker.ts'),
          'parse-worker': resolve('src/main/jobs/parse-worker.ts'),
          // One sync with a team database (src/main/sync/), then it exits.
          'sync-worker': resolve('src/main/sync/sync-worker.ts'),
        },
      },
    },
  },
  preload: {
    // The method names as a literal: the preload does not import contract.ts, so zod stays out of it.
    define: { __GLOSSA_METHOD_NAMES__: JSON.stringify(METHOD_NAMES) },
    build: {
      // Bundled into one CommonJS file: a sandboxed preload cannot load ES modules or node_modules.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      // Minified: the library's first rows wait for this code to load.
      minify: true,
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [react(), devStyles],
  },
})
