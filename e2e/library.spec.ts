import { expect, test } from './glossa'

test('the library lists the sample articles and opens one', async ({ page, glossa }) => {
  await page.goto(glossa.url)
  const rows = page.getByRole('listbox', { name: 'Articles' }).getByRole('option')
  await expect(rows).toHaveCount(4)
  await expect(page.getByText('4 articles')).toBeVisible()
  // The token moved from the address bar into the tab's session.
  expect(page.url()).not.toContain('token=')

  const list = await glossa.call('articles.list', {})
  const grain = list.find((a) => /grain|corridor|export/i.test(a.title))
  expect(grain).toBeDefined()
  await rows.filter({ hasText: grain!.title }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(grain!.title)
  const body = page.getByTestId('article-body')
  await expect(body).toContainText('million tonnes')
  await expect(body.locator('p').first()).toBeVisible()
  await page.screenshot({ path: 'reports/screens/library-reader.png' })
})

test('an article created over the API appears after reload, and reload keeps the open article', async ({
  page,
  glossa,
}) => {
  await page.goto(glossa.url)
  await expect(page.getByRole('listbox', { name: 'Articles' }).getByRole('option')).toHaveCount(4)
  const created = await glossa.call('articles.create', {
    title: 'Created over the API',
    text: 'Officials counted 1,203 shelters.\n\nA second paragraph follows.',
    source: 'E2E Wire',
    publishedAt: '2024-02-01',
  })
  await page.reload()
  await expect(page.getByRole('listbox', { name: 'Articles' }).getByRole('option')).toHaveCount(5)
  await page
    .getByRole('listbox', { name: 'Articles' })
    .getByRole('option')
    .filter({ hasText: 'Created over the API' })
    .click()
  await expect(page.getByTestId('article-body').locator('p')).toHaveText([
    'Officials counted 1,203 shelters.',
    'A second paragraph follows.',
  ])
  expect(page.url()).toContain(`#/article/${created.id}`)
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Created over the API')
})

test('keyboard moves through the library', async ({ page, glossa }) => {
  await page.goto(glossa.url)
  const list = page.getByRole('listbox', { name: 'Articles' })
  // Keys pressed before the rows are in move nothing: wait for them.
  await expect(list.getByRole('option')).toHaveCount(4)
  await list.focus()
  await page.keyboard.press('ArrowDown')
  await expect(
    page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { selected: true }),
  ).toHaveCount(1)
  const first = await page
    .getByRole('listbox', { name: 'Articles' })
    .getByRole('option', { selected: true })
    .textContent()
  await page.keyboard.press('ArrowDown')
  await expect(
    page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { selected: true }),
  ).not.toHaveText(first ?? '')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
})

test('the API refuses a request without the token', async ({ glossa }) => {
  const res = await fetch(`${glossa.origin}/api/articles.list`, { method: 'POST', body: '{}' })
  expect(res.status).toBe(401)
  const forged = await fetch(`${glossa.origin}/api/articles.list`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${glossa.token}`, Origin: 'http://evil.example' },
    body: '{}',
  })
  expect(forged.status).toBe(403)
})
