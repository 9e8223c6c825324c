// Tests (Node): a JSON backup carries an article's images, and restoring it brings them back byte for byte,
// checked by the rule that stores them; a backup whose file does not hold the bytes its name says is refused.
import { copyFile, mkdir, readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as makePdf from '../../../test/fixtures/pdf/make-pdfs'
import { READER_DIR } from '../../../test/import/reader-score'
import { serviceHarness } from '../../../test/service-harness'
import { tempDir } from '../../../test/temp-archive'
import { ASSET_SRC } from '../../shared/assets'
import { Importer } from '../importer'

const PAGE = '00-standard-saved'
const PHOTO = join(READER_DIR, `${PAGE}_files/site-photo.png`)

/** An archive with one saved page imported from disk, its photo stored under assets/. */
async function withImage() {
  const h = await serviceHarness()
  const folder = join(await tempDir(), 'saved')
  await mkdir(join(folder, `${PAGE}_files`), { recursive: true })
  await copyFile(join(READER_DIR, `${PAGE}.html`), join(folder, `${PAGE}.html`))
  await copyFile(PHOTO, join(folder, `${PAGE}_files/site-photo.png`))
  const path = join(folder, `${PAGE}.html`)
  const imported = await new Importer(h.archive).importBytes({
    name: path,
    bytes: await readFile(path),
    folder,
  })
  expect(imported.status).toBe('imported')
  const article = await h.call('articles.get', { id: imported.id! })
  const name = /<img src="glossa-asset:([^"]+)"/.exec(article.html ?? '')?.[1]
  expect(`glossa-asset:${name}`).toMatch(ASSET_SRC)
  return { h, id: imported.id!, name: name! }
}

const asFile = (content: string) => ({
  name: 'glossa-backup.json',
  dataBase64: Buffer.from(content).toString('base64'),
})

describe('a JSON backup carries the articles’ images', () => {
  it('restores an article with its image, byte for byte, served as before', async () => {
    const { h, id, name } = await withImage()
    const [backup] = await h.call('export.run', { format: 'json', scope: {} })
    const parsed = JSON.parse(backup.content) as { assets?: { articleId: string; name: string }[] }
    expect(parsed.assets?.map((a) => [a.articleId, a.name])).toEqual([[id, name]])

    const fresh = await serviceHarness()
    const [result] = await fresh.call('import.files', { files: [asFile(backup.content)] })
    expect(result.status).toBe('imported')
    const [restored, original] = [
      await fresh.call('articles.get', { id }),
      await h.call('articles.get', { id }),
    ]
    expect([restored.text, restored.html]).toEqual([original.text, original.html])
    expect(await readdir(join(fresh.dir, 'assets', id))).toEqual([name])
    const image = await fresh.call('articles.image', { id, name })
    expect(image.mime).toBe('image/png')
    expect(Buffer.from(image.base64, 'base64')).toEqual(await readFile(PHOTO))
  })

  it('refuses the article whose file does not hold the bytes its name says, and keeps nothing of it', async () => {
    const { h, id } = await withImage()
    const [backup] = await h.call('export.run', { format: 'json', scope: {} })
    const forged = JSON.parse(backup.content) as { assets: { dataBase64: string }[] }
    forged.assets[0].dataBase64 = Buffer.from('GIF89a, but not the photo it claims to be').toString('base64')
    const fresh = await serviceHarness()
    const [result] = await fresh.call('import.files', { files: [asFile(JSON.stringify(forged))] })
    expect(result.status).toBe('failed')
    expect(result.message).toMatch(
      new RegExp(`Article ${id} was not restored: Image .* does not hold the bytes`),
    )
    expect(await fresh.call('articles.list', {})).toEqual([])
    expect(await readdir(join(fresh.dir, 'assets')).catch(() => [])).toEqual([])
  })

  it('a refused restore takes back only the files it wrote: a deleted article’s files in the trash stay', async () => {
    const { h, id, name } = await withImage()
    const [backup] = await h.call('export.run', { format: 'json', scope: {} })
    await h.call('articles.delete', { ids: [id] })
    // Its files stay with it in the trash; a restore of the same id whose file is forged is refused.
    expect(await readdir(join(h.dir, 'assets', id))).toEqual([name])
    const forged = JSON.parse(backup.content) as { assets: { dataBase64: string }[] }
    forged.assets[0].dataBase64 = Buffer.from('GIF89a, but not the photo it claims to be').toString('base64')
    const [result] = await h.call('import.files', { files: [asFile(JSON.stringify(forged))] })
    expect(result.status).toBe('failed')
    expect(await readdir(join(h.dir, 'assets', id))).toEqual([name])
  })

  it('refuses a file for an article the backup does not contain, and a name that is no content hash', async () => {
    const { h } = await withImage()
    const [backup] = await h.call('export.run', { format: 'json', scope: {} })
    const stray = JSON.parse(backup.content) as { assets: { articleId: string; name: string }[] }
    stray.assets[0].articleId = 'other001'
    const fresh = await serviceHarness()
    const [a] = await fresh.call('import.files', { files: [asFile(JSON.stringify(stray))] })
    expect(a.message).toMatch(/has the file .* for article other001, which it does not contain/)
    const named = JSON.parse(backup.content) as { assets: { name: string }[] }
    named.assets[0].name = '../../glossa.json'
    const [b] = await fresh.call('import.files', { files: [asFile(JSON.stringify(named))] })
    expect(b.message).toMatch(/damaged at assets\.0\.name: not the name of an archived file/)
    expect(await fresh.call('articles.list', {})).toEqual([])
  })

  it('restores a PDF report with its PDF, byte for byte', async () => {
    const h = await serviceHarness()
    const pdf = await makePdf.singleColumnPdf()
    const [imported] = await h.call('import.files', {
      files: [{ name: 'report.pdf', dataBase64: Buffer.from(pdf).toString('base64') }],
    })
    expect(imported.status).toBe('imported')
    const [backup] = await h.call('export.run', { format: 'json', scope: {} })
    const fresh = await serviceHarness()
    const [result] = await fresh.call('import.files', { files: [asFile(backup.content)] })
    expect(result.status).toBe('imported')
    const restored = await fresh.call('articles.pdf', { id: imported.id! })
    expect(Buffer.from(restored.base64, 'base64')).toEqual(Buffer.from(pdf))
    expect((await fresh.call('articles.get', { id: imported.id! })).pdf).toEqual(
      (await h.call('articles.get', { id: imported.id! })).pdf,
    )
  })
})
