import { describe, expect, it } from 'vitest'
import { editInPlace } from '../../../test/edit-in-place'
import { annotate, fixtureArchive } from '../../../test/fixtures/search/kit'
import { articleFile } from '../archive/ids'
import { archiveReader } from '../archive/reader'
import { annotationSignature, currentSignatures } from './freshness'

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

  it('sees an annotations file the catalog counts as none (a kill before the counts were written)', async () => {
    const { archive, byTitle } = await fixtureArchive()
    const bank = byTitle('Central bank')
    await annotate(archive, bank.id, 'two members', { note: 'Ask the spokesperson' })
    const reader = archiveReader(archive)
    // The catalog as a kill leaves it: the annotations file on disk, the counts still those from before.
    const stale = (id: string) => {
      const meta = reader.meta(id)
      return id === bank.id ? { ...meta, counts: { ...meta.counts, highlights: 0, figures: 0 } } : meta
    }
    const source = {
      ...reader,
      dir: reader.dir,
      list: () => reader.list().map((m) => stale(m.id)),
      meta: stale,
    }
    const signatures = await currentSignatures(source, new Map())
    expect(signatures.get(bank.id)?.annotations).not.toBe('')
  })
})
