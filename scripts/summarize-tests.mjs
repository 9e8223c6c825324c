// Sums the Vitest and Playwright JSON reports into one closing line: "N passed, N failed, N skipped".
// A suite that left no report (typecheck or lint stopped the run) counts as one failure.
import { existsSync, readFileSync } from 'node:fs'

const status = Number(process.argv[2] ?? 0)
let passed = 0
let failed = 0
let skipped = 0
const missing = []

function read(file) {
  if (!existsSync(file)) {
    missing.push(file)
    return null
  }
  return JSON.parse(readFileSync(file, 'utf8'))
}

const unit = read('reports/vitest.json')
if (unit) {
  passed += unit.numPassedTests
  failed += unit.numFailedTests
  skipped += unit.numPendingTests + (unit.numTodoTests ?? 0)
}
const e2e = read('reports/playwright.json')
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky
  failed += e2e.stats.unexpected
  skipped += e2e.stats.skipped
}
if (status !== 0 && failed === 0) failed = 1
for (const file of missing) console.log(`(no ${file}: that suite did not run)`)
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
