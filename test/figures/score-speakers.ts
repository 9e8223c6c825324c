// Scripts: speaker accuracy of the work tree's rules on every readable labelled set, one table (set × language),
// and with --debug every miss. The tenth held-out set (being written) is never read. Usage:
//   npx jiti test/figures/score-speakers.ts [--debug] [set …]
import { existsSync } from 'node:fs'
import { prefillFigure } from '../../src/shared/figures/index'
import { loadArticles, READ_SETS, score } from './score'

const SETS = READ_SETS
const LANGS = ['en', 'fr', 'es', 'de', 'uk', 'ru']
const args = process.argv.slice(2)
const debug = args.includes('--debug')
const asked = args.filter((a) => !a.startsWith('--'))
const sets = asked.filter((a) => SETS.includes(a))
const langs = asked.filter((a) => LANGS.includes(a))
const rows: string[] = [`set                 ${LANGS.map((l) => l.padStart(12)).join('')}`]
const totals = new Map<string, [number, number]>()
for (const set of sets.length > 0 ? sets : SETS) {
  let row = set.padEnd(20)
  for (const lang of LANGS) {
    if (
      (langs.length > 0 && !langs.includes(lang)) ||
      !existsSync(new URL(`../fixtures/${set}/${lang}/`, import.meta.url))
    ) {
      row += ''.padStart(12)
      continue
    }
    const s = score(loadArticles(lang, set), {
      detect: () => [],
      speaker: (a) => prefillFigure(a).attributedTo,
    })
    const t = totals.get(lang) ?? [0, 0]
    totals.set(lang, [t[0] + s.speakerRight, t[1] + s.speakerLabels])
    row +=
      `${(s.speakerRight / Math.max(1, s.speakerLabels)).toFixed(3)} ${String(s.speakerLabels).padStart(4)}`.padStart(
        12,
      )
    if (debug)
      for (const line of s.misses.filter((m) => m.includes(' SPEAKER ')))
        console.log(`${set}/${lang}/${line}`)
  }
  rows.push(row)
}
let all = 'all'.padEnd(20)
for (const lang of LANGS) {
  const t = totals.get(lang)
  all += (t ? `${(t[0] / Math.max(1, t[1])).toFixed(3)} ${String(t[1]).padStart(4)}` : '').padStart(12)
}
rows.push(all)
console.log(rows.join('\n'))
