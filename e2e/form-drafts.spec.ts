// Nothing typed is lost outside the reader either: the Team dialog's address and user, a new collection's name
// and a tag's new name are drafts until the change is on disk. Closing the panel or reloading keeps them;
// reopening shows them; once saved the draft is gone.
import type { Page } from '@playwright/test'
import { expect, test } from './glossa'

const rows = (page: Page) => page.getByRole('listbox', { name: 'Articles' }).getByRole('option')

/** The drafts the page keeps (drafts.ts), by the start of their key. */
const draftKeys = (page: Page, head: string) =>
  page.evaluate((h) => Object.keys(localStorage).filter((k) => k.startsWith(`glossa-draft:${h}`)), head)

test('the Team dialog keeps the address and user typed through a close and a reload, until configured', async ({
  page,
  glossa,
}) => {
  await page.goto(glossa.url)
  const open = async () => {
    await page.getByRole('button', { name: 'Team…' }).click()
    return page.getByRole('dialog', { name: 'Team' })
  }
  let dialog = await open()
  await dialog.getByLabel('Database').fill('http://127.0.0.1:9/newsroom')
  await dialog.getByLabel('User name').fill('rob')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toHaveCount(0)

  dialog = await open()
  await expect(dialog.getByLabel('Database')).toHaveValue('http://127.0.0.1:9/newsroom')
  await expect(dialog.getByLabel('User name')).toHaveValue('rob')

  await page.reload()
  dialog = await open()
  await expect(dialog.getByLabel('Database')).toHaveValue('http://127.0.0.1:9/newsroom')
  await expect(dialog.getByLabel('User name')).toHaveValue('rob')
  // The password is never kept in the page's storage.
  await dialog.getByLabel('Password').fill('secret-pw')
  expect(JSON.stringify(await page.evaluate(() => ({ ...localStorage })))).not.toContain('secret-pw')

  // Sync now configures first (then finds nobody at the address): the settings are on disk, the draft is gone.
  await dialog.getByRole('button', { name: 'Sync now' }).click()
  await expect.poll(() => draftKeys(page, 'team:')).toEqual([])
  const status = await glossa.call('sync.status', {})
  expect(status.remote).toBe('http://127.0.0.1:9/newsroom')
  expect(status.user).toBe('rob')
})

test('a new collection’s name survives closing the picker and a reload, and goes once it is made', async ({
  page,
  glossa,
}) => {
  await page.goto(glossa.url)
  const select = async () => {
    await expect(rows(page)).toHaveCount(4)
    await rows(page)
      .nth(0)
      .click({ modifiers: ['Control'] })
    await rows(page)
      .nth(1)
      .click({ modifiers: ['Shift'] })
    const bar = page.getByRole('region', { name: 'Selected articles' })
    await expect(bar).toContainText('2 articles selected')
    await bar.getByRole('button', { name: 'Add to collection…' }).click()
    return bar.getByLabel('New collection')
  }
  let field = await select()
  await field.fill('Harbour inquiry')
  await page.keyboard.press('Escape')
  await expect(field).toHaveCount(0)
  await page
    .getByRole('region', { name: 'Selected articles' })
    .getByRole('button', { name: 'Add to collection…' })
    .click()
  await expect(field).toHaveValue('Harbour inquiry')

  await page.reload()
  field = await select()
  await expect(field).toHaveValue('Harbour inquiry')
  await field.press('Enter')
  await expect(page.getByText('Added 2 articles to the collection')).toBeVisible()
  const collections = await glossa.call('collections.list', {})
  expect(collections.map((c) => c.name)).toEqual(['Harbour inquiry'])
  await expect.poll(() => draftKeys(page, 'collection:')).toEqual([])
})

test('a tag’s new name survives leaving the Tags view and a reload, and goes once renamed', async ({
  page,
  glossa,
}) => {
  const [first] = await glossa.call('articles.list', {})
  await glossa.call('articles.update', { id: first!.id, tags: ['strikes/launched'] })
  await page.goto(glossa.url)
  await page.getByRole('tab', { name: 'Tags' }).click()
  await page.locator('tr[data-tag="strikes"]').getByRole('button', { name: 'Rename' }).click()
  const field = page.getByLabel('New name for strikes')
  await field.fill('attacks')

  await page.getByRole('tab', { name: 'Articles' }).click()
  await expect(field).toHaveCount(0)
  await page.getByRole('tab', { name: 'Tags' }).click()
  await expect(field).toHaveValue('attacks')

  await page.reload()
  await page.getByRole('tab', { name: 'Tags' }).click()
  await expect(field).toHaveValue('attacks')
  await field.press('Enter')
  await expect(page.locator('tr[data-tag="attacks/launched"]')).toBeVisible()
  await expect.poll(() => draftKeys(page, 'tag-rename:')).toEqual([])
  const after = await glossa.call('articles.list', {})
  expect(after.find((a) => a.id === first!.id)!.tags).toEqual(['attacks/launched'])

  // Escape gives a new name up: the field does not come back.
  await page.locator('tr[data-tag="attacks"]').getByRole('button', { name: 'Rename' }).click()
  await page.getByLabel('New name for attacks').fill('raids')
  await page.getByLabel('New name for attacks').press('Escape')
  await page.reload()
  await page.getByRole('tab', { name: 'Tags' }).click()
  await expect(page.locator('tr[data-tag="attacks"]')).toBeVisible()
  await expect(page.getByLabel('New name for attacks')).toHaveCount(0)
})

test('the archive is asked for its folder once per window, however many articles are opened', async ({
  page,
  glossa,
}) => {
  let asked = 0
  page.on('request', (r) => {
    if (r.url().endsWith('/api/app.info')) asked++
  })
  await page.goto(glossa.url)
  await expect(rows(page)).toHaveCount(4)
  for (const n of [0, 1, 2]) {
    await rows(page).nth(n).click()
    await expect(page.getByTestId('article-body')).toBeVisible()
    // The reader asks for the article's annotations and (before) the archive's folder together.
    await page.waitForLoadState('networkidle')
  }
  expect(asked).toBe(1)
})

test('an address typed in the Team dialog before the window knows its archive is kept all the same', async ({
  page,
  glossa,
}) => {
  // app.info answers late (a loaded machine): the dialog is opened, typed in and closed before it does.
  let answer: () => void = () => {}
  const answered = new Promise<void>((resolve) => (answer = resolve))
  await page.route('**/api/app.info', async (route) => {
    await answered
    await route.continue()
  })
  await page.goto(glossa.url)
  let dialog = page.getByRole('dialog', { name: 'Team' })
  await page.getByRole('button', { name: 'Team…' }).click()
  await dialog.getByLabel('Database').fill('http://127.0.0.1:9/late')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toHaveCount(0)
  answer()
  await expect.poll(() => draftKeys(page, 'team:')).toHaveLength(1)
  await page.getByRole('button', { name: 'Team…' }).click()
  dialog = page.getByRole('dialog', { name: 'Team' })
  await expect(dialog.getByLabel('Database')).toHaveValue('http://127.0.0.1:9/late')
})
