// e2e: opening a sample article and reading the window's geometry — what sits on top at a point, how wide
// the reader's lines are.
import type { Locator, Page } from '@playwright/test'
import type { ArticleListItem } from '../src/shared/types'
import { expect } from './glossa'
import type { Glossa } from './glossa'

/** Opens the sample article whose title matches, with detected figures underlined. */
export async function openSample(page: Page, glossa: Glossa, titlePart: RegExp): Promise<ArticleListItem> {
  const list = await glossa.call('articles.list', {})
  const article = list.find((a) => titlePart.test(a.title))!
  // The token in the first address moves into the tab's session; later addresses go without it.
  if (!page.url().startsWith(glossa.origin)) {
    await page.goto(glossa.url)
    await expect(page.getByRole('listbox', { name: 'Articles' }).getByRole('option')).not.toHaveCount(0)
  }
  await page.goto(`${glossa.origin}/#/article/${article.id}`)
  await expect(page.getByTestId('article-body')).toBeVisible()
  await expect
    .poll(() => page.evaluate(() => CSS.highlights.get('figure-candidate')?.size ?? 0))
    .toBeGreaterThan(0)
  return article
}

/** Clicks the middle of the first occurrence of `needle` inside the article body. */
export async function clickText(page: Page, needle: string): Promise<void> {
  const box = await page.evaluate((n) => {
    const body = document.querySelector('[data-testid="article-body"]')!
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT)
    while (walker.nextNode()) {
      const node = walker.currentNode as Text
      const at = node.data.indexOf(n)
      if (at < 0) continue
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + n.length)
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' })
      const r = range.getBoundingClientRect()
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 }
    }
    throw new Error(`${n} not found`)
  }, needle)
  await page.mouse.click(box.x, box.y)
}

/** The buttons in `scope` (or `scope` itself) that something else covers at their centre, or that lie outside the window. */
export async function coveredButtons(scope: Locator): Promise<string[]> {
  return scope.evaluateAll((roots) =>
    roots.flatMap((root) =>
      [...(root instanceof HTMLButtonElement ? [root] : root.querySelectorAll('button'))]
        .filter((b) => b.getClientRects().length > 0)
        .filter((b) => {
          const r = b.getBoundingClientRect()
          const x = r.left + r.width / 2
          const y = r.top + r.height / 2
          if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return true
          const top = document.elementFromPoint(x, y)
          return !top || !(top === b || b.contains(top))
        })
        .map((b) => (b.getAttribute('aria-label') || b.textContent || b.outerHTML).trim()),
    ),
  )
}

/**
 * How wide the reader's text is: `ch`, the body's width over the width of '0' in its font; `perLine`, the
 * characters of the longest paragraph's full lines (all but its last), on average.
 */
export async function readerMeasure(page: Page): Promise<{ ch: number; perLine: number }> {
  return page.evaluate(() => {
    const body = document.querySelector<HTMLElement>('[data-testid="article-body"]')!
    const paragraph = [...body.querySelectorAll('p')].sort(
      (a, b) => b.textContent!.length - a.textContent!.length,
    )[0]
    const probe = document.createElement('span')
    probe.textContent = '0'.repeat(100)
    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:pre'
    paragraph.append(probe)
    const zero = probe.getBoundingClientRect().width / 100
    probe.remove()
    const width = paragraph.getBoundingClientRect().width
    // Characters grouped by the line box they sit on.
    const text = paragraph.firstChild as Text
    const lines = new Map<number, number>()
    const range = document.createRange()
    for (let i = 0; i < text.data.length; i++) {
      range.setStart(text, i)
      range.setEnd(text, i + 1)
      const top = Math.round(range.getClientRects()[0]?.top ?? -1)
      lines.set(top, (lines.get(top) ?? 0) + 1)
    }
    const counts = [...lines.values()].slice(0, -1)
    return { ch: width / zero, perLine: counts.reduce((a, b) => a + b, 0) / counts.length }
  })
}
