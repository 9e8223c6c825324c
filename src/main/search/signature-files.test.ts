// The article signatures saved in files of their own (signature-files.ts): a save writes only the articles that
// changed; the small files at the end are written as one past MAX_SMALL_FILES while a big file (a build's) is
// never written again; an index saved by the previous Glossa (version 1, the signatures in the manifest) opens
// and its next save writes them out.
import { createHmac } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { INDEX_OPTIONS } from './documents'
import type { Signature } from './freshness'
import { MANIFEST, openStore, saveStore } from './segment-store'
import { SegmentedIndex } from './segmented-index'
import {
  MAX_SMALL_FILES,
  SMALL_FILE_ENTRIES,
  readSignatureFiles,
  writeSignatureFile,
} from './signature-files'
import type { SignatureFile } from './signature-files'
import { makeDocs } from './test-corpus'

const FIELDS = INDEX_OPTIONS.fields
const KEY = Buffer.alloc(32, 5)
const root = mkdtempSync(join(tmpdir(), 'glossa-sigs-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

const sig = (n: number): Signature => ({ meta: `m${n}`, annotations: n % 3 ? '' : `1:2:${n}` })

describe('signature files', () => {
  it('a save writes the changed articles only; a big file stays as it was written', async () => {
    const dir = join(root, 'saves')
    mkdirSync(dir)
    const all = new Map<string, Signature>()
    for (let i = 0; i < SMALL_FILE_ENTRIES + 500; i++) all.set(`b${i}`, sig(i))
    const big = await writeSignatureFile(dir, all.keys(), all, KEY)
    expect(big.ids).toBeUndefined()
    const bigBytes = readFileSync(join(dir, big.file))
    let files: SignatureFile[] = [big]
    let index = new SegmentedIndex(FIELDS)
    for (let round = 0; round < 30; round++) {
      const changed = new Set<string>()
      for (let k = 0; k < 5; k++) {
        const id = `b${(round * 37 + k * 101) % all.size}`
        if (k === 4) all.delete(id)
        else all.set(id, sig(round * 1000 + k))
        changed.add(id)
      }
      const written = await saveStore(dir, index, KEY, { all, changed, files })
      index = written.index
      files = written.files
      expect(files[0]).toEqual(big)
      expect(files.length).toBeLessThanOrEqual(1 + MAX_SMALL_FILES)
      // The newest file holds this round's changes, or them and the small files it was merged with: never
      // the big file's articles again.
      expect(files.at(-1)!.count).toBeLessThan(SMALL_FILE_ENTRIES + 5)
    }
    expect(readFileSync(join(dir, big.file))).toEqual(bigBytes)
    const opened = await openStore(dir, FIELDS, KEY)
    if (!opened.ok) throw new Error(opened.reason)
    expect(opened.signatures).toEqual(all)
    expect(opened.rewrite).toBe(false)
    expect(readdirSync(dir).filter((n) => n.startsWith('sig-'))).toHaveLength(files.length)
    opened.index.close()
  })

  it('reads files in order, a later entry winning, null removing', async () => {
    const dir = join(root, 'order')
    mkdirSync(dir)
    const first = new Map([
      ['x', sig(1)],
      ['y', sig(2)],
    ])
    const a = await writeSignatureFile(dir, first.keys(), first, KEY)
    const second = new Map([['x', sig(3)]])
    const b = await writeSignatureFile(dir, ['x', 'y'], second, KEY)
    const { signatures } = await readSignatureFiles(dir, [a, b], KEY)
    expect(signatures).toEqual(new Map([['x', sig(3)]]))
    await expect(readSignatureFiles(dir, [a, b], Buffer.alloc(32, 6))).rejects.toThrow(
      /is not the signature file/,
    )
    await expect(readSignatureFiles(dir, [{ ...a, count: 3 }], KEY)).rejects.toThrow(/does not hold/)
  })

  it('an index saved with its signatures in the manifest (version 1) opens, and its next save writes them out', async () => {
    const dir = join(root, 'v1')
    const docs = makeDocs(30, 2)
    const start = new SegmentedIndex(FIELDS)
    start.add(docs)
    const { index } = await saveStore(dir, start, KEY)
    index.close()
    // The manifest as the previous Glossa wrote it: version 1, every article's signature inside, MACed.
    const saved = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'))
    const articles = Object.fromEntries(docs.map((d, i) => [d.id, [`m${i}`, '']]))
    const body = {
      format: saved.format,
      version: 1,
      fields: saved.fields,
      segments: saved.segments,
      articles,
    }
    const json = JSON.stringify(body)
    const mac = createHmac('sha256', KEY).update(`${saved.format} 1\n`).update(json).digest('hex')
    writeFileSync(join(dir, MANIFEST), `${json.slice(0, -1)},"mac":"${mac}"}`)

    const opened = await openStore(dir, FIELDS, KEY)
    if (!opened.ok) throw new Error(opened.reason)
    expect(opened.rewrite).toBe(true)
    expect(opened.files).toEqual([])
    expect(opened.signatures.size).toBe(30)
    const all = opened.signatures
    const written = await saveStore(dir, opened.index, KEY, { all, changed: new Set(all.keys()), files: [] })
    written.index.close()
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'))
    expect(manifest.version).toBe(2)
    expect(manifest.articles).toBeUndefined()
    const again = await openStore(dir, FIELDS, KEY)
    if (!again.ok) throw new Error(again.reason)
    expect(again.signatures).toEqual(all)
    expect(again.rewrite).toBe(false)
    again.index.close()
  })
})
