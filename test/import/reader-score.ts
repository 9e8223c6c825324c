// Tests only: how close an extracted article is to the text a reader view should show (test/fixtures/import/reader/).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const READER_DIR = fileURLToPath(new URL('../fixtures/import/reader/', import.meta.url))

export type ReaderFixture = {
  name: string
  path: string
  expectedText: string
  expected: { title: string; publishedDate: string; images: number }
}

export function readerFixtures(): ReaderFixture[] {
  return readdirSync(READER_DIR)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.html'.length)
      return {
        name,
        path: join(READER_DIR, file),
        expectedText: readFileSync(join(READER_DIR, `${name}.expected.txt`), 'utf8'),
        expected: JSON.parse(
          readFileSync(join(READER_DIR, `${name}.expected.json`), 'utf8'),
        ) as ReaderFixture['expected'],
      }
    })
}

const tokens = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []

/** Token-level F1 (bags of words, counted with repeats) of `got` against `want`. */
export function tokenF1(got: string, want: string): { precision: number; recall: number; f1: number } {
  const bag = new Map<string, number>()
  for (const t of tokens(want)) bag.set(t, (bag.get(t) ?? 0) + 1)
  const gotTokens = tokens(got)
  let common = 0
  for (const t of gotTokens) {
    const left = bag.get(t) ?? 0
    if (left > 0) {
      common++
      bag.set(t, left - 1)
    }
  }
  const precision = gotTokens.length ? common / gotTokens.length : 0
  const wantCount = tokens(want).length
  const recall = wantCount ? common / wantCount : 0
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 }
}

// Lines a reader view must never show: what Readability tends to leave of a news page's furniture.
const BOILERPLATE = [
  /^continue reading/i,
  /^advertisement$/i,
  /^read more\b/i,
  /^related\b/i,
  /newsletter/i,
  /^share\b/i,
  /^(photo|image)$/i,
  /^powered by\b/i,
  /^subscribe\b/i,
  /^image \d+ of \d+$/i,
  /we use cookies/i,
]

/** The paragraphs of `text` that are boilerplate, not article. */
export function boilerplateLeft(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => BOILERPLATE.some((re) => re.test(l)))
}
