// Builds the bench (bench/*.ts and the src/ code it measures) into bench/results/dist/ for Node, like
// vite.cli.config.ts builds the CLI; every package stays in node_modules. The job processes (the search index
// builder and the exporter) are built beside it, as the CLI has them, so the bench builds its index and
// exports as `glossa serve` does.
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const benchDir = dirname(fileURLToPath(import.meta.url))
const root = resolve(benchDir, '..')

const entries = ['probe', 'run', 'open-child', 'holder', 'export-child', 'baseline-child', 'ui']
// PDF reports (#15): bench/pdf.ts's measures alone, and the child reading a large PDF.
entries.push('pdf-run', 'pdf-read-child')
// Team sync (#17): bench/sync-measure.ts's measures alone.
entries.push('sync-run')
// The growth ladder (#19): bench/growth.ts and its child.
entries.push('growth', 'growth-child')
// The export process's memory at 10,000 and 100,000 articles (#19): bench/export-memory.ts.
entries.push('export-memory')
// The figures index built in the holding process against in a job process (#19): bench/figures-build.ts.
entries.push('figures-build')

export default defineConfig({
  root,
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: join(benchDir, 'results', 'dist'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      input: {
        ...Object.fromEntries(entries.map((name) => [name, join(benchDir, `${name}.ts`)])),
        'search-worker': join(root, 'src', 'main', 'search', 'build-worker.ts'),
        'export-worker': join(root, 'src', 'main', 'export', 'worker.ts'),
        'parse-worker': join(root, 'src', 'main', 'jobs', 'parse-worker.ts'),
      },
      // Packages (and node: built-ins) load from node_modules at run time, as in the CLI build.
      external: (id) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0'),
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
})
