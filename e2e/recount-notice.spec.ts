// e2e: after an unexpected shutdown (a power cut while the archive was open) `glossa serve` reads every article's
// annotation counts again in the background, and the export waits for it; the researcher is told. The archive is
// left as a power cut leaves it (saves on disk, the catalog's counts before them, an open mark from another boot
// of the computer), and the real recount is held after its first article (GLOSSA_TEST_RECOUNT_GATE: it reads no
// further until a file `go` is in that folder — counts-check.ts), so its state under way is there to look at
// without timing: the library's footer says the counts are being checked and how far, the export dialog says what
// its preview waits for, the Figures view (read from the annotations files, not the counts) answers meanwhile;
// once the recount goes on, both notices go, the export has the figures the stale counts left out, and the
// library shows the counts mended.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe } from '../src/shared/anchoring'
import { OPEN_MARK_FILE } from '../src/main/archive/open-mark'
import type { OpenMark } from '../src/main/archive/open-mark'
import { IN_FLIGHT_FILE } from '../src/main/archive/saves-in-flight'
import { expect, test } from './glossa'
import type { Glossa } from './glossa'
import { screenshotSizes } from './screens'

const DAY = 24 * 3600 * 1000

/** A figure tagged `tag` on the sample article whose title matches `title`. */
async function tagFigure(glossa: Glossa, title: RegExp, exact: string, metric: string, tag: string) {
  const article = (await glossa.call('articles.list', {})).find((a) => title.test(a.title))!
  const { text } = await glossa.call('articles.get', { id: article.id })
  const start = text.indexOf(exact)
  await glossa.call('annotations.create', {
    articleId: article.id,
    target: describe(text, start, start + exact.length),
    figure: { value: Number(exact.replace(/\D/g, '')), metric },
    tags: [tag],
  })
}

test('after an unexpected shutdown: the footer and the export say the counts are checked, then the notices go', async ({
  page,
  glossa,
}) => {
  test.setTimeout(180_000)
  const catalog = join(glossa.archiveDir, 'catalog')
  const before = `${glossa.archiveDir}-catalog-before`
  // A figure on each of two articles; the catalog then, copied while the server is stopped; a second figure on each.
  await tagFigure(glossa, /79% of drones/, '79%', 'drones/downed-share', 'before-cut')
  await tagFigure(glossa, /Repair crews/, '1,850 MW', 'grid/restored', 'before-cut')
  await glossa.restart(() => cp(catalog, before, { recursive: true }))
  await tagFigure(glossa, /79% of drones/, '520', 'drones/launched', 'after-cut')
  await tagFigure(glossa, /Repair crews/, 'about 480', 'drones/launched', 'after-cut')
  const gate = await mkdtemp(join(tmpdir(), 'glossa-gate-'))
  process.env.GLOSSA_TEST_RECOUNT_GATE = gate
  try {
    // As a power cut leaves the archive: the saves' annotations files on disk, the catalog (counts and tags) as
    // before them, and the mark a process of an earlier boot of the computer left.
    await glossa.restart(async () => {
      await rm(catalog, { recursive: true, force: true })
      await cp(before, catalog, { recursive: true })
      await rm(join(glossa.archiveDir, IN_FLIGHT_FILE), { force: true })
      const left: OpenMark = {
        pid: 4_194_400,
        host: hostname(),
        bootedAt: Date.now() - 3 * DAY,
        openedAt: new Date(Date.now() - 3 * DAY).toISOString(),
      }
      await writeFile(join(glossa.archiveDir, OPEN_MARK_FILE), JSON.stringify(left))
    })
  } finally {
    delete process.env.GLOSSA_TEST_RECOUNT_GATE
    await rm(before, { recursive: true, force: true })
  }
  const figureCounts = page.getByRole('listbox', { name: 'Articles' }).locator('.count.figures')
  const footerNotice = page
    .locator('.library-footer')
    .getByRole('status')
    .filter({ hasText: 'annotation counts' })
  const dialog = page.getByRole('dialog', { name: 'Export' })
  try {
    await expect
      .poll(async () => (await glossa.call('archive.status', {})).recount?.done, { timeout: 60_000 })
      .toBe(1)
    const { recount } = await glossa.call('archive.status', {})
    const of = recount!.of.toLocaleString('en')
    expect(recount!.of).toBeGreaterThanOrEqual(2)

    await page.goto(glossa.url)
    await expect(footerNotice).toHaveText(
      `Checking annotation counts after an unexpected shutdown — 1 of ${of} articles`,
    )
    // One of the two articles is counted again so far; the other's counts still say one figure, not two.
    await expect(figureCounts.filter({ hasText: '2 fig' })).toHaveCount(1)
    await expect(figureCounts.filter({ hasText: '1 fig' })).toHaveCount(1)
    await screenshotSizes(page, 'recount-library', () => expect(footerNotice).toBeVisible())

    // The Figures view reads the annotations files, not the counts: it answers while the recount is held.
    await page.getByRole('tab', { name: 'Figures' }).click()
    await expect(page.getByText('4 figures tagged across the archive')).toBeVisible()
    await expect(footerNotice).toBeVisible()
    await page.getByRole('tab', { name: 'Articles' }).click()

    await page.getByRole('button', { name: 'Export…' }).click()
    await dialog.getByLabel('Figures dataset (CSV)').check()
    await dialog.getByLabel('Scope').selectOption('tag')
    await dialog.getByLabel('Tag to export').fill('after-cut')
    const waiting = dialog.getByRole('status').filter({ hasText: 'annotation counts' })
    await expect(waiting).toHaveText(
      `The export waits for the annotation counts, checked again after an unexpected shutdown — 1 of ${of} articles`,
    )
    await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toBeDisabled()
    await screenshotSizes(page, 'recount-export', () => expect(waiting).toBeVisible())
  } finally {
    await writeFile(join(gate, 'go'), '')
  }
  // The recount goes on and ends: the preview comes in, and neither notice is left.
  await expect(dialog.getByTestId('export-preview')).toContainText('about')
  await expect(dialog.getByTestId('export-preview')).toContainText('520')
  await expect(dialog.getByRole('status').filter({ hasText: 'annotation counts' })).toHaveCount(0)
  await expect(footerNotice).toHaveCount(0)
  // The library is read again once the recount ends: both articles' figures counted, without reloading the page.
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(figureCounts.filter({ hasText: '2 fig' })).toHaveCount(2)
  expect(await glossa.call('archive.status', {})).toEqual({})
  await rm(gate, { recursive: true, force: true })
})
