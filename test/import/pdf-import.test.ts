// Tests (Node): PDF reports imported through the real parse process (parse-worker.ts, bundled as the app ships
// it), the real importer and service, on a real archive: text stored for search and exports, the PDF kept and
// served back byte for byte, duplicates told by content, bad PDFs refused with a sentence and nothing touched.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Archive } from '../../src/main/archive/archive'
import { Importer } from '../../src/main/importer'
import { nodeProcess } from '../../src/main/jobs/job-process'
import { processParser } from '../../src/main/jobs/parse-service'
import type { ProcessParser } from '../../src/main/jobs/parse-service'
import { createService } from '../../src/main/service'
import { describe as describeSpan } from '../../src/shared/anchoring'
import * as make from '../fixtures/pdf/make-pdfs'
import { bundleChild } from '../reliability/bundle-child'
import type { BundledChild } from '../reliability/bundle-child'
import { callerOf } from '../service-harness'
import { tempDir } from '../temp-archive'

let worker: BundledChild
const parsers: ProcessParser[] = []

beforeAll(async () => {
  worker = await bundleChild('src/main/jobs/parse-worker.ts')
}, 120_000)

afterAll(async () => {
  for (const parser of parsers) parser.close()
  await worker?.dispose()
})

async function harness() {
  const dir = await tempDir()
  const archive = await Archive.open(dir)
  const parser = processParser((execArgv) => nodeProcess(worker.file, execArgv))
  parsers.push(parser)
  const importer = new Importer(archive, undefined, parser)
  const handlers = createService({ archive, version: 'test', importer })
  return { dir, archive, importer, ...callerOf(handlers) }
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

/** Every file under `dir` with its size and mtime: what "nothing else touched" compares. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) await walk(p)
      else if (e.name !== '.lock') {
        const s = await stat(p)
        out[p.slice(dir.length)] =
          `${s.size}:${s.mtimeMs}:${(await readFile(p)).toString('base64').slice(0, 64)}`
      }
    }
  }
  await walk(dir)
  return out
}

describe('importing PDFs', () => {
  it('imports a report through the parse process: text, metadata, the PDF kept and served back', async () => {
    const h = await harness()
    const bytes = await make.singleColumnPdf()
    const [result] = await h.call('import.files', {
      files: [{ name: 'bridges.pdf', dataBase64: b64(bytes) }],
    })
    expect(result).toMatchObject({ status: 'imported', title: 'Bridge inspections, first quarter' })
    const article = await h.call('articles.get', { id: result.id! })
    expect(article.text).toBe(['Bridge inspections, first quarter', ...make.PROSE].join('\n\n'))
    expect(article.author).toBe('Regional Transport Office')
    expect(article.publishedAt).toBe('2025-03-14')
    expect(article.pdf).toMatchObject({ pages: 1, scanned: false })
    const served = await h.call('articles.pdf', { id: result.id! })
    expect(Buffer.from(served.base64, 'base64').equals(Buffer.from(bytes))).toBe(true)
    const file = join(h.dir, 'assets', result.id!, article.pdf!.file)
    expect((await readFile(file)).equals(Buffer.from(bytes))).toBe(true)
    // Search sees the report's text.
    const found = await h.call('search.query', { q: 'corrosion reinforcement' })
    expect(found.hits.map((hit) => hit.articleId)).toContain(result.id)
  })

  it('reports the same PDF again as a duplicate, and imports two different scans', async () => {
    const h = await harness()
    const bytes = await make.twoColumnPdf()
    const [first] = await h.call('import.files', { files: [{ name: 'water.pdf', dataBase64: b64(bytes) }] })
    const [again] = await h.call('import.files', { files: [{ name: 'copy.pdf', dataBase64: b64(bytes) }] })
    expect(again).toMatchObject({ status: 'duplicate', id: first.id })
    const scan = await make.scannedPdf()
    // A second scan with different bytes: the same pages and one more.
    const again2 = await PDFDocument.load(scan)
    const [page] = await again2.copyPages(again2, [0])
    again2.addPage(page)
    const other = await again2.save()
    const [s1] = await h.call('import.files', { files: [{ name: 'scan-a.pdf', dataBase64: b64(scan) }] })
    const [s2] = await h.call('import.files', { files: [{ name: 'scan-b.pdf', dataBase64: b64(other) }] })
    expect(s1).toMatchObject({ status: 'imported', title: 'scan-a' })
    expect(s2).toMatchObject({ status: 'imported', title: 'scan-b' })
    const meta = await h.call('articles.get', { id: s1.id! })
    expect(meta.pdf).toMatchObject({ pages: 2, scanned: true })
    expect(meta.text).toBe('')
  })

  it('refuses encrypted, damaged and mislabelled PDFs with a sentence, touching nothing in the archive', async () => {
    const h = await harness()
    const [kept] = await h.call('import.files', {
      files: [{ name: 'rail.pdf', dataBase64: b64(await make.hyphenFootnotePdf()) }],
    })
    expect(kept.status).toBe('imported')
    const before = await snapshot(h.dir)
    const results = await h.call('import.files', {
      files: [
        { name: 'secret.pdf', dataBase64: b64(await make.encryptedPdf()) },
        { name: 'broken.pdf', dataBase64: b64(await make.damagedPdf()) },
        { name: 'notes.pdf', dataBase64: b64(new TextEncoder().encode('just some text, not a PDF')) },
      ],
    })
    expect(results).toEqual([
      expect.objectContaining({
        status: 'failed',
        code: 'encrypted',
        message: expect.stringMatching(/“secret\.pdf” is protected by a password/),
      }),
      expect.objectContaining({
        status: 'failed',
        code: 'damaged',
        message: expect.stringMatching(/“broken\.pdf” is damaged/),
      }),
      expect.objectContaining({
        status: 'failed',
        code: 'damaged',
        message: expect.stringMatching(/“notes\.pdf” is damaged/),
      }),
    ])
    expect(await snapshot(h.dir)).toEqual(before)
    expect((await h.call('articles.list', {})).length).toBe(1)
  })

  it('imports an encrypted PDF with its password: the PDF kept as it is, its text stored, the password nowhere', async () => {
    const h = await harness()
    const bytes = await make.encryptedPdf()
    await h.call('import.text', { text: 'An article already in the archive, 12 words.' })
    const before = await snapshot(h.dir)
    // A wrong password says so, and nothing changes.
    const [wrong] = await h.call('import.files', {
      files: [{ name: 'secret.pdf', dataBase64: b64(bytes), password: 'not-the-password' }],
    })
    expect(wrong).toMatchObject({
      status: 'failed',
      code: 'wrong_password',
      message: expect.stringMatching(/The password for “secret\.pdf” is wrong/),
    })
    expect(await snapshot(h.dir)).toEqual(before)
    const [r] = await h.call('import.files', {
      files: [{ name: 'secret.pdf', dataBase64: b64(bytes), password: make.PDF_PASSWORD }],
    })
    expect(r).toMatchObject({ status: 'imported', title: 'Confidential bridge figures' })
    const article = await h.call('articles.get', { id: r.id! })
    expect(article.text).toBe(['Confidential bridge figures', ...make.PROSE].join('\n\n'))
    expect(article.author).toBe('Regional Transport Office')
    // The stored PDF is the encrypted file, byte for byte.
    const served = await h.call('articles.pdf', { id: r.id! })
    expect(Buffer.from(served.base64, 'base64').equals(Buffer.from(bytes))).toBe(true)
    // Search sees its text; the password is in no file of the archive.
    const found = await h.call('search.query', { q: 'corrosion reinforcement' })
    expect(found.hits.map((hit) => hit.articleId)).toContain(r.id)
    await h.archive.flush()
    const files = await snapshot(h.dir)
    for (const path of Object.keys(files)) {
      const content = await readFile(join(h.dir, path))
      expect(content.includes(make.PDF_PASSWORD), path).toBe(false)
    }
  })

  it('imports the text of a PDF with JavaScript and an attachment; neither is run nor stored', async () => {
    const h = await harness()
    const [r] = await h.call('import.files', {
      files: [{ name: 'procurement.pdf', dataBase64: b64(await make.scriptedPdf()) }],
    })
    expect(r.status).toBe('imported')
    const article = await h.call('articles.get', { id: r.id! })
    expect(article.text).toBe('Procurement summary: 14 contracts were awarded in March.')
    // The only file kept is the PDF itself: the attachment was never extracted.
    expect(await readdir(join(h.dir, 'assets', r.id!))).toEqual([article.pdf!.file])
  })

  it('imports a 500-page report within the parse bounds', async () => {
    const h = await harness()
    const [r] = await h.call('import.files', {
      files: [{ name: 'stats.pdf', dataBase64: b64(await make.manyPagesPdf(500)) }],
    })
    expect(r).toMatchObject({ status: 'imported', title: 'Annual statistics, 500 pages' })
    const article = await h.call('articles.get', { id: r.id! })
    expect(article.pdf?.pages).toBe(500)
    expect(article.text).toContain('In district 500 the survey counted 600 new homes')
  }, 120_000)

  it('imports a 100 MB PDF read from disk (glossa import, opened with the app); a larger one is refused with its size', async () => {
    const h = await harness()
    const bytes = await make.largeImagePdf(100)
    expect(bytes.length).toBeGreaterThan(99 * 2 ** 20)
    const r = await h.importer.importBytes({ name: 'annex.pdf', bytes })
    expect(r.message ?? '').toBe('')
    expect(r).toMatchObject({ status: 'imported', title: 'Annex with images, 100 MB' })
    const article = await h.call('articles.get', { id: r.id! })
    expect(article.pdf?.pages).toBe(50)
    expect(article.text).toContain('Annex page 50: photograph 50 of the inspected bridge deck.')
    const served = await h.call('articles.pdf', { id: r.id! })
    expect(served.base64.length).toBe(Math.ceil(bytes.length / 3) * 4)
    const before = await snapshot(h.dir)
    const huge = new Uint8Array(101 * 2 ** 20)
    huge.set(new TextEncoder().encode('%PDF-1.7\n'))
    const [tooBig] = [await h.importer.importBytes({ name: 'huge.pdf', bytes: huge })]
    expect(tooBig).toMatchObject({
      status: 'failed',
      code: 'too_large',
      message:
        '“huge.pdf” is 101 MB; Glossa imports PDFs of up to 100 MB. Split it (most PDF readers can save a range of pages) and import the parts.',
    })
    expect(await snapshot(h.dir)).toEqual(before)
  }, 180_000)

  it('refuses a PDF file that was swapped or damaged on disk when it is read back', async () => {
    const h = await harness()
    const [r] = await h.call('import.files', {
      files: [{ name: 'schools.pdf', dataBase64: b64(await make.tablePdf()) }],
    })
    const article = await h.call('articles.get', { id: r.id! })
    await writeFile(join(h.dir, 'assets', r.id!, article.pdf!.file), await make.singleColumnPdf())
    await expect(h.call('articles.pdf', { id: r.id! })).rejects.toMatchObject({ code: 'corrupt_file' })
    const text = await h.call('articles.get', { id: r.id! })
    expect(text.text).toContain('Region\tSchools\tPupils')
  })

  it('stores each annotation of a PDF with its page selector: page, label, fingerprint, selectors on the page', async () => {
    const h = await harness()
    const [r] = await h.call('import.files', {
      files: [{ name: 'stats.pdf', dataBase64: b64(await make.manyPagesPdf(3)) }],
    })
    const article = await h.call('articles.get', { id: r.id! })
    const exact = 'counted 103 new homes'
    const start = article.text.indexOf(exact)
    const created = await h.call('annotations.create', {
      articleId: r.id!,
      target: describeSpan(article.text, start, start + exact.length),
    })
    const [from, to] = article.pdf!.pageRanges![2]
    const pageText = article.text.slice(from, to)
    expect(created.pdf).toMatchObject({
      page: 2,
      label: '3',
      fingerprint: article.pdf!.fingerprint,
      quote: { exact, prefix: expect.stringContaining('In district 3 the survey') },
      position: { start: pageText.indexOf(exact), end: pageText.indexOf(exact) + exact.length },
    })
    const [stored] = await h.call('annotations.list', { articleId: r.id! })
    expect(stored.pdf).toEqual(created.pdf)
    expect(pageText.slice(stored.pdf!.position.start, stored.pdf!.position.end)).toBe(exact)
    // The parts of one selection across pages are linked by the group the reader sends.
    const linked = await h.call('annotations.create', {
      articleId: r.id!,
      target: describeSpan(article.text, from, from + 9),
      pdfGroup: 'pages-abc123',
    })
    expect(linked.pdf).toMatchObject({ page: 2, group: 'pages-abc123' })
  })

  it('says an article without a PDF has none', async () => {
    const h = await harness()
    const r = await h.call('import.text', { text: 'A plain note of 12 words.' })
    await expect(h.call('articles.pdf', { id: r.id! })).rejects.toMatchObject({ code: 'not_found' })
  })
})
