// Scripts: what one speaker piece changes, figure by figure — each labelled speaker whose right/wrong flips when
// a language leaves the piece's switch (a set of language codes the piece reads), on sets 1–9 (never set 10 or 11).
// speaker-phrase-diff.ts, speaker-role-diff.ts and speaker-resolve-diff.ts each name their switch.
import { existsSync } from 'node:fs'
import { prefillFigure } from '../../src/shared/figures/index'
import { loadArticles, sameSpeaker } from './score'

const SETS = [
  'figures',
  ...['', '-2', '-3', '-4', '-5', '-6', '-7', '-8', '-9'].map((n) => `figures-holdout${n}`),
]
const ALL = ['en', 'fr', 'es', 'de', 'uk', 'ru']

/** Prints every flip and the totals per language asked on the command line (all six by default). */
export function printSpeakerFlips(switchOf: Set<string>): void {
  const asked = process.argv.slice(2).filter((a) => ALL.includes(a))
  for (const lang of asked.length > 0 ? asked : ALL) {
    let fixed = 0
    let broken = 0
    for (const set of SETS) {
      if (!existsSync(new URL(`../fixtures/${set}/${lang}/`, import.meta.url))) continue
      for (const a of loadArticles(lang, set)) {
        for (const l of a.labels) {
          if (l.attributedTo === undefined) continue
          const run = (on: boolean): string | undefined => {
            if (on) switchOf.add(lang)
            else switchOf.delete(lang)
            return prefillFigure({ text: a.text, start: l.start, end: l.end, lang, articleDate: a.date })
              .attributedTo
          }
          const old = run(false)
          const now = run(true)
          const was = sameSpeaker(l.attributedTo, old)
          const is = sameSpeaker(l.attributedTo, now)
          if (was === is) continue
          if (is) fixed++
          else broken++
          console.log(
            `${is ? '+' : '-'} ${set}/${lang}/${a.name} ${JSON.stringify(l.text)}: ${old ?? '∅'} → ${now ?? '∅'} (label ${l.attributedTo ?? '∅'})`,
          )
        }
      }
    }
    console.log(`${lang}: +${fixed} −${broken}`)
  }
}
