// Scripts: prints every period miss of a labelled set with its sentence, the phrase the rules read and a cause
// guessed from where that phrase stands (own sentence, earlier sentence, another paragraph). Usage:
//   npx jiti test/figures/period-misses.ts figures-holdout-5 [en fr …]
import { existsSync } from 'node:fs'
import { lexiconFor, suggestPeriod } from '../../src/shared/figures/index'
import { sentenceAt, splitSentences } from '../../src/shared/figures/sentences'
import { loadArticles } from './score'

const args = process.argv.slice(2)
const [set = 'figures', ...rest] = args
const langs = rest.length > 0 ? rest : ['en', 'fr', 'es', 'de', 'uk', 'ru']
const fmt = (p: { start: string; end: string } | null | undefined): string =>
  p ? `${p.start}..${p.end}` : '-'
for (const lang of langs) {
  if (!existsSync(new URL(`../fixtures/${set}/${lang}/`, import.meta.url))) continue
  for (const a of loadArticles(lang, set)) {
    const sentences = splitSentences(a.text)
    for (const l of a.labels) {
      if (l.period === undefined) continue
      const got = suggestPeriod({
        text: a.text,
        start: l.start,
        end: l.end,
        articleDate: a.date,
        lex: lexiconFor(lang),
      })
      const want = l.period
      const right =
        want === null
          ? got === undefined
          : got !== undefined && got.start === want.start && got.end === want.end
      if (right) continue
      const at = sentenceAt(sentences, l.start)
      const s = sentences[at]
      const own = a.text.slice(s.start, s.end)
      const where = got === undefined ? 'none' : own.includes(got.text) ? 'own' : 'carried'
      const marked = (
        own.slice(0, l.start - s.start) +
        '⟦' +
        l.text +
        '⟧' +
        own.slice(l.end - s.start)
      ).replace(/\s+/g, ' ')
      console.log(
        JSON.stringify({
          set,
          lang,
          art: a.name,
          date: a.date,
          fig: l.text,
          got: fmt(got),
          want: fmt(want),
          phrase: got?.text ?? '',
          where,
          para: s.paragraph,
          sentence: marked,
        }),
      )
    }
  }
}
