// Scripts: speaker accuracy of the sentence cascade (old) and of the discourse model (new) side by side, per
// set and language, on the readable labelled sets (the ninth held-out set, being written, is never read).
// Usage: npx jiti test/figures/speaker-compare.ts [lang …]
import { existsSync } from 'node:fs'
import { prefillFigure } from '../../src/shared/figures/index'
import { DISCOURSE } from '../../src/shared/figures/speaker-model'
import { loadArticles, score } from './score'

const SETS = ['figures', ...['', '-2', '-3', '-4', '-5', '-6', '-7', '-8'].map((n) => `figures-holdout${n}`)]
const ALL = ['en', 'fr', 'es', 'de', 'uk', 'ru']
const asked = process.argv.slice(2).filter((a) => ALL.includes(a))
const langs = asked.length > 0 ? asked : ALL
const kept = new Set(DISCOURSE)
const rate = (right: number, all: number): string => (right / Math.max(1, all)).toFixed(3)
console.log(`set                 ${langs.map((l) => `${l} old→new`.padStart(16)).join('')}`)
const totals = new Map<string, number[]>()
for (const set of SETS) {
  let row = set.padEnd(20)
  for (const lang of langs) {
    if (!existsSync(new URL(`../fixtures/${set}/${lang}/`, import.meta.url))) {
      row += ''.padStart(16)
      continue
    }
    const articles = loadArticles(lang, set)
    const run = (on: boolean) => {
      if (on) DISCOURSE.add(lang)
      else DISCOURSE.delete(lang)
      return score(articles, { detect: () => [], speaker: (a) => prefillFigure(a).attributedTo })
    }
    const before = run(false)
    const after = run(true)
    const t = totals.get(lang) ?? [0, 0, 0]
    totals.set(lang, [t[0] + before.speakerRight, t[1] + after.speakerRight, t[2] + before.speakerLabels])
    row +=
      `${rate(before.speakerRight, before.speakerLabels)}→${rate(after.speakerRight, after.speakerLabels)}`.padStart(
        16,
      )
  }
  console.log(row)
}
console.log(
  `${'all'.padEnd(20)}${langs
    .map((l) => {
      const t = totals.get(l) ?? [0, 0, 0]
      return `${rate(t[0], t[2])}→${rate(t[1], t[2])}`.padStart(16)
    })
    .join('')}`,
)
for (const l of ALL)
  if (kept.has(l)) DISCOURSE.add(l)
  else DISCOURSE.delete(l)
