// Scripts: period accuracy (share of labels exactly right) for every labelled set read (READ_SETS in score.ts) and language (the sets are named: an unlisted folder is never read), on the
// rules of this work tree, and every miss as one JSON line (for sorting by cause). Usage:
//   npx jiti test/figures/period-table.ts [misses.jsonl]
import { writeFileSync } from 'node:fs'
import { hasSet, periodChecks, periodRecord } from './period-check'
import { READ_SETS } from './score'

const SETS = READ_SETS
const LANGS = ['en', 'fr', 'es', 'de', 'uk', 'ru']
const out = process.argv[2]
const lines: string[] = []
const rows: string[] = [`set\t${LANGS.join('\t')}`]
for (const set of SETS) {
  const cells: string[] = []
  for (const lang of LANGS) {
    if (!hasSet(set, lang)) {
      cells.push('')
      continue
    }
    let n = 0
    let right = 0
    for (const check of periodChecks(set, lang)) {
      n++
      if (check.ok) right++
      if (check.ok && !process.env.ALL) continue
      lines.push(JSON.stringify({ ok: check.ok, ...periodRecord(set, lang, check) }))
    }
    cells.push(`${(right / n).toFixed(3)} (${right}/${n})`)
  }
  rows.push(`${set}\t${cells.join('\t')}`)
}
console.log(rows.join('\n'))
if (out) writeFileSync(out, lines.join('\n') + '\n')
