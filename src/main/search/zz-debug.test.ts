import { it } from 'vitest'
import { annotate, fixtureArchive } from '../../../test/fixtures/search/kit'
import { SearchIndex } from './search-index'
it('debug', async () => {
  const { archive, byTitle } = await fixtureArchive()
  const index = await SearchIndex.open(archive)
  await annotate(archive, byTitle('Central bank').id, 'two members of the committee', {
    note: 'Ask the spokesperson for the committee minutes',
    tags: ['economy/rates'],
  })
  for (const q of [
    'corridor',
    'heatwave',
    'repa',
    'shellng',
    'kharkiv zebra',
    'committee',
    'town crier',
    'the',
    'rates',
  ]) {
    console.log(q, JSON.stringify(await index.search(q, { limit: 3 }), null, 0))
  }
  console.log(index.rebuiltBecause, index.problems)
})
