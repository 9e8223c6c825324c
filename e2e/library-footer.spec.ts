// e2e: the library's footer (Backups…, Browser connector…, Team…) on one line at 1440×900 and 1024×700, where
// the 280 px library column had pushed "Team…" onto a second line; screenshots light and dark under
// reports/screens/library-footer-*.
import type { Page } from '@playwright/test'
import { expect, test } from './glossa'
import { screenshotSizes } from './screens'

/** The footer's links: each one's top and right edge, and the footer's right edge inside its padding. */
async function footerLinks(page: Page) {
  const footer = page.locator('.library-footer')
  await expect(footer.getByRole('button', { name: 'Team…' })).toBeVisible()
  return footer.evaluate((el) => {
    const inner = el.getBoundingClientRect().right - parseFloat(getComputedStyle(el).paddingRight)
    const links = [...el.querySelectorAll('button.link:not(.team-badge)')].map((b) => {
      const box = b.getBoundingClientRect()
      return { text: b.textContent, top: Math.round(box.top), right: box.right, height: box.height }
    })
    return { inner, links }
  })
}

for (const size of [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
]) {
  test(`at ${size.width}×${size.height} the library's footer is one line`, async ({ page, glossa }) => {
    await page.setViewportSize(size)
    await page.goto(glossa.url)
    const { inner, links } = await footerLinks(page)
    expect(links.map((l) => l.text)).toEqual(['Backups…', 'Browser connector…', 'Team…'])
    // One line: every link at the same top, none wrapped inside itself, none past the footer's edge.
    expect(new Set(links.map((l) => l.top)).size).toBe(1)
    expect(Math.max(...links.map((l) => l.height))).toBeLessThan(24)
    for (const link of links) expect(link.right).toBeLessThanOrEqual(inner + 0.5)
  })
}

test('screenshots of the library and its footer, light and dark', async ({ page, glossa }) => {
  await page.goto(glossa.url)
  await expect(page.getByRole('listbox', { name: 'Articles' }).getByRole('option')).toHaveCount(4)
  await screenshotSizes(page, 'library-footer', async () => {
    await expect(page.locator('.library-footer').getByRole('button', { name: 'Team…' })).toBeVisible()
  })
})
