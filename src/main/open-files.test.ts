import { mkdir, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as make from '../../test/fixtures/pdf/make-pdfs'
import { tempDir } from '../../test/temp-archive'
import { Archive } from './archive/archive'
import { Importer } from './importer'
import { chosenPdfHandler, importChosenPdf, importOpened, openablePaths } from './open-files'

describe('files opened with Glossa', () => {
  it('takes only importable paths from a command line', () => {
    expect(
      openablePaths([
        '/usr/lib/glossa/glossa',
        '--archive',
        '/x',
        'page.HTML',
        'note.md',
        'photo.png',
        '--no-sandbox',
      ]),
    ).toEqual(['page.HTML', 'note.md'])
  })

  it('imports them and says what happened to each', async () => {
    const dir = await tempDir()
    const file = join(dir, 'note.md')
    await writeFile(file, '---\ntitle: Opened note\n---\n\nIt counted 42 bridges.')
    const importer = new Importer(await Archive.open(join(dir, 'a')))
    expect(await importOpened(importer, [file, join(dir, 'missing.md'), file])).toEqual([
      'Imported Opened note',
      `${join(dir, 'missing.md')}: could not be read`,
      'Already in the archive as “Opened note”.',
    ])
  })
})

describe('a PDF chosen in the Import dialog, imported from its path (Electron, over 20 MB)', () => {
  it('imports a 30 MB PDF from disk, and an encrypted one with its password', async () => {
    const dir = await tempDir()
    const archive = await Archive.open(join(dir, 'a'))
    const importer = new Importer(archive)
    const big = join(dir, 'annex.pdf')
    const bytes = await make.largeImagePdf(30, 10)
    expect(bytes.length).toBeGreaterThan(20 * 1024 * 1024)
    await writeFile(big, bytes)
    const result = await importChosenPdf(importer, { path: big })
    expect(result).toMatchObject({ name: 'annex.pdf', status: 'imported', title: 'Annex with images, 30 MB' })
    const article = await archive.getArticle(result.id!)
    expect(article.text).toContain('Annex page 10: photograph 10 of the inspected bridge deck.')

    const secret = join(dir, 'secret.pdf')
    await writeFile(secret, await make.encryptedPdf())
    expect(await importChosenPdf(importer, { path: secret })).toMatchObject({
      status: 'failed',
      code: 'encrypted',
    })
    expect(await importChosenPdf(importer, { path: secret, password: make.PDF_PASSWORD })).toMatchObject({
      status: 'imported',
      title: 'Confidential bridge figures',
    })
  }, 120_000)

  it('reads nothing but an absolute path to a regular .pdf file of up to 100 MB', async () => {
    const dir = await tempDir()
    const archive = await Archive.open(join(dir, 'a'))
    const importer = new Importer(archive)
    const notes = join(dir, 'notes.txt')
    await writeFile(notes, 'private notes')
    const folder = join(dir, 'folder.pdf')
    await mkdir(folder)
    const huge = join(dir, 'huge.pdf')
    await writeFile(huge, '%PDF-1.7\n')
    await truncate(huge, 101 * 1024 * 1024)
    expect(await importChosenPdf(importer, { path: notes })).toMatchObject({
      status: 'failed',
      message: '“notes.txt” is not a PDF chosen on this computer; nothing was imported.',
    })
    expect(await importChosenPdf(importer, { path: 'relative.pdf' })).toMatchObject({ status: 'failed' })
    expect(await importChosenPdf(importer, { path: folder })).toMatchObject({
      status: 'failed',
      message: '“folder.pdf” could not be read; nothing was imported.',
    })
    expect(await importChosenPdf(importer, { path: join(dir, 'missing.pdf') })).toMatchObject({
      status: 'failed',
    })
    expect(await importChosenPdf(importer, { path: huge })).toMatchObject({
      status: 'failed',
      code: 'too_large',
      message: expect.stringContaining('“huge.pdf” is 101 MB; Glossa imports PDFs of up to 100 MB.'),
    })
    // What main answers on the channel: only { path, password? } is taken.
    const handle = chosenPdfHandler(importer)
    for (const args of [
      undefined,
      '/x.pdf',
      { path: 7 },
      { path: huge, folder: dir },
      { path: 'x'.repeat(5000) },
    ])
      expect(await handle(args)).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
    expect(await handle({ path: notes })).toMatchObject({ ok: true, value: { status: 'failed' } })
    expect(archive.list()).toEqual([])
  })
})
