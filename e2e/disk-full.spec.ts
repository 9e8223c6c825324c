// e2e (priority 1): what the app shows when the disk holding the archive is full — a note's save, a tag colour.
// glossa serve runs on its own small tmpfs (a mount namespace of its own, `unshare -rm`), which the test fills
// through /proc/<pid>/root once the article is in, so every later write gets a real ENOSPC. Screenshots only
// where a mount namespace can be made (Linux with user namespaces).
import { expect, test } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { open } from 'node:fs/promises'
import { CLI } from './glossa'
import { selectText } from './reader-helpers'
import { screenshotSizes } from './screens'
import { startServe } from './serve-process'
import { typedCall } from '../test/typed-call'

const DISK = '/tmp/glossa-e2e-small-disk'
const canMount = (() => {
  try {
    execFileSync('unshare', [
      '-rm',
      'sh',
      '-c',
      `mkdir -p ${DISK} && mount -t tmpfs -o size=1m tmpfs ${DISK}`,
    ])
    return true
  } catch {
    return false
  }
})()

/** Writes zeros into the child's small disk until it refuses: the disk is then full. */
async function fillDisk(pid: number): Promise<void> {
  const file = await open(`/proc/${pid}/root${DISK}/filler`, 'w')
  try {
    for (;;) await file.write(Buffer.alloc(64 * 1024))
  } catch (err) {
    expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC')
  } finally {
    await file.close().catch(() => undefined)
  }
}

test('a full disk: the note stays a draft and the status says the disk is full; a tag colour says so too', async ({
  page,
}) => {
  test.skip(!canMount, 'no mount namespace here (unshare -rm failed), so no small disk to fill')
  test.setTimeout(120_000)
  const mount = `mkdir -p ${DISK} && mount -t tmpfs -o size=8m tmpfs ${DISK} && exec "$@"`
  const serving = await startServe(CLI, `${DISK}/archive`, 20_000, {
    wrap: ['unshare', '-rm', 'sh', '-c', mount, 'sh'],
  })
  try {
    const origin = new URL(serving.url).origin
    const token = new URL(serving.url).hash.replace('#token=', '')
    const call = typedCall(async (method, args) => {
      const res = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(args),
      })
      const result = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } }
      if (!result.ok) throw new Error(result.error?.message)
      return result.value
    })
    const article = await call('articles.create', {
      title: 'Water supply cut on Station Road',
      text: 'The water board said 3,400 households were without supply on Monday morning.',
      source: 'E2E',
      tags: ['water'],
    })
    await page.goto(serving.url)
    await page.goto(`${origin}/#/article/${article.id}`)
    await expect(page.getByTestId('article-body')).toContainText('3,400 households')
    await fillDisk(serving.child.pid ?? 0)

    // A highlight and its note: not saved, said in words, and kept on the page.
    await selectText(page, '3,400', 'households')
    await page
      .getByRole('toolbar', { name: 'Selection' })
      .getByRole('button', { name: /yellow/ })
      .click()
    await expect(page.getByRole('status')).toHaveText(
      /^Not saved — retrying: The disk holding the archive is full/,
    )
    await expect(page.locator('.annotation-card')).toContainText('Not saved yet')
    await screenshotSizes(page, 'disk-full-note')

    // A tag colour: refused with the same words, and not shown as set.
    await page.goto(`${origin}/#/tags`)
    await page.getByRole('button', { name: /green/i }).first().click()
    await expect(page.getByRole('alert')).toHaveText(
      /^The disk holding the archive is full: the change was not saved/,
    )
    await screenshotSizes(page, 'disk-full-tag-colour')
    expect((await call('tags.list', {})).find((t) => t.name === 'water')?.color ?? null).toBeNull()

    // A new collection for two articles: refused with the same words, and no collection made.
    await page.goto(`${origin}/#/`)
    const rows = page.getByRole('listbox', { name: 'Articles' }).getByRole('option')
    await rows.nth(0).click({ modifiers: ['Control'] })
    await rows.nth(1).click({ modifiers: ['Shift'] })
    const bar = page.getByRole('region', { name: 'Selected articles' })
    await bar.getByRole('button', { name: 'Add to collection…' }).click()
    await bar.getByLabel('New collection').fill('Harbour inquiry')
    await bar.getByLabel('New collection').press('Enter')
    await expect(
      page.getByText(/^The disk holding the archive is full: the change was not saved/),
    ).toBeVisible()
    await screenshotSizes(page, 'disk-full-collection')
    expect(await call('collections.list', {})).toEqual([])
  } finally {
    serving.child.kill('SIGTERM')
  }
})
