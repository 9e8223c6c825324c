// Importer.importInOrder: pages parsed ahead (two parse processes) are stored in the order asked for, whichever
// is parsed first; results come back and are told in that order; no more than the parser's processes plus one
// are under way. On a real archive; the last case through two real parse processes.
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { tempDir } from '../../test/temp-archive'
import { parseWorker, useBundledParseWorker } from '../../test/parse-worker'
import { Archive } from './archive/archive'
import { Importer } from './importer'
import type { ImportInput } from './import'
import { nodeProcess } from './jobs/job-process'
import { inProcessParser, processParser } from './jobs/parse-service'
import type { DocumentParser } from './jobs/parse-service'

useBundledParseWorker()

const page = (name: string, title: string, words = title) => ({
  name,
  bytes: new TextEncoder().encode(
    `<html><head><title>${title}</title></head><body><article><h1>${title}</h1>` +
      `<p>${words}: crews restored power to 4,000 homes on Tuesday after the overnight strikes.</p>` +
      `<p>The operator said repairs to ${words} would take another week in the eastern districts.</p>` +
      '</article></body></html>',
  ),
})

/** The in-process parser with each page's parse held until `release(name)`; counts parses under way. */
function heldParser(workers: number) {
  const gates = new Map<string, () => void>()
  const waiting = new Map<string, Promise<void>>()
  const seen = { underWay: 0, most: 0, started: [] as string[] }
  const gate = (name: string) => {
    if (!waiting.has(name)) waiting.set(name, new Promise<void>((r) => gates.set(name, r)))
    return waiting.get(name)!
  }
  const parser: DocumentParser = {
    ...inProcessParser,
    workers,
    document: async (input: ImportInput) => {
      seen.started.push(input.name)
      seen.underWay++
      seen.most = Math.max(seen.most, seen.underWay)
      await gate(input.name)
      seen.underWay--
      return inProcessParser.document(input)
    },
  }
  const release = (name: string) => {
    gate(name)
    gates.get(name)!()
  }
  return { parser, seen, release }
}

async function openArchive() {
  return Archive.open(join(await tempDir(), 'archive'))
}

describe('importInOrder', () => {
  it('stores pages in the order asked for when a later one is parsed first, and tells results in that order', async () => {
    const archive = await openArchive()
    const { parser, release } = heldParser(2)
    const importer = new Importer(archive, undefined, parser)
    const created = vi.spyOn(archive, 'createArticle')
    const told: string[] = []
    const done = importer.importInOrder(
      [page('a.html', 'Alpha'), page('b.html', 'Bravo'), page('c.html', 'Charlie')],
      (input) => importer.importBytes(input),
      (result, i) => told.push(`${i}:${result.title}`),
    )
    release('c.html')
    release('b.html')
    await new Promise((r) => setTimeout(r, 50))
    expect(created).not.toHaveBeenCalled()
    release('a.html')
    const results = await done
    expect(results.map((r) => [r.status, r.title])).toEqual([
      ['imported', 'Alpha'],
      ['imported', 'Bravo'],
      ['imported', 'Charlie'],
    ])
    expect(created.mock.calls.map(([input]) => input.title)).toEqual(['Alpha', 'Bravo', 'Charlie'])
    expect(told).toEqual(['0:Alpha', '1:Bravo', '2:Charlie'])
    await archive.flush()
  })

  it('keeps the first of two copies in the order asked for, though the second is parsed first', async () => {
    const archive = await openArchive()
    const { parser, release } = heldParser(2)
    const importer = new Importer(archive, undefined, parser)
    const done = importer.importInOrder(
      [page('first.html', 'Copy'), page('other.html', 'Other'), page('second.html', 'Copy')],
      (input) => importer.importBytes(input),
    )
    release('second.html')
    release('other.html')
    await new Promise((r) => setTimeout(r, 20))
    release('first.html')
    const results = await done
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['first.html', 'imported'],
      ['other.html', 'imported'],
      ['second.html', 'duplicate'],
    ])
    expect(results[2].id).toBe(results[0].id)
    await archive.flush()
  })

  it('has the parser’s processes plus one under way, no more, and stops starting new ones when asked', async () => {
    const archive = await openArchive()
    const { parser, seen, release } = heldParser(2)
    const importer = new Importer(archive, undefined, parser)
    const pages = Array.from({ length: 8 }, (_, i) => page(`p${i}.html`, `Page ${i}`, `word${i}`))
    let stop = false
    const done = importer.importInOrder(
      pages,
      (input) => importer.importBytes(input),
      (_, i) => (stop = i === 3),
      () => stop,
    )
    for (const p of pages) {
      await new Promise((r) => setTimeout(r, 5))
      release(p.name)
    }
    const results = await done
    expect(seen.most).toBe(3)
    // Told of page 3, it stops starting new ones: the two started after page 2 was told still finish.
    expect(results.map((r) => r.title)).toEqual(['Page 0', 'Page 1', 'Page 2', 'Page 3', 'Page 4', 'Page 5'])
    expect(seen.started).toHaveLength(6)
    await archive.flush()
  })

  it('imports through two real parse processes, stored in order', async () => {
    const archive = await openArchive()
    const parser = processParser((execArgv) => nodeProcess(parseWorker.file, execArgv), { workers: 2 })
    const importer = new Importer(archive, undefined, parser)
    const created = vi.spyOn(archive, 'createArticle')
    const pages = Array.from({ length: 6 }, (_, i) => page(`r${i}.html`, `Report ${i}`, `district${i}`))
    try {
      const results = await importer.importInOrder(pages, (input) => importer.importBytes(input))
      expect(results.map((r) => [r.status, r.title])).toEqual(
        pages.map((_, i) => ['imported', `Report ${i}`]),
      )
      expect(created.mock.calls.map(([input]) => input.title)).toEqual(pages.map((_, i) => `Report ${i}`))
    } finally {
      parser.close()
      await archive.flush()
    }
  })
})
