// The reader-view fixture set (test/fixtures/import/reader/, 30 pages written for Glossa in the markup of news
// sites): every page is imported as a saved file, and the article text, title, date and images are scored.
import { readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { describe, expect, it } from 'vitest'
import { boilerplateLeft, readerFixtures, tokenF1 } from '../../../test/import/reader-score'
import { resolveImages } from './image-assets'
import { parseDocument } from '.'

// Floors set from the measured score (README, "Import: measured"), a little below it.
const FLOOR = { f1: 0.99, title: 0.95, date: 0.95, images: 1 }

describe('reader-view fixture set', async () => {
  const rows = await Promise.all(
    readerFixtures().map(async (fx) => {
      const doc = parseDocument({ name: fx.path, bytes: readFileSync(fx.path), keepImages: true })
      const stored = await resolveImages(doc.html, doc.images ?? [], { folder: dirname(fx.path) })
      return {
        fx,
        doc,
        score: tokenF1(doc.text, fx.expectedText),
        boilerplate: boilerplateLeft(doc.text),
        titleOk: doc.title === fx.expected.title,
        dateOk: doc.publishedAt?.slice(0, 10) === fx.expected.publishedDate,
        imagesOk: stored.images.length === fx.expected.images,
      }
    }),
  )
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
  const summary = {
    pages: rows.length,
    f1: mean(rows.map((r) => r.score.f1)),
    precision: mean(rows.map((r) => r.score.precision)),
    recall: mean(rows.map((r) => r.score.recall)),
    boilerplateLines: rows.reduce((n, r) => n + r.boilerplate.length, 0),
    title: mean(rows.map((r) => Number(r.titleOk))),
    date: mean(rows.map((r) => Number(r.dateOk))),
    images: mean(rows.map((r) => Number(r.imagesOk))),
  }
  console.log('reader set', JSON.stringify(summary))
  for (const r of rows) {
    if (r.score.f1 < 0.97 || r.boilerplate.length || !r.titleOk || !r.dateOk || !r.imagesOk)
      console.log(
        r.fx.name,
        r.score.f1.toFixed(3),
        r.boilerplate,
        r.titleOk ? '' : `title: ${r.doc.title}`,
        r.dateOk ? '' : `date: ${r.doc.publishedAt}`,
        r.imagesOk ? '' : 'images',
      )
  }

  it('has at least 30 pages', () => expect(rows.length).toBeGreaterThanOrEqual(30))
  it(`scores token F1 ≥ ${FLOOR.f1}`, () => expect(summary.f1).toBeGreaterThanOrEqual(FLOOR.f1))
  it('leaves no boilerplate line', () => expect(rows.flatMap((r) => r.boilerplate)).toEqual([]))
  it(`gets the title right on ≥ ${FLOOR.title}`, () =>
    expect(summary.title).toBeGreaterThanOrEqual(FLOOR.title))
  it(`gets the date right on ≥ ${FLOOR.date}`, () => expect(summary.date).toBeGreaterThanOrEqual(FLOOR.date))
  it('stores every image saved beside a page', () =>
    expect(summary.images).toBeGreaterThanOrEqual(FLOOR.images))
})
