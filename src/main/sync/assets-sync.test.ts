// An article's files (its images, a PDF report's PDF) travel with it as CouchDB attachments, through a real
// pouchdb-server, and arrive byte for byte; on arrival they are checked as a backup restore checks them (the name
// is the SHA-256 of the bytes, the bytes the type the name says, a name that is not a Glossa file name refused),
// and an article whose file fails is refused whole, leaving nothing of it.
import { copyFile, mkdir, readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as makePdf from '../../../test/fixtures/pdf/make-pdfs'
import { READER_DIR } from '../../../test/import/reader-score'
import { useTeamServer } from '../../../test/sync/team-server'
import { tempDir } from '../../../test/temp-archive'
import { Importer } from '../importer'

const team = useTeamServer()

const PAGE = '00-standard-saved'
const PHOTO = join(READER_DIR, `${PAGE}_files/site-photo.png`)

const member = (url: string, user: string) => team.member(url, user)

describe('an article’s files sync with it', () => {
  it('a saved page’s image and a PDF report arrive byte for byte and are served as before', async () => {
    const url = await team.couch.team('assets1', { ann: 'pw-ann', rob: 'pw-rob' })
    const a = await member(url, 'ann')
    const b = await member(url, 'rob')
    const folder = join(await tempDir(), 'saved')
    await mkdir(join(folder, `${PAGE}_files`), { recursive: true })
    await copyFile(join(READER_DIR, `${PAGE}.html`), join(folder, `${PAGE}.html`))
    await copyFile(PHOTO, join(folder, `${PAGE}_files/site-photo.png`))
    const path = join(folder, `${PAGE}.html`)
    const page = await new Importer(a.archive).importBytes({
      name: path,
      bytes: await readFile(path),
      folder,
    })
    const pdf = await makePdf.singleColumnPdf()
    const [report] = await a.call('import.files', {
      files: [{ name: 'report.pdf', dataBase64: Buffer.from(pdf).toString('base64') }],
    })
    expect([page.status, report!.status]).toEqual(['imported', 'imported'])
    const image = /<img src="glossa-asset:([^"]+)"/.exec(
      (await a.call('articles.get', { id: page.id! })).html!,
    )![1]!

    await a.call('sync.run', {})
    await b.call('sync.run', {})
    const served = await b.call('articles.image', { id: page.id!, name: image })
    expect(served.mime).toBe('image/png')
    expect(Buffer.from(served.base64, 'base64')).toEqual(await readFile(PHOTO))
    const gotPdf = await b.call('articles.pdf', { id: report!.id! })
    expect(Buffer.from(gotPdf.base64, 'base64')).toEqual(Buffer.from(pdf))
    expect((await b.call('articles.get', { id: report!.id! })).pdf).toEqual(
      (await a.call('articles.get', { id: report!.id! })).pdf,
    )
    expect(await readdir(join(b.dir, 'assets', page.id!))).toEqual([image])
    // Nothing changed since: the files are not sent again.
    expect((await a.call('sync.run', {})).sent).toBe(0)
    expect(await b.call('sync.run', {})).toMatchObject({ sent: 0, received: 0 })
  }, 120_000)

  it('refuses an article whose file is not what its name says, or whose file name is not a Glossa one', async () => {
    const url = await team.couch.team('assets2', { ann: 'pw-ann', rob: 'pw-rob' })
    const b = await member(url, 'rob')
    const photo = await readFile(PHOTO)
    const { createHash } = await import('node:crypto')
    const realName = `${createHash('sha256').update(photo).digest('hex')}.png`
    const meta = (id: string) => ({ id, title: `Hostile ${id}`, addedAt: '2026-01-01T00:00:00Z', tags: [] })
    const article = (id: string, name: string, bytes: Buffer) => ({
      _id: `article:${id}`,
      type: 'article',
      meta: meta(id),
      text: `Words of ${id}.`,
      html: `<p>Words of ${id}.</p><img src="glossa-asset:${name}">`,
      _attachments: { [name]: { content_type: 'image/png', data: bytes.toString('base64') } },
    })
    const docs = [
      article('swapped1', realName, Buffer.from('GIF89a, not the photo its name says it is')),
      article('escape01', 'evil.svg', photo),
      article('goodone1', realName, photo),
    ]
    const auth = { Authorization: `Basic ${Buffer.from('rob:pw-rob').toString('base64')}` }
    const res = await fetch(`${url}/_bulk_docs`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ docs }),
    })
    expect(res.status).toBe(201)
    const report = await b.call('sync.run', {})
    const reasons = Object.fromEntries(report.refused.map((r) => [r.id, r.reason]))
    expect(reasons['article:swapped1']).toMatch(/does not hold the bytes its name says/)
    expect(reasons['article:escape01']).toMatch(/not a Glossa file name/)
    expect(b.archive.catalog.has('swapped1')).toBe(false)
    expect(b.archive.catalog.has('escape01')).toBe(false)
    expect((await readdir(join(b.dir, 'assets'))).sort()).toEqual(['goodone1'])
    const served = await b.call('articles.image', { id: 'goodone1', name: realName })
    expect(Buffer.from(served.base64, 'base64')).toEqual(photo)
  }, 120_000)
})
