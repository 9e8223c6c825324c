// Scripts: every speaker miss of a set with its sentence, for sorting misses by cause. The held-out
// set (being written) is never read. Usage: npx jiti test/figures/speaker-misses.ts SET [lang …]
import { splitSentences, sentenceAt } from '../../src/shared/figures/sentences'
import { HELD_OUT_SET, loadArticles } from './score'
import { speakerMisses } from './speaker-miss-list'

const [set, ...asked] = process.argv.slice(2)
if (!set || set === HELD_OUT_SET) throw new Error('usage: speaker-misses.ts SET [lang …]')
const langs = asked.length > 0 ? asked : ['en', 'fr', 'es', 'de', 'uk', 'ru']
for (const lang of langs) {
  const sentencesOf = new Map<string, ReturnType<typeof splitSentences>>()
  for (const { article: a, label: l, got } of speakerMisses(lang, loadArticles(lang, set))) {
    const sentences = sentencesOf.get(a.name) ?? splitSentences(a.text)
    sentencesOf.set(a.name, sentences)
    const s = sentences[sentenceAt(sentences, l.start)]
    console.log(
      `${lang}/${a.name} ${JSON.stringify(l.text)}: ${got ?? '-'} ≠ ${l.attributedTo ?? '-'}\n    ¶${s.paragraph} ${a.text.slice(s.start, s.end).replace(/\n/g, ' ')}`,
    )
  }
}
