// Scripts: every speaker miss of a set with its sentence, for sorting misses by cause. The ninth held-out
// set (being written) is never read. Usage: npx jiti test/figures/speaker-misses.ts SET [lang …]
import { prefillFigure } from '../../src/shared/figures/index'
import { splitSentences, sentenceAt } from '../../src/shared/figures/sentences'
import { loadArticles } from './score'

const norm = (s: string): string =>
  s
    .toLowerCase()
    .replace(/^(the|la|le|les|el|los|die|der|das)\s+/, '')
    .trim()
const same = (label: string | null, got: string | undefined): boolean =>
  label === null ? got === undefined : got !== undefined && norm(label) === norm(got)

const [set, ...asked] = process.argv.slice(2)
if (!set || set.includes('holdout-9')) throw new Error('usage: speaker-misses.ts SET [lang …]')
const langs = asked.length > 0 ? asked : ['en', 'fr', 'es', 'de', 'uk', 'ru']
for (const lang of langs) {
  for (const a of loadArticles(lang, set)) {
    const sentences = splitSentences(a.text)
    for (const l of a.labels) {
      if (l.attributedTo === undefined) continue
      const got = prefillFigure({
        text: a.text,
        start: l.start,
        end: l.end,
        lang,
        articleDate: a.date,
      }).attributedTo
      if (same(l.attributedTo, got)) continue
      const s = sentences[sentenceAt(sentences, l.start)]
      console.log(
        `${lang}/${a.name} ${JSON.stringify(l.text)}: ${got ?? '-'} ≠ ${l.attributedTo ?? '-'}\n    ¶${s.paragraph} ${a.text.slice(s.start, s.end).replace(/\n/g, ' ')}`,
      )
    }
  }
}
