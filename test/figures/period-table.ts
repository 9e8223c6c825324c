// Scripts: period accuracy (share of labels exactly right) for every labelled set 1–6 and language, on the
// rules of this work tree, and every miss as one JSON line (for sorting by cause). Usage:
//   npx jiti test/figures/period-table.ts [misses.jsonl]
import { existsSync, writeFileSync } from 'node:fs'
import { lexiconFor, suggestPeriod } from '../../src/shared/figures/index'
import { sentenceAt, splitSentences } from '../../src/shared/figures/sentences'
import { loadArticles } from './score'

const SETS = [
  'figures',
  'figures-holdout',
  'figures-holdout-2',
  'figures-holdout-3',
  'figures-holdout-4',
  'figures-holdout-5',
  'figures-holdout-6',
]
const LANGS = ['en', 'fr', 'es', 'de', 'uk', 'ru']
const out = process.argv[2]
const lines: string[] = []
const fmt = (p: { start: string; end: string } | null | undefined): string =>
  p ? `${p.start}..${p.end}` : '-'
const rows: string[] = [`set\t${LANGS.join('\t')}`]
for (const set of SETS) {
  const cells: string[] = []
  for (const lang of LANGS) {
    if (!existsSync(new URL(`../fixtures/${set}/${lang}/`, import.meta.url))) {
      cells.push('')
      continue
    }
    let n = 0
    let right = 0
    for (const a of loadArticles(lang, set)) {
      const sentences = splitSentences(a.text)
      for (const l of a.labels) {
        if (l.period === undefined) continue
        n++
        const got = suggestPeriod({
          text: a.text,
          start: l.start,
          end: l.end,
          articleDate: a.date,
          lex: lexiconFor(lang),
        })
        const want = l.period
        const ok =
          want === null
            ? got === undefined
            : got !== undefined && got.start === want.start && got.end === want.end
        if (ok) right++
        if (ok && !process.env.ALL) continue
        const s = sentences[sentenceAt(sentences, l.start)]
        const own = a.text.slice(s.start, s.end)
        const marked = (
          own.slice(0, l.start - s.start) +
          '⟦' +
          l.text +
          '⟧' +
          own.slice(l.end - s.start)
        ).replace(/\s+/g, ' ')
        lines.push(
          JSON.stringify({
            ok,
            set,
            lang,
            art: a.name,
            date: a.date,
            fig: l.text,
            got: fmt(got),
            want: fmt(want),
            phrase: got?.text ?? '',
            where: got === undefined ? 'none' : own.includes(got.text) ? 'own' : 'carried',
            para: s.paragraph,
            sentence: marked,
          }),
        )
      }
    }
    cells.push(`${(right / n).toFixed(3)} (${right}/${n})`)
  }
  rows.push(`${set}\t${cells.join('\t')}`)
}
console.log(rows.join('\n'))
if (out) writeFileSync(out, lines.join('\n') + '\n')
