// Tests (Node): pathological pages imported through the real parse process (parse-worker.ts, bundled as the app
// ships it) and the real service: each one is imported or refused as too complex within the parse bounds, and
// the main process answers other calls while one is being read.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Archive } from '../../src/main/archive/archive'
import { Importer } from '../../src/main/importer'
import type { ImportResult } from '../../src/main/importer'
import { nodeProcess } from '../../src/main/jobs/job-process'
import { processParser } from '../../src/main/jobs/parse-service'
import type { ParseLimits, ProcessParser } from '../../src/main/jobs/parse-service'
import { createService } from '../../src/main/service'
import { dispatch } from '../../src/shared/dispatch'
import { bundleChild } from '../reliability/bundle-child'
import type { BundledChild } from '../reliability/bundle-child'
import { tempDir } from '../temp-archive'

const page = (body: string) =>
  `<!doctype html><html><head><title>Pathological</title></head><body><article><h1>Pathological</h1>` +
  `<p>Crews restored power to 4,000 homes on Tuesday after the overnight strikes, the operator said.</p>` +
  `${body}</article></body></html>`

/** A list nested `depth` deep: the page that took 77 s at 100,000 (the parser's stack, then Readability). */
const deepList = (depth: number) =>
  page(Array.from({ length: depth }, (_, i) => `<ul><li>item${i} `).join('') + '</li></ul>'.repeat(depth))
/** `count` paragraphs: well-formed, just a great many nodes. */
const paragraphs = (count: number) => page('<p>Another short paragraph.</p>'.repeat(count))

let worker: BundledChild
const parsers: ProcessParser[] = []

beforeAll(async () => {
  worker = await bundleChild('src/main/jobs/parse-worker.ts')
}, 120_000)

afterAll(async () => {
  for (const parser of parsers) parser.close()
  await worker?.dispose()
})

async function importer(limits: Partial<ParseLimits> = {}) {
  const archive = await Archive.open(await tempDir())
  const parser = processParser((execArgv) => nodeProcess(worker.file, execArgv), { limits })
  parsers.push(parser)
  const imports = new Importer(archive, undefined, parser)
  const importPage = (name: string, html: string) =>
    imports.importBytes({ name, bytes: new TextEncoder().encode(html) })
  return { archive, imports, importPage }
}

const refused = (why: RegExp) => ({
  status: 'failed',
  code: 'too_complex',
  message: expect.stringMatching(why),
})

describe('every parse is bounded', () => {
  it('imports a list nested 10,000 deep, keeping every item, and answers other calls meanwhile', async () => {
    const { archive, imports } = await importer()
    const service = createService({ archive, version: 'test', importer: imports })
    const html = deepList(10_000)
    let settled = false
    const imported = dispatch(service, 'import.text', { html, title: 'Deep' }).finally(() => (settled = true))
    // Cheap calls made while the page is being read are answered before it is done.
    const list = await dispatch(service, 'articles.list', {})
    const info = await dispatch(service, 'app.info', {})
    expect(settled).toBe(false)
    expect(list).toEqual({ ok: true, value: [] })
    expect(info.ok).toBe(true)
    const result = await imported
    expect(result).toMatchObject({ ok: true, value: { status: 'imported' } })
    const id = (result as { value: ImportResult }).value.id ?? ''
    const text = (await archive.getArticle(id)).text
    expect(text).toContain('item0\n')
    expect(text).toContain('item9999')
  }, 120_000)

  it.each([
    [
      'a million elements',
      page('<b>x</b> '.repeat(1_000_000)),
      /has 2,000,0\d\d tags, attributes and comments/,
    ],
    ['one element with 500,000 attributes', page(`<p ${attributes(500_000)}>text</p>`), /has 500,0\d\d tags/],
  ])(
    'refuses %s before parsing it',
    async (_name, html, why) => {
      const { importPage } = await importer()
      expect(await importPage('huge.html', html)).toMatchObject(refused(why))
    },
    120_000,
  )

  it('imports a page with a 15 MB attribute, keeping no more of it than the sanitizer allows', async () => {
    const { archive, importPage } = await importer()
    const html = page(`<p title="${'a'.repeat(15_000_000)}">A caption with a very long tooltip.</p>`)
    const result = await importPage('long-title.html', html)
    expect(result.status).toBe('imported')
    const article = await archive.getArticle(result.id ?? '')
    expect(article.text).toContain('A caption with a very long tooltip.')
    expect(article.html?.length).toBeLessThan(2_000)
  }, 120_000)

  it('refuses a page that outgrows the memory bound, and never parses it in this process', async () => {
    const { archive, importPage } = await importer({ heapMB: 64 })
    const result = await importPage('big.html', paragraphs(60_000))
    expect(result).toMatchObject(
      refused(/parse process stopped while reading it .* Glossa gives one page 64 MB/),
    )
    expect(archive.list()).toEqual([])
    // The next page is read by a fresh process.
    expect(await importPage('small.html', paragraphs(3))).toMatchObject({ status: 'imported' })
  }, 120_000)

  it('refuses a page that takes longer than the time bound, and reads the next one in a fresh process', async () => {
    // Just under the node budget: it would take a minute to read, or more.
    const { importPage } = await importer({ timeoutMs: 5_000 })
    const [slow, next] = await Promise.all([
      importPage('slow.html', paragraphs(190_000)),
      importPage('next.txt', 'A short note that parses at once.'),
    ])
    expect(slow).toMatchObject(refused(/reading it took longer than 5 s, and Glossa stopped/))
    expect(next).toMatchObject({ status: 'imported' })
  }, 120_000)
})

describe('bodies restored whole (backups, snapshots) are bounded like pages', () => {
  /** A backup of two articles: a body past the memory bound, and an ordinary one. */
  function backupOf(bodies: { id: string; title: string; text: string; html: string }[]) {
    const stamp = '2024-01-01T00:00:00.000Z'
    return {
      format: 'glossa-backup',
      version: 1,
      generatedAt: stamp,
      articles: bodies.map((b) => ({
        ...b,
        addedAt: stamp,
        tags: [],
        textHash: 'x',
        length: b.text.length,
        counts: { highlights: 0, figures: 0, notes: 0 },
        annotationTags: {},
      })),
      annotations: [],
      tagColors: {},
      collections: [],
    }
  }
  const huge = {
    id: 'huge0001',
    title: 'Huge body',
    text: 'Another short paragraph.',
    html: paragraphs(60_000),
  }
  const small = {
    id: 'small001',
    title: 'Small body',
    text: 'Crews restored power to 4,000 homes.',
    html: '<p>Crews restored power to 4,000 homes.</p>',
  }

  it('a backup body past the memory bound is left out, named, in the parse process; the rest is restored', async () => {
    const { archive, imports } = await importer({ heapMB: 64 })
    const bytes = new TextEncoder().encode(JSON.stringify(backupOf([huge, small])))
    const result = await imports.importBytes({ name: 'team-backup.json', bytes })
    expect(result.status).toBe('imported')
    expect(result.message).toMatch(
      /^Restored 1 articles with 0 annotations\. The article “Huge body” \(huge0001\) is too complex to restore: the parse process stopped while reading it .* Glossa gives one article 64 MB\. It was left out\.$/,
    )
    expect(archive.list().map((a) => a.id)).toEqual(['small001'])
    expect((await archive.getArticle('small001')).html).toBe('<p>Crews restored power to 4,000 homes.</p>')
  }, 120_000)

  it('a snapshot body past the time bound is left out of "add missing", the rest brought back', async () => {
    const { archive, imports } = await importer({ timeoutMs: 3_000 })
    const slow = { ...huge, html: paragraphs(190_000) }
    await mkdir(join(archive.dir, 'backups'), { recursive: true })
    const id = 'snapshot-2024-01-02T03-04-05-006Z.json.gz'
    await writeFile(join(archive.dir, 'backups', id), gzipSync(JSON.stringify(backupOf([slow, small]))))
    const service = createService({ archive, version: 'test', importer: imports })
    const answer = await dispatch(service, 'backups.restore', { id, addMissing: true })
    expect(answer).toMatchObject({
      ok: true,
      value: {
        messages: [
          expect.stringMatching(
            /^Brought back 1 articles from the snapshot\. The article “Huge body” \(huge0001\) is too complex to restore: reading it took longer than 3 s, and Glossa stopped\. It was left out\.$/,
          ),
        ],
      },
    })
    expect(archive.list().map((a) => a.id)).toEqual(['small001'])
  }, 120_000)
})

function attributes(count: number): string {
  return Array.from({ length: count }, (_, i) => `a${i}=1`).join(' ')
}
