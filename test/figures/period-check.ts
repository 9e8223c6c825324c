// Scripts: the period the rules read for every labelled figure of a set and language, against its label, and
// one miss as a JSON-ready record (for period-table.ts and period-misses.ts).
import { existsSync } from 'node:fs'
import { lexiconFor, suggestPeriod } from '../../src/shared/figures/index'
import { sentenceAt, splitSentences } from '../../src/shared/figures/sentences'
import { loadArticles } from './score'
import type { Article, Label } from './score'

type Period = ReturnType<typeof suggestPeriod>

export type PeriodCheck = { article: Article; label: Label; got: Period; ok: boolean }

export function hasSet(set: string, lang: string): boolean {
  return existsSync(new URL(`../fixtures/${set}/${lang}/`, import.meta.url))
}

/** Every labelled period of the set and language, with the period the rules read and whether it is right. */
export function* periodChecks(set: string, lang: string): Generator<PeriodCheck> {
  for (const article of loadArticles(lang, set)) {
    for (const label of article.labels) {
      if (label.period === undefined) continue
      const got = suggestPeriod({
        text: article.text,
        start: label.start,
        end: label.end,
        articleDate: article.date,
        lex: lexiconFor(lang),
      })
      const want = label.period
      const ok =
        want === null
          ? got === undefined
          : got !== undefined && got.start === want.start && got.end === want.end
      yield { article, label, got, ok }
    }
  }
}

const fmt = (p: { start: string; end: string } | null | undefined): string =>
  p ? `${p.start}..${p.end}` : '-'

/** A check as one line's record: the figure marked ⟦…⟧ in its sentence, and where the phrase read stands. */
export function periodRecord(set: string, lang: string, check: PeriodCheck): Record<string, unknown> {
  const { article: a, label: l, got } = check
  const sentences = splitSentences(a.text)
  const s = sentences[sentenceAt(sentences, l.start)]
  const own = a.text.slice(s.start, s.end)
  const marked = (own.slice(0, l.start - s.start) + '⟦' + l.text + '⟧' + own.slice(l.end - s.start)).replace(
    /\s+/g,
    ' ',
  )
  return {
    set,
    lang,
    art: a.name,
    date: a.date,
    fig: l.text,
    got: fmt(got),
    want: fmt(l.period),
    phrase: got?.text ?? '',
    where: got === undefined ? 'none' : own.includes(got.text) ? 'own' : 'carried',
    para: s.paragraph,
    sentence: marked,
  }
}
