// Runs in tests: scores detection and the form's prefill (period, speaker) on the labelled articles in
// test/fixtures/figures/<language>/, language by language. Set FIGURES_DEBUG=1 to print every miss, false
// positive, and unit, qualifier, period or speaker disagreement.
import { describe, expect, it } from 'vitest'
import { formatScore, loadArticles, score } from '../../../test/figures/score'
import { detectFigures, lexiconFor, prefillFigure } from './index'

/**
 * The floors each language's scores must hold (issue #13 asks for 0.95 and 0.90 everywhere; where a
 * language is not there yet, its floor is what it reaches today, so any loss fails, and README says so).
 * Period and speaker floors are scored against the labels of conventions v2 (README "Figures", round 6).
 */
const FLOORS: Record<string, { precision: number; recall: number; period: number; speaker: number }> = {
  en: { precision: 0.99, recall: 0.99, period: 0.84, speaker: 0.77 },
  es: { precision: 1, recall: 1, period: 0.88, speaker: 0.91 },
  ru: { precision: 1.0, recall: 1.0, period: 0.9, speaker: 0.72 },
  uk: { precision: 1, recall: 1, period: 0.93, speaker: 0.98 },
  fr: { precision: 1, recall: 1, period: 0.93, speaker: 0.91 },
  de: { precision: 1, recall: 1, period: 0.89, speaker: 0.77 },
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

/**
 * The second held-out set (test/fixtures/figures-holdout/), written unseen by the rule writers and scored
 * once on the finished rules of round 3 (2026-12-06): those scores, rounded down, are its floors. It has been
 * seen since, so later gains on it are no longer held-out figures (README, "Figures").
 */
const HOLDOUT_FLOORS: Record<string, { precision: number; recall: number; period: number; speaker: number }> =
  {
    en: { precision: 1, recall: 1, period: 0.87, speaker: 0.81 },
    fr: { precision: 0.97, recall: 1, period: 0.75, speaker: 0.83 },
    es: { precision: 1, recall: 1, period: 0.97, speaker: 0.81 },
    de: { precision: 1, recall: 1, period: 0.97, speaker: 0.97 },
    uk: { precision: 1, recall: 1, period: 0.93, speaker: 0.65 },
    ru: { precision: 1, recall: 1, period: 0.93, speaker: 0.93 },
  }

describe.each(Object.keys(HOLDOUT_FLOORS))('figures in %s, held-out set', (lang) => {
  const s = score(loadArticles(lang, 'figures-holdout'), {
    detect: (text) => detectFigures(text, lexiconFor(lang)),
    period: (a) => prefillFigure(a).period,
    speaker: (a) => prefillFigure(a).attributedTo,
  })
  console.log(`held-out ${formatScore(s)}`)
  const floor = HOLDOUT_FLOORS[lang]

  it('holds its first score', () => {
    expect(s.precision).toBeGreaterThanOrEqual(floor.precision)
    expect(s.recall).toBeGreaterThanOrEqual(floor.recall)
    expect(s.periodRight / s.periodLabels).toBeGreaterThanOrEqual(floor.period)
    expect(s.speakerRight / s.speakerLabels).toBeGreaterThanOrEqual(floor.speaker)
  })
})

/**
 * The third held-out set's German and Ukrainian articles (test/fixtures/figures-holdout-2/<lang>/0*), written for
 * detection and scored before any rule was changed: de 0.932 / 0.914, uk 0.981 / 0.972 (precision / recall,
 * README "Figures"). The rules written since hold them at these floors; they are no longer held-out figures.
 */
const HOLDOUT_2_FLOORS: Record<string, { precision: number; recall: number }> = {
  de: { precision: 1, recall: 1 },
  uk: { precision: 1, recall: 1 },
}

describe.each(Object.keys(HOLDOUT_2_FLOORS))('figures in %s, third held-out set', (lang) => {
  const articles = loadArticles(lang, 'figures-holdout-2').filter((a) => a.name.startsWith('0'))
  const s = score(articles, { detect: (text) => detectFigures(text, lexiconFor(lang)) })
  console.log(`held-out 2 ${formatScore(s)}`)

  it('detects at its floor', () => {
    expect(articles.length).toBeGreaterThanOrEqual(4)
    expect(s.precision).toBeGreaterThanOrEqual(HOLDOUT_2_FLOORS[lang].precision)
    expect(s.recall).toBeGreaterThanOrEqual(HOLDOUT_2_FLOORS[lang].recall)
  })
})

/**
 * The fourth held-out set (test/fixtures/figures-holdout-3/), German and Ukrainian, written after round 4 by its
 * rule writer and scored once on it: de 0.957 / 0.978, uk 0.979 / 0.979. Its misses were fixed since.
 */
describe.each(['de', 'uk'])('figures in %s, fourth held-out set', (lang) => {
  const s = score(loadArticles(lang, 'figures-holdout-3'), {
    detect: (text) => detectFigures(text, lexiconFor(lang)),
  })
  console.log(`held-out 3 ${formatScore(s)}`)

  it('detects every labelled figure and nothing else', () => {
    expect(s.articles).toBeGreaterThanOrEqual(2)
    expect(s.precision).toBeGreaterThanOrEqual(1)
    expect(s.recall).toBeGreaterThanOrEqual(1)
  })
})

/**
 * The held-out prefill articles (test/fixtures/figures-holdout-2/<lang>/5N-p-*, two per language), period and
 * speaker labelled before the prefill was run on them. Their first score, on the prefill of f34c7bb (README
 * "Figures", and the set's PREFILL.md), was period 0.52–0.71 and speaker 0.19–0.91; the floors are what the
 * prefill reaches since (rounded down), written on them, so they are no longer held-out figures.
 */
const PREFILL_FLOORS: Record<string, { period: number; speaker: number }> = {
  en: { period: 0.86, speaker: 0.97 },
  fr: { period: 0.87, speaker: 0.96 },
  es: { period: 0.79, speaker: 0.97 },
  de: { period: 0.82, speaker: 0.82 },
  uk: { period: 0.96, speaker: 0.96 },
  ru: { period: 0.74, speaker: 0.77 },
}

describe.each(Object.keys(PREFILL_FLOORS))('prefill in %s, held-out prefill articles', (lang) => {
  const articles = loadArticles(lang, 'figures-holdout-2').filter((a) => /^\d\d-p-/.test(a.name))
  const s = score(articles, {
    detect: () => [],
    period: (a) => prefillFigure(a).period,
    speaker: (a) => prefillFigure(a).attributedTo,
  })
  console.log(
    `prefill held-out ${lang}: period ${s.periodRight}/${s.periodLabels} speaker ${s.speakerRight}/${s.speakerLabels}`,
  )

  it('holds its period and speaker floors', () => {
    expect(articles.length).toBeGreaterThanOrEqual(2)
    expect(s.periodRight / s.periodLabels).toBeGreaterThanOrEqual(PREFILL_FLOORS[lang].period)
    expect(s.speakerRight / s.speakerLabels).toBeGreaterThanOrEqual(PREFILL_FLOORS[lang].speaker)
  })
})

/**
 * The fifth and sixth held-out sets (test/fixtures/figures-holdout-4/ and -5/), written unseen by every rule writer
 * in styles no earlier set used, labelled by conventions v2, and first scored by the lead on the rules of 4bf9564
 * (their READMEs). Set 4 was read afterwards by the detection writer (round 7), never by the prefill writer; set 5
 * by no one. The floors are the scores of the session's final rules (2026-12-06), rounded down: on set 5 these are
 * unseen figures, and they are far from the 0.95 / 0.90 issue #13 asks for (README "Figures").
 */
const UNSEEN_FLOORS: Record<
  string,
  Record<string, { precision: number; recall: number; period: number; speaker: number }>
> = {
  'figures-holdout-4': {
    en: { precision: 1, recall: 1, period: 0.68, speaker: 0.86 },
    fr: { precision: 1, recall: 1, period: 0.88, speaker: 0.65 },
    es: { precision: 1, recall: 1, period: 0.74, speaker: 0.58 },
    de: { precision: 1, recall: 1, period: 0.87, speaker: 0.73 },
    uk: { precision: 1, recall: 1, period: 0.83, speaker: 0.65 },
    ru: { precision: 1, recall: 1, period: 0.89, speaker: 0.79 },
  },
  'figures-holdout-5': {
    en: { precision: 1, recall: 1, period: 0.85, speaker: 0.89 },
    fr: { precision: 1, recall: 1, period: 0.87, speaker: 0.81 },
    es: { precision: 1, recall: 1, period: 0.98, speaker: 0.85 },
    de: { precision: 1, recall: 1, period: 0.84, speaker: 0.54 },
    uk: { precision: 1, recall: 1, period: 0.76, speaker: 0.63 },
    ru: { precision: 1, recall: 1, period: 0.93, speaker: 0.77 },
  },
  // Unseen by every round-8 rule writer; the lead's honest figure for round 8 (README), held at it.
  'figures-holdout-6': {
    en: { precision: 0.98, recall: 1, period: 0.81, speaker: 0.88 },
    fr: { precision: 0.98, recall: 1, period: 0.85, speaker: 0.77 },
    es: { precision: 1, recall: 1, period: 0.82, speaker: 0.85 },
    de: { precision: 1, recall: 1, period: 0.95, speaker: 0.67 },
    uk: { precision: 1, recall: 1, period: 0.94, speaker: 0.79 },
    ru: { precision: 0.97, recall: 1, period: 0.8, speaker: 0.75 },
  },
  // Unseen by every round-9 rule writer (three multiplier labels excepted, README); the lead's honest figure for
  // round 9, held at it (rounded down).
  'figures-holdout-7': {
    en: { precision: 1, recall: 1, period: 0.94, speaker: 0.68 },
    fr: { precision: 1, recall: 1, period: 0.88, speaker: 0.61 },
    es: { precision: 1, recall: 1, period: 0.82, speaker: 0.75 },
    de: { precision: 1, recall: 1, period: 0.77, speaker: 0.62 },
    uk: { precision: 0.98, recall: 1, period: 0.79, speaker: 0.74 },
    ru: { precision: 1, recall: 0.98, period: 0.76, speaker: 0.75 },
  },
  // Unseen by every round-9 and round-10 rule writer; the lead's honest figure, held at it (rounded down).
  'figures-holdout-8': {
    en: { precision: 1, recall: 0.98, period: 0.79, speaker: 0.78 },
    fr: { precision: 1, recall: 1, period: 0.8, speaker: 0.66 },
    es: { precision: 1, recall: 1, period: 0.81, speaker: 0.66 },
    de: { precision: 1, recall: 1, period: 0.91, speaker: 0.68 },
    uk: { precision: 1, recall: 0.98, period: 0.77, speaker: 0.64 },
    ru: { precision: 1, recall: 0.98, period: 0.94, speaker: 0.57 },
  },
  // Unseen by every round-11 rule writer (written and second-read while they worked); the lead scored it first
  // on 561a863, then on round 11 (README). Held at round 11's score, rounded down.
  'figures-holdout-9': {
    en: { precision: 1, recall: 1, period: 0.89, speaker: 0.79 },
    fr: { precision: 0.96, recall: 0.98, period: 0.89, speaker: 0.85 },
    es: { precision: 0.98, recall: 1, period: 0.82, speaker: 0.65 },
    de: { precision: 1, recall: 0.98, period: 0.88, speaker: 0.69 },
    uk: { precision: 0.97, recall: 1, period: 0.89, speaker: 0.76 },
    ru: { precision: 0.98, recall: 0.97, period: 0.9, speaker: 0.66 },
  },
  // Unseen by every round-12 rule writer (written and second-read while they worked); the lead scored it first
  // on 9eb9174, then on round 12 (README "Set 10"). Held at round 12's score, rounded down.
  'figures-holdout-10': {
    en: { precision: 1, recall: 1, period: 0.92, speaker: 0.84 },
    fr: { precision: 1, recall: 0.96, period: 0.82, speaker: 0.61 },
    es: { precision: 1, recall: 0.96, period: 0.95, speaker: 0.8 },
    de: { precision: 1, recall: 0.98, period: 0.79, speaker: 0.47 },
    uk: { precision: 0.98, recall: 1, period: 0.88, speaker: 0.58 },
    // 0.81, 0.47: ru/03's '16 лет' (how rare, not a figure) left the set in session 12, rightly prefilled
    ru: { precision: 1, recall: 0.98, period: 0.81, speaker: 0.47 },
  },
  // set 11 (session 8): written while round 13 was built, scored first on 7b67c85 (README "Set 11"); detection
  // round 13 read its misses, period and speaker did not
  'figures-holdout-11': {
    en: { precision: 1, recall: 0.96, period: 0.86, speaker: 0.72 },
    fr: { precision: 1, recall: 1, period: 0.87, speaker: 0.67 },
    es: { precision: 0.98, recall: 1, period: 0.83, speaker: 0.71 },
    de: { precision: 1, recall: 0.98, period: 0.84, speaker: 0.43 },
    uk: { precision: 1, recall: 1, period: 0.82, speaker: 0.62 },
    ru: { precision: 1, recall: 0.98, period: 0.88, speaker: 0.6 },
  },
  // set 12 (session 9): written while round 14 was built, scored first on e47b1a7 (README "Set 12"); detection
  // round 14 read its misses, period and speaker did not. Held at round 14's score, rounded down.
  'figures-holdout-12': {
    en: { precision: 0.94, recall: 1, period: 0.66, speaker: 0.73 },
    fr: { precision: 0.98, recall: 1, period: 0.68, speaker: 0.55 },
    es: { precision: 0.98, recall: 0.98, period: 0.83, speaker: 0.64 },
    de: { precision: 0.98, recall: 0.98, period: 0.79, speaker: 0.48 },
    uk: { precision: 1, recall: 1, period: 0.83, speaker: 0.74 },
    ru: { precision: 1, recall: 1, period: 0.78, speaker: 0.57 },
  },
  // set 13 (session 10): written and second-read while round 15 was built, scored first on f3b5b9c (README "Set
  // 13"); detection round 15 read its misses, period and speaker did not; round 16 (session 11) was built on it.
  // Held at round 16's score, rounded down.
  'figures-holdout-13': {
    en: { precision: 0.98, recall: 1, period: 0.69, speaker: 0.76 },
    fr: { precision: 1, recall: 1, period: 0.76, speaker: 0.77 },
    es: { precision: 1, recall: 1, period: 0.74, speaker: 0.6 },
    de: { precision: 1, recall: 1, period: 0.66, speaker: 0.65 },
    uk: { precision: 1, recall: 1, period: 0.74, speaker: 0.72 },
    ru: { precision: 1, recall: 1, period: 0.55, speaker: 0.8 },
  },
  // set 14 (session 11): written and second-read while round 16 was built, scored first on add3b6e (README "Set
  // 14"); no rule writer read it; the lead's one period change after reading its score (243eec2) did. Read by
  // round 17's writers (session 12), so held at round 17's score, rounded down.
  'figures-holdout-14': {
    en: { precision: 0.98, recall: 1, period: 0.64, speaker: 0.94 },
    fr: { precision: 0.98, recall: 0.97, period: 0.79, speaker: 0.84 },
    es: { precision: 0.96, recall: 0.96, period: 0.59, speaker: 0.77 },
    de: { precision: 1, recall: 0.97, period: 0.72, speaker: 0.81 },
    uk: { precision: 1, recall: 1, period: 0.75, speaker: 0.81 },
    ru: { precision: 1, recall: 1, period: 0.8, speaker: 0.75 },
  },
  // set 15 (session 12): three writers who read no rule nor any earlier article, two second readers' changes and
  // the lead's calls before any score; scored first on 6e48ef0 and after round 17 on 8dca9c2 (README "Set 15"),
  // unseen both times. The lead's detection round 17 (526c48e) read its misses, so these floors, at the score
  // after it, rounded down, are not unseen figures.
  'figures-holdout-15': {
    en: { precision: 0.97, recall: 0.97, period: 0.51, speaker: 0.65 },
    fr: { precision: 1, recall: 0.97, period: 0.76, speaker: 0.43 },
    es: { precision: 0.98, recall: 0.97, period: 0.63, speaker: 0.59 },
    de: { precision: 1, recall: 0.97, period: 0.77, speaker: 0.3 },
    uk: { precision: 0.98, recall: 1, period: 0.73, speaker: 0.39 },
    ru: { precision: 0.96, recall: 0.97, period: 0.62, speaker: 0.64 },
  },
}

describe.each(
  Object.entries(UNSEEN_FLOORS).flatMap(([set, floors]) =>
    Object.entries(floors).map(([lang, floor]) => ({ set, lang, floor })),
  ),
)('figures in $lang, $set', ({ set, lang, floor }) => {
  const articles = loadArticles(lang, set)
  const s = score(articles, {
    detect: (text) => detectFigures(text, lexiconFor(lang)),
    period: (a) => prefillFigure(a).period,
    speaker: (a) => prefillFigure(a).attributedTo,
  })
  console.log(`${set} ${formatScore(s)}`)

  it('holds the final score of the session', () => {
    expect(articles.length).toBe(3)
    expect(s.precision).toBeGreaterThanOrEqual(floor.precision)
    expect(s.recall).toBeGreaterThanOrEqual(floor.recall)
    expect(s.periodRight / s.periodLabels).toBeGreaterThanOrEqual(floor.period)
    expect(s.speakerRight / s.speakerLabels).toBeGreaterThanOrEqual(floor.speaker)
  })
})
