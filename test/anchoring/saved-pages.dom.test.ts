// @vitest-environment happy-dom
// Anchoring baselines on saved pages, the way the Hypothesis client keeps them: each page in
// test/fixtures/anchoring/pages/ goes through the import (Readability, sanitizing, the text model on linkedom),
// the selectors expected on it are described and anchored on the text it gives, the stored HTML is shown as the
// reader shows it (DOMPurify, then the text model on the live DOM) and the highlights must land on the same
// characters; then the page is edited a little and imported again, and every highlight must find its place.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import DOMPurify from 'dompurify'
import { afterEach, describe as group, expect, it } from 'vitest'
import { parseHtml } from '../../src/main/import/extract-html'
import { offsetsFromRange, rangeFromOffsets, readDomText } from '../../src/renderer/src/reader/dom-text'
import { anchor, describe } from '../../src/shared/anchoring'
import { locate, replaceOnce } from '../fixtures/anchoring/edits'

type PageSelector = {
  name: string
  exact: string
  prefix: string
  suffix: string
  start: number
  end: number
  /** Where the highlight belongs after the edit: `exact` (found after `after`, if given) and how it is found. */
  afterEdit: { method: 'position' | 'quote' | 'fuzzy'; exact: string; after?: string }
}
type Page = {
  name: string
  html: string
  edit: { find: string; replacement: string }
  selectors: PageSelector[]
}

const DIR = join(import.meta.dirname, '../fixtures/anchoring/pages')

const pages: Page[] = readdirSync(DIR)
  .filter((file) => file.endsWith('.html'))
  .sort()
  .map((file) => {
    const name = file.replace(/\.html$/, '')
    const expected = JSON.parse(readFileSync(join(DIR, `${name}.selectors.json`), 'utf8')) as Omit<
      Page,
      'name' | 'html'
    >
    return { name, html: readFileSync(join(DIR, file), 'utf8'), ...expected }
  })
const cases = pages.flatMap((page) => page.selectors.map((selector) => ({ page, selector })))
const imported = (html: string, name: string) => parseHtml(html, { name: `${name}.html` })

/** The stored HTML in a container, as ArticleBody puts it on screen. */
function show(html: string): HTMLElement {
  const container = document.createElement('div')
  container.append(
    DOMPurify.sanitize(html, {
      FORBID_TAGS: ['style', 'form'],
      FORBID_ATTR: ['style'],
      RETURN_DOM_FRAGMENT: true,
    }),
  )
  document.body.append(container)
  return container
}

afterEach(() => {
  document.body.innerHTML = ''
})

group('saved pages', () => {
  it('are three or more, each with a page, an edit and at least five selectors', () => {
    expect(pages.length).toBeGreaterThanOrEqual(3)
    for (const page of pages) {
      expect(page.html.includes(page.edit.find), page.name).toBe(true)
      expect(page.selectors.length, page.name).toBeGreaterThanOrEqual(5)
    }
  })
})

group('the imported text holds the expected selectors', () => {
  it.each(cases)('$page.name: $selector.name', ({ page, selector }) => {
    const { text } = imported(page.html, page.name)
    expect(text.slice(selector.start, selector.end)).toBe(selector.exact)
    expect(describe(text, selector.start, selector.end)).toEqual({
      quote: {
        type: 'TextQuoteSelector',
        exact: selector.exact,
        prefix: selector.prefix,
        suffix: selector.suffix,
      },
      position: { type: 'TextPositionSelector', start: selector.start, end: selector.end },
    })
    expect(anchor(text, describe(text, selector.start, selector.end))).toEqual({
      start: selector.start,
      end: selector.end,
      method: 'position',
    })
  })
})

group('the reader lands each selector on the same characters', () => {
  it.each(pages)('$name: the live DOM reads as the imported text', ({ name, html }) => {
    const doc = imported(html, name)
    expect(readDomText(show(doc.html)).text).toBe(doc.text)
  })

  it.each(cases)('$page.name: $selector.name', ({ page, selector }) => {
    const model = readDomText(show(imported(page.html, page.name).html))
    const range = rangeFromOffsets(model, selector.start, selector.end)
    expect(range).not.toBeNull()
    // The DOM holds the words; the separators between blocks, rows and cells are the text model's own.
    const words = (s: string) => s.replace(/\s+/g, '')
    expect(words((range as Range).toString())).toBe(words(selector.exact))
    expect(offsetsFromRange(model, range as Range)).toEqual({ start: selector.start, end: selector.end })
  })
})

group('after a small edit of the page, imported again', () => {
  it.each(cases)(
    '$page.name: $selector.name is found by $selector.afterEdit.method',
    ({ page, selector }) => {
      const before = imported(page.html, page.name).text
      const target = describe(before, selector.start, selector.end)
      const after = imported(replaceOnce(page.html, page.edit.find, page.edit.replacement), page.name).text
      const expected = selector.afterEdit
      const found = anchor(after, target)
      expect(found).toMatchObject({
        ...locate(after, expected.exact, expected.after),
        method: expected.method,
      })
      expect(after.slice(found?.start, found?.end)).toBe(expected.exact)
    },
  )
})
