import { describe, expect, it } from 'vitest'
import { editInPlace } from '../../../test/edit-in-place'
import { annotate, fixtureArchive } from '../../../test/fixtures/search/kit'
import { articleFile } from '../archive/ids'
import { archiveReader } from '../archive/reader'
import { annotationSignature } from './freshness'

describe('annotationSignature', () => {
  it('changes when the annotations file is rewritten in place to the same size with its times put back', async () => {
    const { archive, byTitle } = await fixtureArchive()
    const bank = byTitle('Central bank')
    await annotate(archive, bank.id, 'two members', { note: 'Ask the spokesperson' })
    const source = archiveReader(archive)
    const before = await annotationSignature(source, archive.meta(bank.id), '')
    expect(before).not.toBe('')
    const file = articleFile(archive.dir, 'annotations', bank.id)
    const sizes = await editInPlace(file, (text) => text.replace('spokesperson', 'spokeswoman!'))
    expect(sizes.after).toBe(sizes.before)
    expect(await annotationSignature(source, archive.meta(bank.id), before)).not.toBe(before)
  })

  it('stays the same when nothing was written', async () => {
    const { archive, byTitle } = await fixtureArchive()
    const bank = byTitle('Central bank')
    await annotate(archive, bank.id, 'two members', { note: 'Ask the spokesperson' })
    const source = archiveReader(archive)
    const once = await annotationSignature(source, archive.meta(bank.id), '')
    expect(await annotationSignature(source, archive.meta(bank.id), once)).toBe(once)
  })
})
