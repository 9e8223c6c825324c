// Tests (Node): a collection from outside named like one here — a backup from another computer, or a team member
// who made "Budget" too. The backup's restore failed whole ("There is already a collection called “Budget”"),
// and sync refused the member's collection at every sync, so the articles they put in it showed in none here.
// Real archives on disk, the real service, the sync's real gate.
import { describe, expect, it } from 'vitest'
import { serviceHarness } from '../service-harness'
import { applyIncoming } from '../../src/main/sync/apply'
import { articleDoc } from '../../src/shared/sync/docs'

const TEXT = 'The council approved 40 new buses on Tuesday.'

/** An archive with a collection "Budget" holding one article, and its JSON backup. */
async function otherComputer() {
  const there = await serviceHarness()
  const budget = await there.call('collections.create', { name: 'Budget' })
  const article = await there.call('articles.create', { title: 'Buses', text: TEXT })
  await there.call('articles.bulkUpdate', { ids: [article.id], addCollections: [budget.id] })
  return { there, budget, article }
}

describe('a collection named like one here', () => {
  it('in a backup: restored into the collection of that name here', async () => {
    const { there, article } = await otherComputer()
    const [backup] = await there.call('export.run', { format: 'json', scope: {} })
    const here = await serviceHarness()
    const mine = await here.call('collections.create', { name: 'budget' })
    const [result] = await here.call('import.files', {
      files: [{ name: 'backup.json', dataBase64: Buffer.from(backup!.content).toString('base64') }],
    })
    expect(result).toMatchObject({ status: 'imported', id: article.id })
    expect(here.archive.meta(article.id).collections).toEqual([mine.id])
    expect(await here.call('collections.list', {})).toEqual([{ id: mine.id, name: 'budget', count: 1 }])
  })

  it('from a team member: taken beside it, with the articles in it', async () => {
    const { there, budget, article } = await otherComputer()
    const here = await serviceHarness()
    await here.call('collections.create', { name: 'Budget' })
    const refused = await applyIncoming(here.archive, [
      { id: `collection:${budget.id}`, raw: { type: 'collection', id: budget.id, name: 'Budget' } },
      { id: `article:${article.id}`, raw: articleDoc(there.archive.meta(article.id), { text: TEXT }) },
    ])
    expect([...refused]).toEqual([])
    const theirs = (await here.call('collections.list', {})).find((c) => c.id === budget.id)
    expect(theirs).toEqual({ id: budget.id, name: 'Budget', count: 1 })
  })
})
