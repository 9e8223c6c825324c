// Bench (Node + Chromium): `node bench/results/dist/pdf-run.js [--json]` after `npm run bench` has built it: the
// PDF measures of bench/pdf.ts alone (`npm run bench` runs them after the archive's).
import { measurePdf, pdfRows } from './pdf'
import { renderRows } from './report'

measurePdf((line) => process.stderr.write(`${line}\n`)).then(
  (r) => console.log(process.argv.includes('--json') ? JSON.stringify(r, null, 2) : renderRows(pdfRows(r))),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err))
    process.exitCode = 1
  },
)
