// annotations.create with an id the reader made: a creation sent again (its answer lost, the page reloaded)
// returns the annotation it made instead of adding a second one. annotations.update with the time the change
// was made: a change older than the stored state (sent again, or held by another window) does not overwrite it;
// annotations.delete alike: a deletion made before the annotation's stored state leaves it.
import { describe, expect, it } from 'vitest'
import { serviceHarness } from '../../../test/service-harness'
import { sampleTarget } from '../../../test/temp-archive'
import { updateStamp } from './annotations'

const TEXT = 'The harbour plan costs 40 million euros, the council said on Tuesday.'

describe('annotations.create with a client-made id', () => {
  it('keeps the id, and a second creation with it returns the first without adding one', async () => {
    const h = await serviceHarness()
    const article = await h.call('articles.create', { title: 'Harbour plan', text: TEXT })
    const args = { articleId: article.id, id: 'a1b2c3d4e5f6', target: sampleTarget(TEXT, 'council') }
    const first = await h.call('annotations.create', { ...args, color: 'green' })
    expect(first).toMatchObject({ id: 'a1b2c3d4e5f6', color: 'green' })
    const again = await h.call('annotations.create', { ...args, color: 'green' })
    expect(again).toEqual(first)
    expect(await h.call('annotations.list', { articleId: article.id })).toEqual([first])
    // Without an id the archive makes one, as before.
    const made = await h.call('annotations.create', {
      articleId: article.id,
      target: sampleTarget(TEXT, 'harbour'),
    })
    expect(made.id).toMatch(/^[0-9a-f]{12}$/)
  })

  it('refuses an id that is not an id', async () => {
    const h = await serviceHarness()
    const article = await h.call('articles.create', { title: 'Harbour plan', text: TEXT })
    await expect(
      h.call('annotations.create', {
        articleId: article.id,
        id: '../x',
        target: sampleTarget(TEXT, 'council'),
      }),
    ).rejects.toThrow(/id/)
  })
})

/** An article with one highlight, on a real archive. */
async function withHighlight() {
  const h = await serviceHarness()
  const article = await h.call('articles.create', { title: 'Harbour plan', text: TEXT })
  const made = await h.call('annotations.create', {
    articleId: article.id,
    target: sampleTarget(TEXT, 'council'),
  })
  return { h, article, made }
}

/** Waits for the clock to pass `iso`, so a change made now is later than what is stored. */
async function after(iso: string): Promise<string> {
  while (Date.now() <= Date.parse(iso)) await new Promise((r) => setTimeout(r, 1))
  return new Date().toISOString()
}

describe('annotations.update with the time the change was made', () => {
  it('does not let a change made before the stored state overwrite it, and returns the stored state', async () => {
    const { h, article, made } = await withHighlight()
    // One window's change, made and held while another window saved a newer one.
    const held = new Date(Date.parse(made.updatedAt) - 60_000).toISOString()
    const newer = await h.call('annotations.update', {
      articleId: article.id,
      id: made.id,
      note: 'newer',
      madeAt: await after(made.updatedAt),
    })
    const replayed = await h.call('annotations.update', {
      articleId: article.id,
      id: made.id,
      note: 'older',
      color: 'pink',
      madeAt: held,
    })
    expect(replayed).toEqual(newer)
    expect(await h.call('annotations.list', { articleId: article.id })).toEqual([newer])
  })

  it('applies a later change with its time as updatedAt; without a time, as before, now', async () => {
    const { h, article, made } = await withHighlight()
    const at = await after(made.updatedAt)
    const next = await h.call('annotations.update', {
      articleId: article.id,
      id: made.id,
      note: 'a',
      madeAt: at,
    })
    expect(next).toMatchObject({ note: 'a', updatedAt: at })
    const plain = await h.call('annotations.update', { articleId: article.id, id: made.id, note: 'b' })
    expect(plain.note).toBe('b')
    expect(Date.parse(plain.updatedAt)).toBeGreaterThanOrEqual(Date.parse(at))
  })

  it('refuses a time that is not an ISO time', async () => {
    const { h, article, made } = await withHighlight()
    await expect(
      h.call('annotations.update', { articleId: article.id, id: made.id, note: 'x', madeAt: 'yesterday' }),
    ).rejects.toThrow(/madeAt/)
  })
})

describe('annotations.delete with the time the deletion was made', () => {
  it('keeps an annotation saved after the deletion was made, and returns it', async () => {
    const { h, article, made } = await withHighlight()
    // One window deletes it and holds the deletion; another window changes the note after.
    const deletedAt = await after(made.updatedAt)
    const newer = await h.call('annotations.update', {
      articleId: article.id,
      id: made.id,
      note: 'changed in another window',
      madeAt: await after(deletedAt),
    })
    const held = await h.call('annotations.delete', { articleId: article.id, id: made.id, madeAt: deletedAt })
    expect(held).toEqual({ ok: true, kept: newer })
    expect(await h.call('annotations.list', { articleId: article.id })).toEqual([newer])
  })

  it('deletes an annotation last saved before the deletion was made; without a time, as before', async () => {
    const h = await serviceHarness()
    const article = await h.call('articles.create', { title: 'Harbour plan', text: TEXT })
    const target = sampleTarget(TEXT, 'council')
    const one = await h.call('annotations.create', { articleId: article.id, target })
    const two = await h.call('annotations.create', { articleId: article.id, target })
    const at = await after(two.updatedAt)
    expect(await h.call('annotations.delete', { articleId: article.id, id: one.id, madeAt: at })).toEqual({
      ok: true,
    })
    expect(await h.call('annotations.delete', { articleId: article.id, id: two.id })).toEqual({ ok: true })
    expect(await h.call('annotations.list', { articleId: article.id })).toEqual([])
    await expect(
      h.call('annotations.delete', { articleId: article.id, id: one.id, madeAt: 'yesterday' }),
    ).rejects.toThrow(/madeAt/)
  })
})

describe('updateStamp', () => {
  const now = '2026-12-07T04:00:00.000Z'
  it.each([
    ['no time given: now', '2026-12-07T03:00:00.000Z', undefined, now],
    [
      'made after the stored state: its time',
      '2026-12-07T03:00:00.000Z',
      '2026-12-07T03:30:00.000Z',
      '2026-12-07T03:30:00.000Z',
    ],
    [
      'made at the same instant: applied',
      '2026-12-07T03:30:00.000Z',
      '2026-12-07T03:30:00.000Z',
      '2026-12-07T03:30:00.000Z',
    ],
    [
      'made before the stored state: not applied',
      '2026-12-07T03:30:00.000Z',
      '2026-12-07T03:00:00.000Z',
      undefined,
    ],
    ['made in the future: now', '2026-12-07T03:00:00.000Z', '2026-12-08T00:00:00.000Z', now],
    [
      'stored in the future (another clock): applied',
      '2026-12-09T00:00:00.000Z',
      '2026-12-07T03:00:00.000Z',
      '2026-12-07T03:00:00.000Z',
    ],
    ['stored stamp unreadable: applied', 'x', '2026-12-07T03:00:00.000Z', '2026-12-07T03:00:00.000Z'],
  ])('%s', (_, stored, madeAt, expected) => {
    expect(updateStamp(stored, madeAt, now)).toBe(expected)
  })
})
