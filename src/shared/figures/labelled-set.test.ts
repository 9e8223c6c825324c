// Runs in tests: scores detection and the form's prefill (period, speaker) on the labelled articles in
// test/fixtures/figures/<language>/, language by language. Set FIGURES_DEBUG=1 to print every miss, false
// positive, and unit, qualifier, period or speaker disagreement.
import { describe, expect, it } from 'vitest'
import { formatScore, loadArticles, score } from '../../../test/figures/score'
import { detectFigures, lexiconFor, prefillFigure } from './index'

/**
 * The floors each language's scores must hold (issue #13 asks for 0.95 and 0.90 everywhere; where a
 * language is not there yet, its floor is what it reaches today, so any loss fails, and README says so).
 */
const FLOORS: Record<string, { precision: number; recall: number; period: number; speaker: number }> = {
  en: { precision: 0.95, recall: 0.95, period: 0, speaker: 0 },
  uk: { precision: 1, recall: 1, period: 0.91, speaker: 0.96 },
  fr: { precision: 1, recall: 1, period: 0.9, speaker: 0.92 },
  ru: { precision: 1.0, recall: 1.0, period: 0.83, speaker: 0.46 },
  es: { precision: 0.99, recall: 1, period: 0.9, speaker: 0.72 },
  de: { precision: 0.99, recall: 1, period: 0.82, speaker: 0.64 },
}

describe.each(Object.keys(FLOORS))('figures in %s', (lang) => {
  const articles = loadArticles(lang)
  const s = score(articles, {
    detect: (text) => detectFigures(text, lexiconFor(lang)),
    period: (a) => prefillFigure(a).period,
    speaker: (a) => prefillFigure(a).attributedTo,
  })
  console.log(formatScore(s))
  if (process.env.FIGURES_DEBUG) for (const line of s.misses) console.log(`  ${line}`)
  const floor = FLOORS[lang]

  it('has enough labelled material, articles of 300 to 700 words', () => {
    expect(articles.length).toBeGreaterThanOrEqual(6)
    expect(s.labels).toBeGreaterThanOrEqual(150)
    for (const { name, text } of articles) {
      const words = text.split(/\s+/).length
      expect([name, words >= 300 && words <= 700]).toEqual([name, true])
    }
  })

  it('finds the labelled figures', () => {
    expect(s.precision).toBeGreaterThanOrEqual(floor.precision)
    expect(s.recall).toBeGreaterThanOrEqual(floor.recall)
  })

  it('prefills period and speaker', () => {
    expect(s.periodRight / Math.max(1, s.periodLabels)).toBeGreaterThanOrEqual(floor.period)
    expect(s.speakerRight / Math.max(1, s.speakerLabels)).toBeGreaterThanOrEqual(floor.speaker)
  })
})
