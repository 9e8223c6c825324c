// Bench (Node), run by hand: `npm run bench:recognizers [-- --lang en,fr] [--fallback] [--misses N]` (that is
// `jiti bench/figures-recognizers.ts`: jiti runs the TypeScript as is; it comes with vite and eslint).
// Scores Microsoft Recognizers-Text against Glossa's figure rules on the labelled sets (issue #13), with the
// scorer the tests use, and prints one Markdown table. About 3 minutes of CPU: Recognizers is slow.
// --fallback also scores the languages Recognizers has no models for, on the English models it falls back to.
// --misses N lists the first N extras (false positives) of each Recognizers row on stderr.
import { parseArgs } from 'node:util'
import { detectFigures, lexiconFor } from '../src/shared/figures'
import { loadArticles, score } from '../test/figures/score'
import type { Label, Predicted, Score } from '../test/figures/score'
import type { Choose } from './recognizers-detect'
import { CULTURES, hybridFigures, recognizersFigures, supportsCulture } from './recognizers-detect'

const { values } = parseArgs({
  options: {
    lang: { type: 'string' },
    fallback: { type: 'boolean', default: false },
    misses: { type: 'string', default: '0' },
  },
})

const SETS = { dev: 'figures', holdout: 'figures-holdout' } as const
const log = (line: string) => process.stderr.write(`${line}\n`)

type Row = { lang: string; set: string; detector: string; s: Score; ms: number; note?: string }

/**
 * Scores `detect` on the set, timing each call (the scorer calls it once per article) in CPU time, which a
 * loaded machine inflates less than wall time. `detect` also gets the article's labels, for the ceiling.
 */
function measure(
  lang: string,
  set: keyof typeof SETS,
  detect: (text: string, labels: Label[]) => Predicted[],
) {
  const articles = loadArticles(lang, SETS[set])
  const labelsOf = new Map(articles.map((a) => [a.text, a.labels]))
  let cpu = 0
  const s = score(articles, {
    detect: (text) => {
      const t0 = process.cpuUsage()
      const found = detect(text, labelsOf.get(text) ?? [])
      const used = process.cpuUsage(t0)
      cpu += (used.user + used.system) / 1000
      return found
    },
  })
  return { s, ms: cpu / articles.length }
}

/** For the ceiling: Recognizers' value only where a label on the span has it and ours is not that label's. */
const oracle =
  (labels: Label[]): Choose =>
  (figure, recognized) => {
    const on = labels.filter((l) => l.start < figure.end && figure.start < l.end).map((l) => l.value)
    return on.includes(recognized) && !on.includes(figure.value) ? recognized : figure.value
  }

const r3 = (x: number) => x.toFixed(3)
const extras = (s: Score) => s.misses.filter((m) => m.includes(' EXTRA '))
const YEAR = /EXTRA "(1[89]\d\d|20\d\d)" =/

function main(): void {
  const rows: Row[] = []
  const supported = Object.keys(CULTURES).filter((lang) => supportsCulture(CULTURES[lang]))
  log(`Recognizers has models for: ${supported.join(', ')}`)
  const langs = (values.lang?.split(',') ?? Object.keys(CULTURES)).filter(
    (lang) => lang in CULTURES && (values.fallback || supported.includes(lang)),
  )
  for (const lang of langs) {
    const lex = lexiconFor(lang)
    const ours = (text: string) => detectFigures(text, lex)
    const t0 = process.cpuUsage()
    recognizersFigures('The 3 reports cost €2.7 billion, 4.5% more, over 30 km.', lang)
    const built = process.cpuUsage(t0)
    log(
      `${lang}: Recognizers' models built in ${Math.round((built.user + built.system) / 1000)} ms of CPU (not counted below)`,
    )
    const fallback = supported.includes(lang) ? undefined : 'English models (no models for this language)'
    for (const set of Object.keys(SETS) as (keyof typeof SETS)[]) {
      log(`${lang} ${set}…`)
      rows.push({ lang, set, detector: 'ours', ...measure(lang, set, ours) })
      rows.push({
        lang,
        set,
        detector: 'recognizers',
        ...measure(lang, set, (text) => recognizersFigures(text, lang)),
        note: fallback,
      })
      if (fallback) continue
      const tally = { spans: 0, changed: 0 }
      rows.push({
        lang,
        set,
        detector: 'hybrid',
        ...measure(lang, set, (text) => hybridFigures(ours(text), lang, tally)),
        note: `${tally.changed} of ${tally.spans} spans with words given Recognizers' value`,
      })
      const best = { spans: 0, changed: 0 }
      rows.push({
        lang,
        set,
        detector: 'hybrid ceiling',
        ...measure(lang, set, (text, labels) => hybridFigures(ours(text), lang, best, oracle(labels))),
        note: `Recognizers right where ours is wrong on ${best.changed} of ${best.spans} spans`,
      })
    }
  }

  console.log(
    '| lang | set | detector | labels | found | precision | recall | qualifier | unit | CPU ms/article | note |',
  )
  console.log('| --- | --- | --- | --: | --: | --: | --: | --: | --: | --: | --- |')
  for (const { lang, set, detector, s, ms, note } of rows) {
    const years = detector === 'recognizers' ? extras(s).filter((m) => YEAR.test(m)).length : 0
    const why = detector === 'recognizers' ? `${extras(s).length} extras, ${years} of them years` : ''
    console.log(
      `| ${lang} | ${set} | ${detector} | ${s.labels} | ${s.predictions} | ${r3(s.precision)} | ${r3(s.recall)}` +
        ` | ${r3(s.qualifier)} | ${r3(s.unit)} | ${ms.toFixed(1)} | ${[why, note].filter(Boolean).join('; ')} |`,
    )
  }
  const n = Number(values.misses)
  if (n > 0)
    for (const { lang, set, detector, s } of rows)
      if (detector === 'recognizers') log(`\n${lang} ${set}:\n  ${extras(s).slice(0, n).join('\n  ')}`)
}

main()
