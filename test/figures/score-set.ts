// Scripts: scores one labelled set (test/fixtures/<set>/<lang>/) on the figure rules of this work tree and
// prints one line per language (and every disagreement with --debug). Usage:
//   npx jiti test/figures/score-set.ts figures-holdout-4 [en fr …] [--debug]
import { existsSync } from 'node:fs'
import { detectFigures, lexiconFor, prefillFigure } from '../../src/shared/figures/index'
import { formatScore, loadArticles, score } from './score'

const args = process.argv.slice(2)
const debug = args.includes('--debug')
const [set = 'figures', ...rest] = args.filter((a) => a !== '--debug')
const langs = rest.length > 0 ? rest : ['en', 'fr', 'es', 'de', 'uk', 'ru']
for (const lang of langs) {
  if (!existsSync(new URL(`../fixtures/${set}/${lang}/`, import.meta.url))) continue
  const s = score(loadArticles(lang, set), {
    detect: (text) => detectFigures(text, lexiconFor(lang)),
    period: (a) => prefillFigure(a).period,
    speaker: (a) => prefillFigure(a).attributedTo,
  })
  console.log(formatScore(s))
  if (debug) for (const line of s.misses) console.log(`  ${line}`)
}
