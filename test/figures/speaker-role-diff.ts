// Scripts: what the role linking (role-holder.ts) changes, figure by figure: each labelled speaker whose
// right/wrong flips when its language leaves ROLES, on sets 1–9 (never set 10). Usage:
//   npx jiti test/figures/speaker-role-diff.ts [lang …]
import { existsSync } from 'node:fs'
import { prefillFigure } from '../../src/shared/figures/index'
import { ROLES } from '../../src/shared/figures/role-holder'
import { loadArticles, sameSpeaker } from './score'

const SETS = [
  'figures',
  ...['', '-2', '-3', '-4', '-5', '-6', '-7', '-8', '-9'].map((n) => `figures-holdout${n}`),
]
const ALL = ['en', 'fr', 'es', 'de', 'uk', 'ru']
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
          if (on) ROLES.add(lang)
          else ROLES.delete(lang)
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
