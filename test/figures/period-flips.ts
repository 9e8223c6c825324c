// Scripts: every labelled period of sets 1–9 (named: no other folder is read) as one JSON line with whether the
// rules read it right, to compare two versions of the rules figure by figure (what a change won and lost), and
// the totals per set and language of set 10, which is validation only (never listed). Usage:
//   npx jiti test/figures/period-flips.ts OUT.jsonl            (write this version's lines)
//   npx jiti test/figures/period-flips.ts OUT.jsonl BEFORE.jsonl (and print what changed against BEFORE)
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { hasSet, periodChecks, periodRecord } from './period-check'

const SETS = ['figures', ...['', '-2', '-4', '-5', '-6', '-7', '-8', '-9'].map((n) => `figures-holdout${n}`)]
const LANGS = ['en', 'fr', 'es', 'de', 'uk', 'ru']
const [out, prior] = process.argv.slice(2)
const lines: string[] = []
const totals: string[] = []
for (const set of SETS)
  for (const lang of LANGS) {
    if (!hasSet(set, lang)) continue
    for (const check of periodChecks(set, lang)) {
      const record = periodRecord(set, lang, check)
      lines.push(
        JSON.stringify({
          key: `${set}/${lang}/${check.article.name}@${check.label.start}`,
          ok: check.ok,
          ...record,
        }),
      )
    }
  }
for (const lang of LANGS) {
  let n = 0
  let right = 0
  for (const check of periodChecks('figures-holdout-10', lang)) {
    n++
    if (check.ok) right++
  }
  totals.push(`${lang} ${(right / n).toFixed(3)} (${right}/${n})`)
}
writeFileSync(out, lines.join('\n') + '\n')
const byLang = new Map<string, [number, number]>()
for (const l of lines) {
  const r = JSON.parse(l) as { lang: string; ok: boolean }
  const t = byLang.get(r.lang) ?? [0, 0]
  byLang.set(r.lang, [t[0] + Number(r.ok), t[1] + 1])
}
console.log(
  'sets 1-9:',
  [...byLang].map(([l, [a, b]]) => `${l} ${(a / b).toFixed(3)} (${a}/${b})`).join('  '),
)
console.log('set 10:  ', totals.join('  '))
if (prior && existsSync(prior)) {
  const old = new Map(
    readFileSync(prior, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [JSON.parse(l).key as string, JSON.parse(l) as Record<string, unknown>]),
  )
  for (const l of lines) {
    const r = JSON.parse(l) as Record<string, unknown>
    const o = old.get(r.key as string)
    if (o && o.ok !== r.ok)
      console.log(
        r.ok ? 'WON ' : 'LOST',
        JSON.stringify({ want: r.want, got: r.got, was: o.got, s: r.sentence }),
      )
  }
}
