// Scripts: what one speaker piece changes, figure by figure — each labelled speaker whose right/wrong flips when
// a language leaves the piece's switch (a set of language codes the piece reads), on sets 1–11 (never set 12).
// speaker-phrase-diff.ts, speaker-role-diff.ts and speaker-resolve-diff.ts each name their switch.
import { existsSync } from 'node:fs'
import { prefillFigure } from '../../src/shared/figures/index'
import { loadArticles, sameSpeaker } from './score'

const SETS = [
  'figures',
  ...['', '-2', '-3', '-4', '-5', '-6', '-7', '-8', '-9', '-10', '-11'].map((n) => `figures-holdout${n}`),
]
const ALL = ['en', 'fr', 'es', 'de', 'uk', 'ru']

/** Prints every flip and the totals per language asked on the command line (all six by default). */
export function printSpeakerFlips(switchOf: Set<string>, reset?: () => void): void {
  const asked = process.argv.slice(2).filter((a) => ALL.includes(a))
  for (const lang of asked.length > 0 ? asked : ALL) {
    let fixed = 0
    let broken = 0
    for (const set of SETS) {
      if (!existsSync(new URL(`../fixtures/${set}/${lang}/`, import.meta.url))) continue
      for (const a of loadArticles(lang, set)) {
        const labels = a.labels.filter((l) => l.attributedTo !== undefined)
        // (every figure of the article with the piece off, then on: a state cached per article is reset between)
        const run = (on: boolean): (string | undefined)[] => {
          if (on) switchOf.add(lang)
          else switchOf.delete(lang)
          reset?.()
          return labels.map(
            (l) =>
              prefillFigure({ text: a.text, start: l.start, end: l.end, lang, articleDate: a.date })
                .attributedTo,
          )
        }
        const olds = run(false)
        const nows = run(true)
        labels.forEach((l, i) => {
          const old = olds[i]
          const now = nows[i]
          const was = sameSpeaker(l.attributedTo ?? null, old)
          const is = sameSpeaker(l.attributedTo ?? null, now)
          if (was === is) return
          if (is) fixed++
          else broken++
          console.log(
            `${is ? '+' : '-'} ${set}/${lang}/${a.name} ${JSON.stringify(l.text)}: ${old ?? '∅'} → ${now ?? '∅'} (label ${l.attributedTo ?? '∅'})`,
          )
        })
      }
    }
    console.log(`${lang}: +${fixed} −${broken}`)
  }
}
