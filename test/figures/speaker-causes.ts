// Scripts: the speaker misses of labelled sets sorted by CAUSE, per language — wrong carry (a speaker given
// where the label has none, from no event of the figure's sentence), missed event (the label's speaker is
// named in the figure's sentence, none found), missed carry (named earlier in the paragraph), missed
// continuation (named in an earlier paragraph), wrong antecedent (another speaker found), quote ownership
// (the figure is inside a quote), name form (the same speaker written otherwise). The eleventh held-out set
// (being written) is never read. Usage: npx jiti test/figures/speaker-causes.ts SET … [--list]
import { quoteAt, quoteSpans } from '../../src/shared/figures/clauses'
import { sentenceAt, splitSentences } from '../../src/shared/figures/sentences'
import { HELD_OUT_SET, loadArticles, speakerKey } from './score'
import { speakerMisses } from './speaker-miss-list'

const stems = (s: string): string[] =>
  speakerKey(s)
    .split(/[^\p{L}\d]+/u)
    .filter((w) => w.length >= 4)
    .map((w) => w.slice(0, 5))
const mentions = (slice: string, name: string): boolean => {
  const low = slice.toLowerCase()
  return stems(name).some((st) => low.includes(st))
}

const CAUSES = [
  'wrong carry',
  'wrong event',
  'missed event',
  'missed carry',
  'missed continuation',
  'wrong antecedent',
  'quote ownership',
  'name form',
  'naming: role',
  'naming: acronym',
  'naming: short/first name',
  'span',
  'nominative',
  'dateline',
] as const
type Cause = (typeof CAUSES)[number]

/**
 * With --naming, a miss whose speaker was found but named otherwise is sorted by HOW it is named: the agency
 * of a wire dateline, a role or kind noun ("company", "Amte", "відомство"), an acronym, a short or first name
 * ("Joost", "Fédération"), a span with words outside the name ("Kämmerer Jens Pohlmeyer", "липня компанія"
 * counts as a role), a wrong nominative ("Цьона" for "Цьоня").
 */
function namingCause(got: string, label: string, text: string): Cause | undefined {
  const firstPara =
    text
      .slice(text.indexOf('\n') + 1)
      .trimStart()
      .split('\n')[0] ?? ''
  if (firstPara.slice(0, 60).includes(`(${got})`)) return 'dateline'
  const gw = got.split(/\s+/)
  const lw = label.split(/\s+/)
  const stem = (w: string): string =>
    w
      .toLowerCase()
      .replace(/[«»"“”„]/g, '')
      .slice(0, 4)
  const gs = gw.map(stem)
  const ls = lw.map(stem)
  if (/^\p{Lu}{2,6}$/u.test(got)) return 'naming: acronym'
  if (/^\p{Ll}/u.test(gw[gw.length - 1]) && !ls.includes(gs[gs.length - 1])) return 'naming: role'
  if (gw.length === lw.length && gs.every((x, i) => x === ls[i]) && got !== label) return 'nominative'
  if (gw.length > lw.length && ls.every((x) => gs.includes(x))) return 'span'
  if (gw.length < lw.length && gs.every((x) => ls.includes(x))) return 'naming: short/first name'
  if (gw.length === 1 && !ls.includes(gs[0])) return 'naming: role'
  return undefined
}

const args = process.argv.slice(2)
const list = args.includes('--list')
const naming = args.includes('--naming')
const sets = args.filter((a) => !a.startsWith('--'))
if (sets.length === 0 || sets.some((s) => s === HELD_OUT_SET))
  throw new Error('usage: speaker-causes.ts SET …')
const LANGS = ['en', 'fr', 'es', 'de', 'uk', 'ru']
const table = new Map<string, Map<Cause, number>>()
for (const lang of LANGS) {
  const counts = new Map<Cause, number>()
  table.set(lang, counts)
  for (const set of sets) {
    let articles
    try {
      articles = loadArticles(lang, set)
    } catch {
      continue
    }
    const seen = new Map<
      string,
      { sentences: ReturnType<typeof splitSentences>; quotes: ReturnType<typeof quoteSpans> }
    >()
    for (const { article: a, label: l, got } of speakerMisses(lang, articles)) {
      const read = seen.get(a.name) ?? { sentences: splitSentences(a.text), quotes: quoteSpans(a.text) }
      seen.set(a.name, read)
      const { sentences, quotes } = read
      const label = l.attributedTo ?? null
      const at = sentenceAt(sentences, l.start)
      const s = sentences[at]
      const own = a.text.slice(s.start, s.end)
      const paraStart = sentences.find((x) => x.paragraph === s.paragraph)?.start ?? s.start
      let cause: Cause
      if (label !== null && got !== undefined && (mentions(got, label) || mentions(label, got)))
        cause = 'name form'
      else if (label !== null && quoteAt(quotes, l.start) !== undefined) cause = 'quote ownership'
      else if (label === null) cause = got !== undefined && mentions(own, got) ? 'wrong event' : 'wrong carry'
      else if (got === undefined)
        cause = mentions(own, label)
          ? 'missed event'
          : mentions(a.text.slice(paraStart, s.start), label)
            ? 'missed carry'
            : 'missed continuation'
      else cause = 'wrong antecedent'
      if (naming && label !== null && got !== undefined) cause = namingCause(got, label, a.text) ?? cause
      counts.set(cause, (counts.get(cause) ?? 0) + 1)
      if (list)
        console.log(
          `${set}/${lang}/${a.name} [${cause}] ${JSON.stringify(l.text)}: ${got ?? '-'} ≠ ${label ?? '-'}\n    ¶${s.paragraph} ${own.replace(/\n/g, ' ')}`,
        )
    }
  }
}
console.log(`cause               ${LANGS.map((l) => l.padStart(5)).join('')}  all`)
for (const c of CAUSES) {
  const row = LANGS.map((l) => table.get(l)?.get(c) ?? 0)
  console.log(
    `${c.padEnd(20)}${row.map((n) => String(n).padStart(5)).join('')}${String(row.reduce((x, y) => x + y, 0)).padStart(5)}`,
  )
}
