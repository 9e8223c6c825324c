import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as make from '../../test/fixtures/pdf/make-pdfs'
import { useBundledParseWorker } from '../../test/parse-worker'
import { tempDir } from '../../test/temp-archive'
import { commands } from './commands'
import type * as Paths from './paths'
import { main } from './main'

// `glossa import` parses in its bounded parse process, built beside out/cli/index.js by `npm run build`;
// here the test bundles the same worker and the command finds it where paths.ts says it lives.
vi.mock('./paths', async (original) =>
  (await import('../../test/parse-worker')).withParseWorker(await original<typeof Paths>()),
)
useBundledParseWorker()

let out: string[] = []
beforeEach(() => {
  out = []
  vi.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)))
})
afterEach(() => vi.restoreAllMocks())

describe('glossa figures', () => {
  it('prints candidates with offsets into the file text exactly as read', async () => {
    const dir = await tempDir()
    const file = join(dir, 'a.txt')
    const text =
      ' date 2024-01-10 Nausėda — “500” strikes\n\nThere are more than 50 state and private manufacturers.\r\n'
    await writeFile(file, text)
    expect(await commands.figures([file, '--json'])).toBe(0)
    const found = JSON.parse(out.join('\n')) as { text: string; start: number; end: number; value: number }[]
    expect(found.map((f) => f.text)).toEqual(['500', 'more than 50'])
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text)
  })

  it('prints the prefill the form would use: period against the date line, and who said it', async () => {
    const dir = await tempDir()
    const file = join(dir, 'a.txt')
    await writeFile(
      file,
      'date 2024-03-14 Strikes\n\nRussia launched 500 drones in the first week of March, Defence Minister ' +
        'Rustem Umerov said. He added that 70% were shot down.\n',
    )
    expect(await commands.figures([file, '--json'])).toBe(0)
    const found = JSON.parse(out.join('\n')) as {
      text: string
      period?: { start: string; end: string }
      attributedTo?: string
    }[]
    expect(found.map((f) => [f.text, f.period, f.attributedTo])).toEqual([
      ['500', { start: '2024-03-01', end: '2024-03-07' }, 'Rustem Umerov'],
      ['70%', { start: '2024-03-01', end: '2024-03-07' }, 'Rustem Umerov'],
    ])
  })

  it('reads with the language given, and refuses one it has no rules for', async () => {
    const dir = await tempDir()
    const file = join(dir, 'a.txt')
    await writeFile(file, 'date 2024-03-14 Frappes\n\nPlus de 1 200 drones ont été lancés.\n')
    expect(await commands.figures([file, '--json', '--lang', 'fr'])).toBe(0)
    const found = JSON.parse(out.join('\n')) as { value: number }[]
    expect(found.map((f) => f.value)).toEqual([1200])
    await expect(commands.figures([file, '--lang', 'xx'])).rejects.toThrow(/--lang must be one of/)
  })
})

describe('glossa import, list and show', () => {
  it('imports a folder, reports each file, skips duplicates, and shows the stored text', async () => {
    const dir = await tempDir()
    const src = join(dir, 'in')
    await mkdir(join(src, 'nested'), { recursive: true })
    await writeFile(join(src, 'a.txt'), ' date 2024-01-10 First article\n\nIt counted 1,203 shelters.')
    await writeFile(
      join(src, 'nested', 'b.md'),
      '---\ntitle: Second\ndate: 2024-02-01\n---\n\nNearly **70%** were repelled.',
    )
    await writeFile(join(src, 'nested', 'c.html'), '\u0000\u0001binary')
    await writeFile(join(src, 'notes.docx'), 'ignored in folders')
    const archive = join(dir, 'archive')

    expect(await commands.import([src, '--archive', archive, '--json'])).toBe(1)
    const report = JSON.parse(out.join('\n'))
    expect(report.summary).toEqual({ imported: 2, duplicates: 0, failed: 1, cancelled: false })
    expect(report.results.map((r: { status: string }) => r.status)).toEqual([
      'imported',
      'imported',
      'failed',
    ])
    expect(report.results[2].message).toMatch(/c\.html/)

    out = []
    expect(await commands.import([join(src, 'a.txt'), '--archive', archive])).toBe(0)
    expect(out.at(-1)).toBe('0 imported, 1 already in the archive, 0 failed')

    out = []
    await commands.list(['--archive', archive, '--json'])
    const list = JSON.parse(out.join('\n')) as { id: string; title: string; publishedAt?: string }[]
    const first = list.find((a) => a.title === 'First article')!
    expect(first.publishedAt).toBe('2024-01-10')

    out = []
    await commands.show([first.id, '--archive', archive, '--text'])
    expect(out.join('\n')).toBe('It counted 1,203 shelters.')
    expect(JSON.parse(await readFile(join(archive, 'glossa.json'), 'utf8')).format).toBe('glossa-archive')
  })
})

describe('glossa import of PDF reports', () => {
  /** Standard input replaced by `text` for one call, as `echo text | glossa import …` gives it. */
  async function withStdin<T>(text: string, run: () => Promise<T>): Promise<T> {
    const real = Object.getOwnPropertyDescriptor(process, 'stdin')!
    Object.defineProperty(process, 'stdin', { value: Readable.from([Buffer.from(text)]), configurable: true })
    try {
      return await run()
    } finally {
      Object.defineProperty(process, 'stdin', real)
    }
  }

  it('imports a PDF report into a real archive, and an encrypted one with --password-stdin', async () => {
    const dir = await tempDir()
    const archive = join(dir, 'archive')
    const report = join(dir, 'report.pdf')
    const secret = join(dir, 'secret.pdf')
    await writeFile(report, await make.tablePdf())
    await writeFile(secret, await make.encryptedPdf())

    expect(await commands.import([report, '--archive', archive])).toBe(0)
    expect(out.at(-2)).toMatch(/^\[1\/1\] \S+ {2}Schools by region {2}← .*report\.pdf$/)

    // Without its password: refused, saying how to give it here.
    out = []
    expect(await commands.import([secret, '--archive', archive])).toBe(1)
    expect(out[0]).toMatch(/“.*secret\.pdf” is protected by a password.*--password-stdin/)
    out = []
    expect(
      await withStdin('wrong\n', () => commands.import([secret, '--archive', archive, '--password-stdin'])),
    ).toBe(1)
    expect(out[0]).toMatch(/The password for “.*secret\.pdf” is wrong/)
    out = []
    const ok = await withStdin(`${make.PDF_PASSWORD}\n`, () =>
      commands.import([secret, '--archive', archive, '--password-stdin', '--json']),
    )
    expect(ok).toBe(0)
    expect(JSON.parse(out.join('\n')).results[0]).toMatchObject({
      status: 'imported',
      title: 'Confidential bridge figures',
    })
    await expect(
      withStdin('', () => commands.import([secret, '--archive', archive, '--password-stdin'])),
    ).rejects.toThrow(/standard input was empty/)

    out = []
    await commands.list(['--archive', archive, '--json'])
    const list = JSON.parse(out.join('\n')) as { id: string; title: string }[]
    const schools = list.find((a) => a.title === 'Schools by region')!
    out = []
    await commands.show([schools.id, '--archive', archive, '--text'])
    expect(out.join('\n')).toContain('North\t42\t11,300')
  }, 60_000)
})

describe('glossa export', () => {
  it('writes figures.csv for one metric, and Markdown notes per article into a folder', async () => {
    const dir = await tempDir()
    const archive = join(dir, 'archive')
    const src = join(dir, 'a.txt')
    await writeFile(src, ' date 2024-01-10 Strikes\n\nThere were 500 missile and drone strikes.')
    await commands.import([src, '--archive', archive])
    out = []
    await commands.list(['--archive', archive, '--json'])
    const id = (JSON.parse(out.join('\n')) as { id: string; title: string }[]).find(
      (a) => a.title === 'Strikes',
    )!.id
    const { Archive } = await import('../main/archive/archive')
    const { createService } = await import('../main/service')
    const handlers = createService({ archive: await Archive.open(archive), version: 't' })
    await handlers['annotations.create']({
      articleId: id,
      target: {
        quote: { type: 'TextQuoteSelector', exact: '500', prefix: 'There were ', suffix: ' missile' },
        position: { type: 'TextPositionSelector', start: 11, end: 14 },
      },
      figure: { value: 500, metric: 'strikes/launched' },
    })

    const csv = join(dir, 'out', 'figures.csv')
    expect(
      await commands.export(['--archive', archive, '--format', 'csv', '--metric', 'strikes', '--out', csv]),
    ).toBe(0)
    const rows = (await readFile(csv, 'utf8')).trim().split('\r\n')
    expect(rows).toHaveLength(2)
    expect(rows[1]).toContain(',500,')

    const notes = join(dir, 'notes')
    await commands.export([
      '--archive',
      archive,
      '--format',
      'md',
      '--layout',
      'per-article',
      '--article',
      id,
      '--out',
      notes,
    ])
    expect(out.at(-1)).toMatch(/wrote .*notes\/strikes\.md$/)
    expect(await readFile(join(notes, 'strikes.md'), 'utf8')).toContain('**500**')
    await expect(commands.export(['--archive', archive, '--format', 'docx'])).rejects.toThrow(
      /--format must be one of/,
    )
  })
})

describe('glossa help', () => {
  it.each([[['--help']], [['help']], [[]]])('%j prints every command and exits 0', async (argv) => {
    expect(await main(argv)).toBe(0)
    const text = out.join('\n')
    for (const name of ['import', 'list', 'show', 'figures', 'export', 'serve'])
      expect(text).toContain(`glossa ${name}`)
    expect(text).toContain('GLOSSA_ARCHIVE')
  })

  it.each([[['help', 'export']], [['export', '--help']], [['export', '-h']]])(
    '%j prints the command’s options in aligned columns',
    async (argv) => {
      expect(await main(argv)).toBe(0)
      const lines = out
        .join('\n')
        .split('\n')
        .filter((l) => l.startsWith('  --'))
      for (const flag of ['--archive DIR', '--format', '--collection', '--metric', '--out PATH', '--help'])
        expect(lines.some((l) => l.includes(flag))).toBe(true)
      // every description starts in the same column
      const starts = lines.map((l) => /^ {2}\S+(?: [A-Z|a-z]+)?\s{2,}/.exec(l)?.[0].length)
      expect(new Set(starts).size).toBe(1)
    },
  )

  it('names an unknown command and exits 2', async () => {
    const errors: string[] = []
    vi.spyOn(console, 'error').mockImplementation((line: unknown) => void errors.push(String(line)))
    expect(await main(['frobnicate'])).toBe(2)
    expect(errors.join('\n')).toMatch(/Unknown command "frobnicate"/)
  })
})
