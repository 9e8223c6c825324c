// e2e: two archives in a team through a real CouchDB-protocol server (pouchdb-server in memory). A is a second
// `glossa serve` driven over its API; B is the window under test. Both edit one note offline; B's Team dialog
// shows the conflict with both texts and who wrote each, and "Keep both texts" ends it on both sides.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { describe as describeTarget } from '../src/shared/anchoring'
import { startCouch } from '../test/sync/couch-server'
import { removeTrash } from '../src/main/archive/trash'
import type { CouchServer } from '../test/sync/couch-server'
import { CLI, expect, test } from './glossa'
import type { Glossa } from './glossa'
import { screenshotSizes } from './screens'
import { startServe } from './serve-process'
import type { ServeProcess } from './serve-process'

const TEXT = 'The harbour plan costs 40 million euros, the council said on Tuesday.'
const start = TEXT.indexOf('council')
const target = {
  quote: {
    type: 'TextQuoteSelector' as const,
    exact: 'council',
    prefix: TEXT.slice(0, start),
    suffix: TEXT.slice(start + 7),
  },
  position: { type: 'TextPositionSelector' as const, start, end: start + 7 },
}

// Each test runs several syncs, each a job process talking to the server: minutes on a loaded machine.
test.describe.configure({ timeout: 300_000 })
// Live sync looks at the server every second here (15 s in use); `glossa serve` reads it from its environment.
process.env.GLOSSA_SYNC_POLL_MS = '1000'

let couch: CouchServer
let dbs = 0
test.beforeAll(async () => {
  couch = await startCouch()
})
test.afterAll(async () => couch?.stop())

/** A second member's Glossa: its own archive and `glossa serve`, called over HTTP. */
async function member(): Promise<{
  call: (method: string, args: object) => Promise<unknown>
  stop: () => Promise<void>
  dir: string
}> {
  const dir = await mkdtemp(join(tmpdir(), 'glossa-e2e-team-'))
  const serve: ServeProcess = await startServe(CLI, dir, 20_000)
  const url = new URL(serve.url)
  const token = url.hash.replace('#token=', '')
  return {
    dir,
    call: async (method, args) => {
      const res = await fetch(`${url.origin}/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(args),
      })
      const result = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } }
      if (!result.ok) throw new Error(`${method}: ${result.error?.message}`)
      return result.value
    },
    stop: async () => {
      serve.child.kill('SIGTERM')
      await new Promise((done) => serve.child.once('exit', done))
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** A conflict on one note, made by ann (A) and rob (B, the window) editing it offline. */
async function conflict(glossa: Glossa) {
  const url = await couch.team(`e2e${++dbs}`, { ann: 'pw-ann', rob: 'pw-rob' })
  const a = await member()
  await a.call('sync.configure', { remote: url, user: 'ann', password: 'pw-ann' })
  const article = (await a.call('articles.create', { title: 'Harbour plan', text: TEXT })) as { id: string }
  const note = (await a.call('annotations.create', { articleId: article.id, note: 'first', target })) as {
    id: string
  }
  await a.call('sync.run', {})
  await glossa.call('sync.configure', { remote: url, user: 'rob', password: 'pw-rob' })
  await glossa.call('sync.run', {})
  await a.call('annotations.update', {
    articleId: article.id,
    id: note.id,
    note: 'The council meant gross cost.',
  })
  await glossa.call('annotations.update', {
    articleId: article.id,
    id: note.id,
    note: 'Check against the 2024 budget.',
  })
  await a.call('sync.run', {})
  return { a, article, note }
}

async function openTeamAndSync(page: Page, glossa: Glossa) {
  await page.goto(glossa.url)
  await page.getByRole('button', { name: 'Team…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Team' })
  await expect(dialog.getByLabel('Database')).not.toHaveValue('')
  await dialog.getByRole('button', { name: 'Sync now' }).click()
  // A sync starts a job process and talks to the server: slow on a loaded machine.
  await expect(dialog.getByRole('status')).toContainText('1 conflict', { timeout: 60_000 })
  return dialog
}

test('a conflict made offline on two sides shows in B with both texts and who wrote each; merged, it ends', async ({
  page,
  glossa,
}) => {
  const { a, article, note } = await conflict(glossa)
  try {
    const dialog = await openTeamAndSync(page, glossa)
    const item = dialog.getByRole('region', { name: 'Conflicts' }).getByRole('listitem').first()
    await expect(item.getByLabel('conflict')).toBeVisible()
    await expect(item).toContainText('in “Harbour plan”')
    await expect(item).toContainText('The council meant gross cost.')
    await expect(item).toContainText('Check against the 2024 budget.')
    await expect(item).toContainText('ann')
    await expect(item).toContainText('rob')
    await item.getByRole('button', { name: 'Keep both texts' }).click()
    await expect(dialog.getByRole('region', { name: 'Conflicts' })).toHaveCount(0, { timeout: 60_000 })
    await dialog.getByRole('button', { name: 'Sync now' }).click()
    await expect(dialog).toContainText('Sent 1, received', { timeout: 60_000 })
    await expect(dialog.getByRole('status')).not.toContainText('conflict')
    await a.call('sync.run', {})
    const [kept] = (await a.call('annotations.list', { articleId: article.id })) as {
      id: string
      note: string
    }[]
    expect(kept).toMatchObject({ id: note.id })
    expect(kept!.note).toContain('The council meant gross cost.')
    expect(kept!.note).toContain('Check against the 2024 budget.')
    expect(await a.call('sync.conflicts', {})).toEqual([])
  } finally {
    await a.stop()
  }
})

test('an article another member emptied from the trash, annotated here offline: the Team dialog says it was kept', async ({
  page,
  glossa,
}) => {
  const url = await couch.team(`e2e${++dbs}`, { ann: 'pw-ann', rob: 'pw-rob' })
  const a = await member()
  try {
    await a.call('sync.configure', { remote: url, user: 'ann', password: 'pw-ann' })
    const article = (await glossa.call('articles.create', { title: 'Harbour plan', text: TEXT })) as {
      id: string
    }
    await glossa.call('sync.configure', { remote: url, user: 'rob', password: 'pw-rob' })
    await glossa.call('sync.run', {})
    await a.call('sync.run', {})
    // Ann deletes it and empties her trash; Rob (the window), offline, adds a note to it.
    await a.call('articles.delete', { ids: [article.id] })
    await removeTrash(a.dir, article.id)
    await a.call('sync.run', {})
    await glossa.call('annotations.create', { articleId: article.id, note: 'typed offline', target })
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.emulateMedia({ colorScheme: 'light' })
    await page.goto(glossa.url)
    await page.getByRole('button', { name: 'Team…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Team' })
    await expect(dialog.getByLabel('Database')).not.toHaveValue('')
    await dialog.getByRole('button', { name: 'Sync now' }).click()
    await expect(dialog.getByRole('list', { name: 'Kept here' })).toHaveText(
      'Kept here: “Harbour plan” — emptied from the trash by another member; your unsent changes kept it, the next sync sends it back.',
      { timeout: 60_000 },
    )
    await expect(dialog.getByRole('status')).toContainText('1 article kept here')
    await page.screenshot({ path: 'reports/screens/team-kept-1440x900-light.png' })
  } finally {
    await a.stop()
  }
})

test('a wrong password and an unreachable server say so in the Team dialog', async ({ page, glossa }) => {
  const url = await couch.team(`e2e${++dbs}`, { rob: 'pw-rob' })
  await glossa.call('sync.configure', { remote: url, user: 'rob', password: 'nope' })
  await page.goto(glossa.url)
  await page.getByRole('button', { name: 'Team…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Team' })
  await dialog.getByRole('button', { name: 'Sync now' }).click()
  await expect(dialog).toContainText('refused user “rob”', { timeout: 60_000 })
  await dialog.getByLabel('Database').fill('http://127.0.0.1:9/team')
  await dialog.getByRole('button', { name: 'Sync now' }).click()
  await expect(dialog.getByRole('status')).toContainText('Offline', { timeout: 60_000 })
})

for (const [width, height] of [
  [1440, 900],
  [1024, 700],
]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshot of the Team dialog with a conflict, ${width}×${height}, ${scheme}`, async ({
      page,
      glossa,
    }) => {
      const { a } = await conflict(glossa)
      try {
        await page.setViewportSize({ width, height })
        await page.emulateMedia({ colorScheme: scheme })
        await openTeamAndSync(page, glossa)
        await page.screenshot({ path: `reports/screens/team-conflict-${width}x${height}-${scheme}.png` })
      } finally {
        await a.stop()
      }
    })
  }
}

test('figures from two team members that disagree appear in the Conflicts list with who tagged each', async ({
  page,
  glossa,
}) => {
  const list = await glossa.call('articles.list', {})
  const tagAs = async (user: string, title: RegExp, needle: string, value: number) => {
    await glossa.call('sync.configure', { remote: 'http://127.0.0.1:9/team', user })
    const a = await glossa.call('articles.get', { id: list.find((x) => title.test(x.title))!.id })
    const at = a.text.indexOf(needle)
    const figure = { value, metric: 'drones/launched', periodStart: '2024-01-01', periodEnd: '2024-01-07' }
    await glossa.call('annotations.create', {
      articleId: a.id,
      kind: 'figure',
      target: describeTarget(a.text, at, at + needle.length),
      figure,
    })
  }
  await tagAs('ann', /79% of drones/, '520', 520)
  await tagAs('rob', /Repair crews/, 'about 480', 480)
  await page.goto(glossa.url)
  await page.getByRole('tab', { name: 'Figures' }).click()
  const conflict = page.getByRole('region', { name: 'Conflicts' }).locator('.conflict')
  await expect(conflict).toHaveCount(1)
  await expect(conflict).toContainText('tagged by ann')
  await expect(conflict).toContainText('tagged by rob')
})

test('live sync: what A sends appears in the window by itself; offline the footer says so, and the change goes when the server is back', async ({
  page,
  glossa,
}) => {
  // The databases on disk: the server stops (the network is gone) and starts again with them.
  const disk = await startCouch({ onDisk: true })
  const a = await member()
  try {
    const url = await disk.team('live', { ann: 'pw-ann', rob: 'pw-rob' })
    await a.call('sync.configure', { remote: url, user: 'ann', password: 'pw-ann' })
    await glossa.call('sync.configure', { remote: url, user: 'rob', password: 'pw-rob', live: true })
    await page.goto(glossa.url)
    const badge = page.getByRole('status', { name: 'Team sync status' })
    await expect(badge).toContainText('Synced', { timeout: 60_000 })

    const article = (await a.call('articles.create', { title: 'Harbour plan', text: TEXT })) as { id: string }
    await a.call('sync.run', {})
    // No "Sync now": live sync takes it in and the library shows it.
    await expect(page.getByRole('option', { name: /Harbour plan/ })).toBeVisible({ timeout: 60_000 })

    await disk.pause()
    await glossa.call('annotations.create', { articleId: article.id, note: 'saved offline', target })
    await expect(badge).toContainText('Offline', { timeout: 60_000 })
    await expect(badge).toContainText('1 change waiting')
    await screenshotSizes(page, 'team-live-offline')

    await disk.resume()
    await expect(badge).toContainText('Synced', { timeout: 60_000 })
    await expect(badge).not.toContainText('waiting')
    await a.call('sync.run', {})
    const notes = (await a.call('annotations.list', { articleId: article.id })) as { note: string }[]
    expect(notes.map((n) => n.note)).toEqual(['saved offline'])
  } finally {
    await a.stop()
    await disk.stop()
  }
})

test('share chosen collections: picked in the Team dialog, only that collection’s article reaches the team', async ({
  page,
  glossa,
}) => {
  const url = await couch.team(`e2e${++dbs}`, { rob: 'pw-rob' })
  const port = (await glossa.call('collections.create', { name: 'Port' })) as { id: string }
  await glossa.call('collections.create', { name: 'Private leads' })
  const article = (await glossa.call('articles.create', { title: 'Harbour plan', text: TEXT })) as {
    id: string
  }
  await glossa.call('articles.bulkUpdate', { ids: [article.id], addCollections: [port.id] })
  await glossa.call('sync.configure', { remote: url, user: 'rob', password: 'pw-rob' })
  await page.goto(glossa.url)
  await page.getByRole('button', { name: 'Team…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Team' })
  await dialog.getByLabel('Chosen collections only').check()
  await dialog.getByRole('group', { name: 'Collections shared' }).getByLabel('Port').check()
  await screenshotSizes(page, 'team-share')
  await dialog.getByRole('button', { name: 'Sync now' }).click()
  await expect(dialog).toContainText('Sent 2, received', { timeout: 60_000 })
  const res = await fetch(`${url}/_all_docs`, {
    headers: { Authorization: `Basic ${Buffer.from('rob:pw-rob').toString('base64')}` },
  })
  const ids = ((await res.json()) as { rows: { id: string }[] }).rows.map((r) => r.id).sort()
  expect(ids).toEqual([`article:${article.id}`, `collection:${port.id}`])
  expect(await glossa.call('sync.status', {})).toMatchObject({ share: [port.id] })
})

test('filter by person: the library and the Figures view show what one team member annotated', async ({
  page,
  glossa,
}) => {
  const list = await glossa.call('articles.list', {})
  const tagAs = async (user: string, title: RegExp, needle: string, value: number) => {
    await glossa.call('sync.configure', { remote: 'http://127.0.0.1:9/team', user })
    const a = await glossa.call('articles.get', { id: list.find((x) => title.test(x.title))!.id })
    const at = a.text.indexOf(needle)
    await glossa.call('annotations.create', {
      articleId: a.id,
      kind: 'figure',
      target: describeTarget(a.text, at, at + needle.length),
      figure: { value, metric: 'drones/launched', periodStart: '2024-01-01', periodEnd: '2024-01-07' },
    })
  }
  await tagAs('ann', /79% of drones/, '520', 520)
  await tagAs('rob', /Repair crews/, 'about 480', 480)
  await page.goto(glossa.url)
  await page.getByRole('button', { name: 'Filters' }).click()
  await page.getByLabel('Filter by person').selectOption('ann')
  const rows = page.getByRole('listbox', { name: 'Articles' }).getByRole('option')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('79% of drones')
  await expect(page.getByText('annotated by ann')).toBeVisible()
  await screenshotSizes(page, 'team-person-filter')
  await page.keyboard.press('Escape')
  await page.getByRole('tab', { name: 'Figures' }).click()
  await page.getByLabel('Tagged by').selectOption('rob')
  const figures = page.locator('.figures-table tbody tr')
  await expect(figures).toHaveCount(1)
  await expect(figures.first()).toContainText('480')
  await page.screenshot({ path: 'reports/screens/team-figures-tagged-by-1024x700-dark.png' })
})

test('a conflict is marked on the note in the reader, and resolved there: both texts kept, on both sides', async ({
  page,
  glossa,
}) => {
  const { a, article, note } = await conflict(glossa)
  try {
    await glossa.call('sync.run', {})
    await page.goto(glossa.url)
    await page
      .getByRole('listbox', { name: 'Articles' })
      .getByRole('option', { name: /Harbour plan/ })
      .click()
    const card = page.locator(`[data-annotation-id="${note.id}"]`)
    const notice = card.getByRole('group', { name: 'Conflict' })
    await expect(notice).toContainText('Changed on two sides', { timeout: 30_000 })
    await expect(notice).toContainText('The council meant gross cost.')
    await expect(notice).toContainText('Check against the 2024 budget.')
    await expect(notice).toContainText('ann')
    await expect(notice).toContainText('rob')
    await screenshotSizes(page, 'team-reader-conflict', async () => {
      // Narrower than 1200 px the annotations are a drawer: opened from the toolbar.
      if (!(await notice.isVisible())) await page.getByRole('button', { name: /^Annotations/ }).click()
      await notice.scrollIntoViewIfNeeded()
    })
    await notice.getByRole('button', { name: 'Keep both texts' }).click()
    await expect(notice).toHaveCount(0, { timeout: 30_000 })
    await expect(card).toContainText('The council meant gross cost.')
    await expect(card).toContainText('Check against the 2024 budget.')
    await glossa.call('sync.run', {})
    await a.call('sync.run', {})
    expect(await a.call('sync.conflicts', {})).toEqual([])
    const [kept] = (await a.call('annotations.list', { articleId: article.id })) as { note: string }[]
    expect(kept!.note).toContain('The council meant gross cost.')
    expect(kept!.note).toContain('Check against the 2024 budget.')
  } finally {
    await a.stop()
  }
})
