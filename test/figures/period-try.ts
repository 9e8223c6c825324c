// Scripts: the period the prefill reads for the figure marked ⟦…⟧ in a text given on the command line (a quick
// check while building a rule). Usage: npx jiti test/figures/period-try.ts LANG DATE "text with ⟦figure⟧" …
import { lexiconFor, suggestPeriod } from '../../src/shared/figures/index'

const [lang, date, ...texts] = process.argv.slice(2)
for (const marked of texts) {
  const start = marked.indexOf('⟦')
  const end = marked.indexOf('⟧') - 1
  const text = marked.replace('⟦', '').replace('⟧', '')
  const got = suggestPeriod({ text, start, end, articleDate: date, lex: lexiconFor(lang) })
  console.log(got ? `${got.start}..${got.end} (${got.text})` : '-', '|', marked)
}
