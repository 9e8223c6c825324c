// Scripts: every period miss of the named sets sorted by CAUSE, read from where the labelled period could have
// come from (conventions v2): the figure's own sentence has a phrase that gives it (the scope picked another or
// none), an earlier sentence of its paragraph has it (the carry), a phrase there gives nearly it (the
// arithmetic of a found phrase), the release's lead has it (the reference period), or no phrase of ours reads
// it (a missed phrase kind); a period read where the label has none was taken in the sentence or carried.
// Usage: npx jiti test/figures/period-causes.ts [SET …] [--list]  (only sets 1–10 by name)
import { lexiconFor } from '../../src/shared/figures/index'
import { parseISO, toISO } from '../../src/shared/figures/dates'
import { sentencePhrases } from '../../src/shared/figures/period-find'
import { releaseLead } from '../../src/shared/figures/period-context'
import { sentenceAt, splitSentences } from '../../src/shared/figures/sentences'
import { hasSet, periodChecks } from './period-check'
import { READ_SETS } from './score'

const KNOWN = READ_SETS
const args = process.argv.slice(2)
const list = args.includes('--list')
const sets = args.filter((a) => !a.startsWith('--'))
for (const set of sets) if (!KNOWN.includes(set)) throw new Error(`not a set this script reads: ${set}`)
const LANGS = ['en', 'fr', 'es', 'de', 'uk', 'ru']

export type Cause =
  | 'scope: wrong phrase in sentence'
  | 'scope: own phrase not reached'
  | 'carry: missed'
  | 'carry: wrong'
  | 'carried where none'
  | 'taken in sentence where none'
  | 'arithmetic of a found phrase'
  | 'reference period'
  | 'cross-paragraph'
  | 'missed phrase kind'
  | 'title'
  | 'Q&A'
  | 'list item'
  | 'said or filed date'

/** A paragraph of a Q&A interview: a question or an answer. */
const QA =
  /^(?:[PQRAВО][.:]|(?:Pregunta|Respuesta|Question|Réponse|Answer|Frage|Antwort|Вопрос|Ответ|Питання|Відповідь)\s*:)\s|^[—–]\s?\S|\?["»”]?$/u
/** A reporting verb: the day a sentence names may be when it was said or filed. */
const SAID =
  /(?<!\p{L})(?:said|announced|told|reported|published|a\s+(?:annoncé|indiqué|déclaré|publié)|informó|anunció|publicó|sagte|teilte|meldete|veröffentlichte|повідомил\p{L}*|заявил\p{L}*|оприлюднил\p{L}*|сообщил\p{L}*|объявил\p{L}*|опубликовал\p{L}*)(?!\p{L})/iu

const span = (p: { from: { year: number; month: number; day: number }; to: typeof p.from }): string =>
  `${toISO(p.from)}..${toISO(p.to)}`

const table = new Map<string, number>()
for (const set of sets.length > 0 ? sets : ['figures-holdout-7', 'figures-holdout-8']) {
  for (const lang of LANGS) {
    if (!hasSet(set, lang)) continue
    const lex = lexiconFor(lang)
    for (const { article, label, got, ok } of periodChecks(set, lang)) {
      if (ok) continue
      const ref = parseISO(article.date)
      const sentences = splitSentences(article.text)
      const at = sentenceAt(sentences, label.start)
      const s = sentences[at]
      const phrases = (i: number) =>
        sentencePhrases(article.text, sentences[i], lex, ref).periods.map((p) => ({
          ...p,
          span: span(p),
          sentence: i,
        }))
      const own = phrases(at)
      const ownText = article.text.slice(s.start, s.end)
      const earlier = sentences
        .map((x, i) => ({ x, i }))
        .filter(({ x, i }) => x.paragraph === s.paragraph && i < at)
        .flatMap(({ i }) => phrases(i))
      const lead = releaseLead(article.text, sentences) ?? []
      const all = sentences.flatMap((_, i) => (i === at ? [] : phrases(i)))
      const want = label.period ? `${label.period.start}..${label.period.end}` : undefined
      const gotOwn = got !== undefined && ownText.includes(got.text)
      let cause: Cause
      const para = article.text
        .slice(
          sentences.find((x) => x.paragraph === s.paragraph)?.start ?? s.start,
          [...sentences].reverse().find((x) => x.paragraph === s.paragraph)?.end ?? s.end,
        )
        .trim()
      // where the structure decides, before what the phrases say (round 12)
      if (s.paragraph === 0) cause = 'title'
      else if (QA.test(para)) cause = 'Q&A'
      else if (/^(?:\d{1,2}[.)]|[-•–—])\s/.test(ownText.trim())) cause = 'list item'
      else if (
        got !== undefined &&
        got.start === got.end &&
        SAID.test(ownText) &&
        want !== `${got.start}..${got.end}`
      )
        cause = 'said or filed date'
      else if (want === undefined) cause = gotOwn ? 'taken in sentence where none' : 'carried where none'
      else if (own.some((p) => p.span === want))
        cause = gotOwn ? 'scope: wrong phrase in sentence' : 'scope: own phrase not reached'
      else if (earlier.some((p) => p.span === want)) cause = got ? 'carry: wrong' : 'carry: missed'
      else if (
        own.some((p) => p.span.slice(0, 10) === want.slice(0, 10) || p.span.slice(12) === want.slice(12)) ||
        (gotOwn && got !== undefined && (got.start === want.slice(0, 10) || got.end === want.slice(12)))
      )
        cause = 'arithmetic of a found phrase'
      else if (all.some((p) => p.span === want && lead.includes(p.sentence))) cause = 'reference period'
      else if (all.some((p) => p.span === want)) cause = 'cross-paragraph'
      else cause = 'missed phrase kind'
      const key = `${set}\t${lang}\t${cause}`
      table.set(key, (table.get(key) ?? 0) + 1)
      if (list) {
        const marked = (
          ownText.slice(0, label.start - s.start) +
          '⟦' +
          label.text +
          '⟧' +
          ownText.slice(label.end - s.start)
        ).replace(/\s+/g, ' ')
        console.log(
          JSON.stringify({
            set,
            lang,
            art: article.name,
            cause,
            want: want ?? '-',
            got: got ? `${got.start}..${got.end} (${got.text})` : '-',
            own: own.map((p) => `${p.text}=${p.span}`),
            sentence: marked,
          }),
        )
      }
    }
  }
}
if (!list) {
  const causes = [...new Set([...table.keys()].map((k) => k.split('\t')[2]))].sort()
  const rows = [...new Set([...table.keys()].map((k) => k.split('\t').slice(0, 2).join('\t')))]
  console.log(['cause', ...rows.map((r) => r.replace('figures-holdout-', 's').replace('\t', ' '))].join('\t'))
  for (const c of causes)
    console.log([c, ...rows.map((r) => String(table.get(`${r}\t${c}`) ?? 0))].join('\t'))
}
