// Scripts: prints every period miss of a labelled set with its sentence, the phrase the rules read and a cause
// guessed from where that phrase stands (own sentence, earlier sentence, another paragraph). Usage:
//   npx jiti test/figures/period-misses.ts figures-holdout-5 [en fr …]
import { hasSet, periodChecks, periodRecord } from './period-check'

const args = process.argv.slice(2)
const [set = 'figures', ...rest] = args
const langs = rest.length > 0 ? rest : ['en', 'fr', 'es', 'de', 'uk', 'ru']
for (const lang of langs) {
  if (!hasSet(set, lang)) continue
  for (const check of periodChecks(set, lang)) {
    if (!check.ok) console.log(JSON.stringify(periodRecord(set, lang, check)))
  }
}
