// Tests (Node): every reader of a file Glossa did not just write checks it at the handle it reads from
// (regular-file.ts openRegular: O_NOFOLLOW, then the handle's fstat), never by its name first. Readers checked the
// name (lstat or stat: regular, its size, not a link) and then read the name, so a file swapped in between — a
// link, a pipe, a file of gigabytes — was read. A race is hard to time, so this records, on real files, which
// calls each reader makes: the file's path goes to the helper, and never to lstat or stat.
import { execFileSync } from 'node:child_process'
import { constants } from 'node:fs'
import { mkdir, open, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type * as FsPromises from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type * as RegularFile from '../../src/main/archive/regular-file'
import { assetFile } from '../../src/main/archive/ids'
import { TRUST_FILE, CatalogTrust, trustKey } from '../../src/main/archive/catalog-trust'
import { readRows, rowsFile, rowsWrittenFor } from '../../src/main/archive/catalog-rows'
import { headFile, readHead } from '../../src/main/archive/library-head'
import { readImage, readPdfAsset } from '../../src/main/archive/assets'
import { readIndexBody, readIndexHead, readPage, readPagesIndex } from '../../src/main/figures/index-file'
import { resolveImages } from '../../src/main/import/image-assets'
import { importChosenPdf, importOpened } from '../../src/main/open-files'
import type { Importer } from '../../src/main/importer'
import { tempDir } from '../temp-archive'

const calls = vi.hoisted(() => ({ helper: [] as string[], byName: [] as string[] }))

vi.mock('node:fs/promises', async (original) => {
  const real = await original<typeof FsPromises>()
  const lstat = ((path: string, ...rest: []) => {
    calls.byName.push(String(path))
    return real.lstat(path, ...rest)
  }) as typeof real.lstat
  const stat = ((path: string, ...rest: []) => {
    calls.byName.push(String(path))
    return real.stat(path, ...rest)
  }) as typeof real.stat
  return { ...real, default: { ...real, lstat, stat }, lstat, stat }
})

vi.mock('../../src/main/archive/regular-file', async (original) => {
  const real = await original<typeof RegularFile>()
  const record =
    <A extends unknown[], R>(fn: (file: string, ...rest: A) => R) =>
    (file: string, ...rest: A): R => {
      calls.helper.push(file)
      return fn(file, ...rest)
    }
  return {
    ...real,
    openRegular: record(real.openRegular),
    readRegular: record(real.readRegular),
    readRegularBytes: record(real.readRegularBytes),
  }
})

beforeEach(() => {
  calls.helper.length = 0
  calls.byName.length = 0
})

const pipes: string[] = []
afterEach(async () => {
  // A reader still waiting on a pipe (the old code) is let go: a writer opens it and closes it at once.
  for (const file of pipes.splice(0)) {
    const writer = await open(file, constants.O_WRONLY | constants.O_NONBLOCK).catch(() => null)
    await writer?.close()
  }
})

/** `file` was read through the helper, and never looked at by its name first. */
function readAtTheHandle(file: string): void {
  expect(calls.helper).toContain(file)
  expect(calls.byName).not.toContain(file)
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)

describe('each reader goes through openRegular', () => {
  it('the library head, the rows cache and the catalog trust snapshot', async () => {
    const root = await tempDir()
    await mkdir(join(root, 'catalog'))
    const keyFile = join(root, 'key')
    await trustKey(keyFile)
    for (const file of [headFile(root), rowsFile(root), join(root, 'catalog', TRUST_FILE)])
      await writeFile(file, `${'0'.repeat(64)}\n{}`)
    await readHead(root, keyFile)
    readAtTheHandle(headFile(root))
    await readRows(root, keyFile, 'fingerprint')
    await rowsWrittenFor(root, 'fingerprint')
    readAtTheHandle(rowsFile(root))
    await CatalogTrust.open(root, keyFile)
    readAtTheHandle(join(root, 'catalog', TRUST_FILE))
  })

  it('the figures index: its head, pages index, a page and its body', async () => {
    const root = await tempDir()
    const file = join(root, 'figures-index')
    await writeFile(file, 'a\nb\n{"lines":0,"pages":{}}\n')
    const key = Buffer.alloc(32, 1)
    await readIndexHead(file, key)
    await readPagesIndex(file, key, ['a', 'b', 'c'])
    await readPage(file, { lines: 1, pages: { m: [4, 2, 'x'] } }, 'm')
    await readIndexBody(file, key, 'mac')
    expect(calls.helper.filter((f) => f === file)).toHaveLength(4)
    readAtTheHandle(file)
  })

  it("an article's stored image and PDF", async () => {
    const root = await tempDir()
    const [png, pdfName] = [`${'a'.repeat(64)}.png`, `${'b'.repeat(64)}.pdf`]
    const image = assetFile(root, 'abcd1234', png)
    const pdf = assetFile(root, 'abcd1234', pdfName)
    await mkdir(join(image, '..'), { recursive: true })
    await writeFile(image, PNG)
    await writeFile(pdf, '%PDF-1.4')
    await readImage(root, 'abcd1234', png).catch(() => undefined)
    readAtTheHandle(image)
    await readPdfAsset(root, 'abcd1234', pdfName, 1024).catch(() => undefined)
    readAtTheHandle(pdf)
  })

  it("a saved page's image beside it, a file opened with Glossa and a chosen PDF", async () => {
    const root = await tempDir()
    await writeFile(join(root, 'a.png'), PNG)
    const resolved = await resolveImages('<img src="glossa-pending:0">', [{ ref: 0, url: 'a.png' }], {
      folder: root,
    })
    expect(resolved.images).toHaveLength(1)
    readAtTheHandle(join(root, 'a.png'))

    const importer = {
      importBytes: async () => ({ name: 'x', status: 'imported', id: 'abcd1234', title: 'X' }),
    } as unknown as Importer
    const page = join(root, 'page.html')
    await writeFile(page, '<p>Text</p>')
    expect(await importOpened(importer, [page])).toEqual(['Imported X'])
    readAtTheHandle(page)
    const pdf = join(root, 'report.pdf')
    await writeFile(pdf, '%PDF-1.4')
    expect(await importChosenPdf(importer, { path: pdf })).toMatchObject({ status: 'imported' })
    readAtTheHandle(pdf)
  })
})

describe('readers that opened a file by name without a check', () => {
  it('do not wait on a named pipe: the rows cache, the figures index pages, a file opened with Glossa', async () => {
    const root = await tempDir()
    await mkdir(join(root, 'catalog'))
    const index = join(root, 'figures-index')
    const page = join(root, 'page.html')
    for (const file of [rowsFile(root), index, page]) {
      execFileSync('mkfifo', [file])
      pipes.push(file)
    }
    // Each of these opened the pipe and waited for a writer that never came.
    expect(await rowsWrittenFor(root, 'fingerprint')).toBe(false)
    expect(await readPagesIndex(index, Buffer.alloc(32, 1), ['a', 'b', 'c'])).toBeNull()
    expect(await readPage(index, { lines: 1, pages: { m: [4, 2, 'x'] } }, 'm')).toBeNull()
    const importer = { importBytes: async () => ({ status: 'imported' }) } as unknown as Importer
    expect(await importOpened(importer, [page])).toEqual([`${page}: could not be read`])
  })
})
