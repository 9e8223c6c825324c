// Images at import, on real files and a real archive: a saved page's own images are stored under
// assets/<id>/<sha256>.<ext>, its HTML names them glossa-asset:, and nothing remote or non-image is kept.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { copyFile, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ASSET_SRC } from '../../shared/assets'
import { tempDir } from '../../../test/temp-archive'
import { READER_DIR } from '../../../test/import/reader-score'
import { Archive } from '../archive/archive'
import { Importer } from '../importer'
import { isPrivateAddress, refusedAddress } from './fetch-image'

const PAGE = '00-standard-saved'

async function importSaved(dir: string, archive: Archive) {
  const folder = join(dir, 'saved')
  await mkdir(join(folder, `${PAGE}_files`), { recursive: true })
  await copyFile(join(READER_DIR, `${PAGE}.html`), join(folder, `${PAGE}.html`))
  await copyFile(
    join(READER_DIR, `${PAGE}_files/site-photo.png`),
    join(folder, `${PAGE}_files/site-photo.png`),
  )
  const path = join(folder, `${PAGE}.html`)
  return new Importer(archive).importBytes({ name: path, bytes: await readFile(path), folder })
}

/** Imports `x.html` from `folder`: a page about the harbour board holding `figures` between two paragraphs. */
async function importHarbourPage(archive: Archive, folder: string, figures: string) {
  const html = `<html><head><title>Harbour report</title></head><body><article><h1>Harbour report</h1>
      <p>${'The harbour board met on Monday to agree the dredging contract for the coming year. '.repeat(4)}</p>
      ${figures}
      <p>${'Members voted to publish the survey results in full before the next meeting. '.repeat(4)}</p></article></body></html>`
  const path = join(folder, 'x.html')
  await writeFile(path, html)
  const result = await new Importer(archive).importBytes({ name: path, bytes: await readFile(path), folder })
  return archive.getArticle(result.id!)
}

describe('article images', () => {
  it('stores a saved page’s image beside its article and names it in the HTML', async () => {
    const dir = await tempDir()
    const archive = await Archive.open(join(dir, 'archive'))
    const result = await importSaved(dir, archive)
    expect(result.status).toBe('imported')
    const article = await archive.getArticle(result.id!)
    const src = /<img src="([^"]+)"/.exec(article.html ?? '')?.[1]
    expect(src).toMatch(ASSET_SRC)
    expect(article.html).toContain('<figcaption>Surveyors at the Harwick site last week.')
    const name = src!.slice('glossa-asset:'.length)
    expect(await readdir(join(dir, 'archive', 'assets', result.id!))).toEqual([name])
    const image = await archive.readImage(result.id!, name)
    expect(image.mime).toBe('image/png')
    expect(Buffer.from(image.bytes)).toEqual(await readFile(join(READER_DIR, `${PAGE}_files/site-photo.png`)))
  })

  it('refuses an image file whose bytes were changed, and names that are not content hashes', async () => {
    const dir = await tempDir()
    const archive = await Archive.open(join(dir, 'archive'))
    const result = await importSaved(dir, archive)
    const [name] = await readdir(join(dir, 'archive', 'assets', result.id!))
    await writeFile(
      join(dir, 'archive', 'assets', result.id!, name),
      Buffer.from('GIF89a not really an image'),
    )
    await expect(archive.readImage(result.id!, name)).rejects.toMatchObject({ code: 'corrupt_file' })
    await expect(archive.readImage(result.id!, '../../glossa.json')).rejects.toMatchObject({
      code: 'invalid_argument',
    })
  })

  it('drops images that are not raster images by their bytes, or lie outside the page’s folder', async () => {
    const dir = await tempDir()
    const archive = await Archive.open(join(dir, 'archive'))
    const folder = join(dir, 'page')
    await mkdir(join(folder, 'x_files'), { recursive: true })
    await writeFile(join(folder, 'x_files', 'evil.png'), '<svg onload="alert(1)"></svg>')
    await writeFile(join(dir, 'secret.png'), await readFile(join(READER_DIR, `${PAGE}_files/site-photo.png`)))
    const article = await importHarbourPage(
      archive,
      folder,
      `<figure><img src="x_files/evil.png" alt="a"><figcaption>Fake image</figcaption></figure>
      <figure><img src="../secret.png" alt="b"><figcaption>Outside</figcaption></figure>
      <figure><img src="https://tracker.example/pixel.png" alt="c"><figcaption>Remote</figcaption></figure>`,
    )
    expect(article.html).not.toContain('<img')
    expect(article.text).toContain('Fake image')
    await expect(readdir(join(dir, 'archive', 'assets'))).rejects.toThrow()
  })

  it('drops an image reached through a folder beside the page that is a link to another folder', async () => {
    // An unpacked zip or tar may hold links: `x_files` led to the person's own pictures, which were then stored
    // in the article (and travelled with every backup and team sync of it).
    const dir = await tempDir()
    const archive = await Archive.open(join(dir, 'archive'))
    const folder = join(dir, 'page')
    await mkdir(join(dir, 'private', 'nested'), { recursive: true })
    await mkdir(folder)
    const png = await readFile(join(READER_DIR, `${PAGE}_files/site-photo.png`))
    await writeFile(join(dir, 'private', 'photo.png'), png)
    await writeFile(join(dir, 'private', 'nested', 'photo.png'), png)
    await symlink(join(dir, 'private'), join(folder, 'x_files'))
    const article = await importHarbourPage(
      archive,
      folder,
      `<figure><img src="x_files/photo.png" alt="a"><figcaption>Linked folder</figcaption></figure>
      <figure><img src="x_files/nested/photo.png" alt="b"><figcaption>Deeper</figcaption></figure>`,
    )
    expect(article.html).not.toContain('<img')
    expect(article.text).toContain('Linked folder')
    await expect(readdir(join(dir, 'archive', 'assets'))).rejects.toThrow()
  })

  it('downloads a fetched page’s images at import, never later', async () => {
    const png = await readFile(join(READER_DIR, `${PAGE}_files/site-photo.png`))
    let requests = 0
    const server = createServer((req, res) => {
      requests++
      if (req.url === '/photo.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(png)
      res.writeHead(404).end()
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const dir = await tempDir()
      const archive = await Archive.open(join(dir, 'archive'))
      const page = `<html><head><title>Depot works</title></head><body><article><h1>Depot works</h1>
        <p>${'Crews began work at the depot on Monday, the transport board said in a statement. '.repeat(4)}</p>
        <figure><img src="/photo.png" alt="Depot"><figcaption>The depot</figcaption></figure>
        <figure><img src="/missing.png" alt="Gone"><figcaption>Missing</figcaption></figure></article></body></html>`
      const importer = new Importer(archive, async (url) => ({ html: page, finalUrl: url }), undefined, {
        allowPrivate: true,
      })
      const result = await importer.importUrl({ url: `${base}/news/depot` })
      const article = await archive.getArticle(result.id!)
      expect(article.html?.match(/<img src="glossa-asset:[0-9a-f]{64}\.png"/g)).toHaveLength(1)
      expect(requests).toBe(2)
    } finally {
      server.close()
    }
  })

  it('keeps an AMP page’s <amp-img> as the image it stands for, with its caption', async () => {
    const png = await readFile(join(READER_DIR, `${PAGE}_files/site-photo.png`))
    const server = createServer((req, res) => {
      if (req.url === '/amp/route.png')
        return void res.writeHead(200, { 'content-type': 'image/png' }).end(png)
      res.writeHead(404).end()
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const archive = await Archive.open(join(await tempDir(), 'archive'))
      const page = `<html amp><head><title>Bypass plan</title></head><body><article><h1>Bypass plan</h1>
        <p>${'The county council approved the bypass route on Thursday after a two-hour debate. '.repeat(4)}</p>
        <figure><amp-img src="/amp/route.png" width="1200" height="675" layout="responsive" alt="The route">
        <div fallback>Loading</div></amp-img><figcaption>The proposed route</figcaption></figure>
        <p>${'Opposition councillors said they would press for an audit of the costs. '.repeat(4)}</p></article></body></html>`
      const importer = new Importer(archive, async (url) => ({ html: page, finalUrl: url }), undefined, {
        allowPrivate: true,
      })
      const result = await importer.importUrl({ url: `${base}/news/bypass` })
      const article = await archive.getArticle(result.id!)
      expect(article.html).toMatch(
        /<img src="glossa-asset:[0-9a-f]{64}\.png" alt="The route"><figcaption>The proposed route<\/figcaption>/,
      )
      expect(article.text).not.toContain('Loading')
    } finally {
      server.close()
    }
  })

  it.each([
    ['http://127.0.0.1/x.png', true],
    ['http://10.1.2.3/x.png', true],
    ['http://192.168.0.4/x.png', true],
    ['http://[::1]/x.png', true],
    ['http://169.254.169.254/latest', true],
    ['file:///etc/passwd', true],
    ['http://93.184.215.14/x.png', false],
  ])('refuses private and non-web image addresses: %s', async (url, refused) => {
    expect(!!(await refusedAddress(url))).toBe(refused)
  })

  it('knows private IPv4 and IPv6 ranges', () => {
    expect(['10.0.0.1', '172.20.1.1', '::ffff:127.0.0.1', 'fd00::1', 'fe80::1'].every(isPrivateAddress)).toBe(
      true,
    )
    expect(['8.8.8.8', '2001:db8::1'].some(isPrivateAddress)).toBe(false)
  })
})
