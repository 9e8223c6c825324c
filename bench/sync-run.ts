// Bench (Node): `node bench/results/dist/sync-run.js [--articles N] [--runs N] [--json]` after `npm run build` and
// `npm run bench` (or its vite build) have built it: the team sync measures of bench/sync-measure.ts alone
// (`npm run bench` runs them after the archive's, with the run's size).
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { renderRows } from './report'
import { projectRoot } from './sizes'
import { measureSync, syncRows } from './sync-measure'

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
  },
})

measureSync({
  articles: Number(values.articles),
  runs: Math.max(1, Number(values.runs)),
  worker: join(projectRoot, 'out', 'cli', 'sync-worker.js'),
  log: (line) => process.stderr.write(`${line}\n`),
}).then(
  (r) => console.log(values.json ? JSON.stringify(r, null, 2) : renderRows(syncRows(r))),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err))
    process.exitCode = 1
  },
)
