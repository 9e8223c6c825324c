// e2e (#14): a saved page with its image folder, imported by `glossa import`, reads like a reader view: the image
// comes from the archive (no request leaves the app), its caption sits under it, links are in the app's colours
// and open outside the app, never navigating it.
import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import { CLI, expect, test } from './glossa'

const PAGE = resolve('test/fixtures/import/reader/00-standard-saved.html')

test('an imported article shows its archived image with the caption under it, and links open outside', async ({
  page,
  glossa,
}) => {
  await glossa.restart(async () => {
    execFileSync(process.execPath, [CLI, 'import', PAGE, '--archive', glossa.archiveDir], { stdio: 'pipe' })
  })
  const article = (await glossa.call('articles.list', {})).find((a) => a.title.startsWith('Harwick'))!
  const remote: string[] = []
  page.on('request', (req) => {
    if (!req.url().startsWith(glossa.origin) && !req.url().startsWith('data:')) remote.push(req.url())
  })
  await page.goto(glossa.url)
  await page.goto(`${glossa.origin}/#/article/${article.id}`)
  const body = page.getByTestId('article-body')
  const image = body.locator('figure img')
  await expect(image).toHaveAttribute('src', /^data:image\/png;base64,/)
  expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320)
  const caption = body.locator('figure figcaption')
  await expect(caption).toHaveText(
    'Surveyors at the Harwick site last week. Photo: Piotr Lindqvist/The Harwick Ledger',
  )
  const [imageBox, captionBox] = [await image.boundingBox(), await caption.boundingBox()]
  expect(captionBox!.y).toBeGreaterThanOrEqual(imageBox!.y + imageBox!.height)
  // Boilerplate the page carried is gone; the lead paragraph is a paragraph, not a heading.
  await expect(body).not.toContainText('Continue reading the main story')
  await expect(body).not.toContainText('Advertisement')
  await expect(body.locator('p').first()).toContainText('Contractors will work in three phases')

  // A link: the app's accent colour, and a click opens a new window with the address, leaving the reader in place.
  await page.evaluate(() => {
    const p = document.querySelector('[data-testid="article-body"] p')!
    const a = document.createElement('a')
    a.href = 'https://www.harwick-ledger.example/budget'
    a.textContent = 'the budget papers'
    p.append(' See ', a, '.')
  })
  const link = body.getByRole('link', { name: 'the budget papers' })
  const accent = await page.evaluate(() =>
    getComputedStyle(document.documentElement).getPropertyValue('--accent'),
  )
  const color = await link.evaluate((a) => getComputedStyle(a).color)
  const probe = await page.evaluate((c) => {
    const el = document.createElement('span')
    el.style.color = c
    document.body.append(el)
    const rgb = getComputedStyle(el).color
    el.remove()
    return rgb
  }, accent.trim())
  expect(color).toBe(probe)
  await page
    .context()
    .route('https://www.harwick-ledger.example/**', (route) => route.fulfill({ body: 'outside' }))
  const [popup] = await Promise.all([page.context().waitForEvent('page'), link.click()])
  await popup.waitForLoadState()
  expect(popup.url()).toBe('https://www.harwick-ledger.example/budget')
  await popup.close()
  expect(page.url()).toContain(`/#/article/${article.id}`)
  expect(remote).toEqual([])

  for (const [w, h] of [
    [1440, 900],
    [1024, 700],
  ]) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width: w, height: h })
      await page.emulateMedia({ colorScheme: scheme })
      await page.evaluate(() => {
        const p = document.querySelector('[data-testid="article-body"] p')!
        if (!p.querySelector('a')) {
          const a = document.createElement('a')
          a.href = 'https://www.harwick-ledger.example/budget'
          a.textContent = 'the budget papers'
          p.append(' See ', a, '.')
        }
      })
      await image.scrollIntoViewIfNeeded()
      await page.screenshot({ path: `reports/screens/reader-image-${w}x${h}-${scheme}.png` })
    }
  }
})
