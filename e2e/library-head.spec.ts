// e2e: the library while the archive is still opening. The main process answers the first pages from the
// library's head (src/main/archive/library-head.ts) with `loading`, and the window asks the same pages again
// from the whole catalog. The main process's side is tested on real archives in library-head.test.ts; an archive
// that opens more slowly than this page loads (100,000 articles) is not made here, so the page's first answer is
// the real server's page marked as the head marks it, and the follow-up from the whole catalog is held until
// the screenshots are taken, then let through to the real server.
import type { Route } from '@playwright/test'
import { expect, test } from './glossa'

test('while the archive opens: the first rows, “opening…”, then the whole library', async ({
  page,
  glossa,
}) => {
  test.setTimeout(120_000)
  await Promise.all(
    Array.from({ length: 30 }, (_, n) =>
      glossa.call('articles.create', {
        title: `Harbour dispatch ${n}`,
        text: `Dispatch ${n}: the harbour handled ${n * 10} containers this week.`,
        source: 'North Wire',
      }),
    ),
  )
  const all = (await glossa.call('articles.page', { offset: 0, limit: 1 })).all
  let release: () => void = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  let opened = false
  const asked: { whole?: boolean }[] = []
  await page.route('**/api/articles.page', async (route: Route) => {
    const args = route.request().postDataJSON() as { whole?: boolean; filter?: object; sort?: string }
    asked.push(args)
    if (args.whole) {
      await held
      return route.continue()
    }
    const response = await route.fetch()
    const json = (await response.json()) as { ok: boolean; value: Record<string, unknown> }
    if (!opened && !args.filter && !args.sort) json.value.loading = true
    return route.fulfill({ response, json })
  })
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(glossa.url)
  const count = page.getByText(`${all} articles · opening…`)
  await expect(count).toBeVisible()
  const rows = page.getByRole('listbox', { name: 'Articles' }).getByRole('option')
  await expect(rows.first()).toContainText('Harbour dispatch')
  // The window asked for the same first page from the whole catalog, and waits for it.
  expect(asked.filter((a) => a.whole)).toHaveLength(1)
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    for (const size of [
      { width: 1440, height: 900 },
      { width: 1024, height: 700 },
    ]) {
      await page.setViewportSize(size)
      await expect(count).toBeVisible()
      await page.screenshot({ path: `reports/screens/library-opening-${size.width}-${scheme}.png` })
    }
  }
  opened = true
  release()
  await expect(page.getByText(`${all} articles`, { exact: true })).toBeVisible()
  await expect(count).toBeHidden()
  await expect(rows.first()).toContainText('Harbour dispatch')
})
