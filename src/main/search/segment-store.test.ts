// The segmented index saved as a folder (segment files + an authenticated manifest) and opened again: what was
// saved is what opens (documents, tombstones, ranking), a merge drops the tombstoned documents, files no manifest
// names are removed, and a manifest that was edited, forged, or names a segment it did not write is refused with
// a reason (the owner rebuilds), never trusted.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { INDEX_OPTIONS, SEARCH_OPTIONS } from './documents'
import type { Signature } from './freshness'
import { MANIFEST, mergeStore, openStore, saveStore } from './segment-store'
import { SegmentedIndex } from './segmented-index'
import type { SegmentedIndex as Index } from './segmented-index'
import { MAX_SMALL_FILES } from './signature-files'
import type { SignatureFile } from './signature-files'
import { QUERIES, makeDocs } from './test-corpus'

const FIELDS = INDEX_OPTIONS.fields
const KEY = Buffer.alloc(32, 3)
const root = mkdtempSync(join(tmpdir(), 'glossa-store-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** Every query's matches and scores, in a form two indexes can be compared by. */
function answers(index: Index): unknown[] {
  const options = { ...SEARCH_OPTIONS, combineWith: 'AND' as const }
  return QUERIES.map((q) =>
    [...index.rank(q, options).results()]
      .map((r) => [r.id, Math.round(r.score * 1e9)])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  )
}

async function opened(dir: string, key: Buffer | undefined = KEY): Promise<Index> {
  const result = await openStore(dir, FIELDS, key)
  if (!result.ok) throw new Error(result.reason)
  return result.index
}

describe('saving and opening the segmented index', () => {
  it('opens what was saved; tombstones and new segments persist; a merge keeps the answers', async () => {
    const dir = join(root, 'a')
    expect(await openStore(dir, FIELDS, KEY)).toEqual({ ok: false, reason: 'missing' })
    const docs = makeDocs(240, 4)
    const reference = new SegmentedIndex(FIELDS)
    reference.add(docs)

    let index = new SegmentedIndex(FIELDS)
    index.add(docs.slice(0, 150))
    index = (await saveStore(dir, index, KEY)).index
    index.add(docs.slice(150))
    index = (await saveStore(dir, index, KEY)).index
    expect(index.segments.length).toBe(2)
    expect(answers(index)).toEqual(answers(reference))

    for (let i = 0; i < 240; i += 9) {
      index.removeArticle(docs[i].id)
      reference.removeArticle(docs[i].id)
    }
    index = (await saveStore(dir, index, KEY)).index
    index.close()
    index = await opened(dir)
    expect(index.tombstones).toBe(27)
    expect(index.documentCount).toBe(240 - 27)
    expect(answers(index)).toEqual(answers(reference))
    index.close()

    const merged = await mergeStore(dir, FIELDS, KEY)
    if (!merged.ok) throw new Error(merged.reason)
    expect(merged.index.segments.length).toBe(1)
    expect(merged.index.tombstones).toBe(0)
    expect(answers(merged.index)).toEqual(answers(reference))
    merged.index.close()
    // Only the merged segment and the manifest are left.
    const left = readdirSync(dir)
    expect(left).toContain(MANIFEST)
    expect(left.filter((n) => n !== MANIFEST)).toEqual([merged.index.segments[0].file.split(/[\\/]/).pop()])
  })
})

describe('many saves', () => {
  it('merge the small segments at the end as one, keeping the answers, the tombstones and the articles', async () => {
    const dir = join(root, 'many')
    const docs = makeDocs(300, 11)
    const reference = new SegmentedIndex(FIELDS)
    let index = new SegmentedIndex(FIELDS)
    let most = 0
    const all = new Map<string, Signature>()
    let files: SignatureFile[] = []
    for (let i = 0; i < 300; i += 15) {
      index.add(docs.slice(i, i + 15))
      reference.add(docs.slice(i, i + 15))
      // One of the documents just added (still in the live segment) and one saved before are tombstoned.
      for (const gone of i >= 30 ? [docs[i - 30], docs[i + 1]] : [docs[i + 1]]) {
        index.removeArticle(gone.id)
        reference.removeArticle(gone.id)
      }
      // An article signed, and one signed before removed: only those two are written.
      all.set(docs[i].id, { meta: `m${i}`, annotations: 'a' })
      if (i >= 30) all.delete(docs[i - 30].id)
      const changed = new Set(i >= 30 ? [docs[i].id, docs[i - 30].id] : [docs[i].id])
      const { index: saved, files: next } = await saveStore(dir, index, KEY, { all, changed, files })
      files = next
      expect(files.length).toBeLessThanOrEqual(MAX_SMALL_FILES)
      if (saved !== index) index.close()
      index = saved
      expect(index.liveSize).toBe(0)
      expect(answers(index)).toEqual(answers(reference))
      most = Math.max(most, index.segments.length)
    }
    expect(most).toBeLessThanOrEqual(7)
    expect(answers(index)).toEqual(answers(reference))
    index.close()
    const reopened = await openStore(dir, FIELDS, KEY)
    if (!reopened.ok) throw new Error(reopened.reason)
    expect(answers(reopened.index)).toEqual(answers(reference))
    expect(reopened.index.documentCount).toBe(reference.documentCount)
    expect(reopened.signatures).toEqual(all)
    expect(all.size).toBe(2)
    // Only the segments and signature files the manifest names are left.
    expect(readdirSync(dir).filter((n) => n.endsWith('.seg'))).toHaveLength(reopened.index.segments.length)
    expect(readdirSync(dir).filter((n) => n.startsWith('sig-'))).toHaveLength(files.length)
    reopened.index.close()
  })
})

describe('a manifest that is not as this Glossa wrote it is refused', () => {
  async function saved(name: string): Promise<string> {
    const dir = join(root, name)
    const first = new SegmentedIndex(FIELDS)
    first.add(makeDocs(40, 8))
    const { index } = await saveStore(dir, first, KEY)
    index.removeArticle(makeDocs(40, 8)[3].id)
    index.add(makeDocs(10, 9, 40))
    ;(await saveStore(dir, index, KEY)).index.close()
    return dir
  }
  const manifest = (dir: string): unknown => JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'))

  it('a tombstone removed or added by hand, another key, no key', async () => {
    const dir = await saved('edited')
    const m = manifest(dir) as { segments: { dead: number[] }[] }
    expect(await openStore(dir, FIELDS, Buffer.alloc(32, 4))).toMatchObject({
      ok: false,
      reason: /not written by this Glossa/,
    })
    expect(await openStore(dir, FIELDS, undefined)).toMatchObject({
      ok: false,
      reason: /not written by this Glossa/,
    })
    m.segments[0].dead = []
    writeFileSync(join(dir, MANIFEST), JSON.stringify(m))
    expect(await openStore(dir, FIELDS, KEY)).toMatchObject({
      ok: false,
      reason: /not written by this Glossa/,
    })
    m.segments[0].dead = [3, 5]
    writeFileSync(join(dir, MANIFEST), JSON.stringify(m))
    expect(await openStore(dir, FIELDS, KEY)).toMatchObject({
      ok: false,
      reason: /not written by this Glossa/,
    })
  })

  it('segments swapped, one missing or damaged; a manifest that is not JSON or not its shape', async () => {
    const dir = await saved('swapped')
    const m = manifest(dir) as { segments: { file: string }[] }
    const [a, b] = m.segments.map((s) => join(dir, s.file))
    const bytesA = readFileSync(a)
    const bytesB = readFileSync(b)
    writeFileSync(a, bytesB)
    writeFileSync(b, bytesA)
    expect(await openStore(dir, FIELDS, KEY)).toMatchObject({
      ok: false,
      reason: /not the segment the manifest names/,
    })
    rmSync(b)
    expect(await openStore(dir, FIELDS, KEY)).toMatchObject({ ok: false, reason: /^corrupt: / })
    writeFileSync(b, bytesB.subarray(0, 100))
    expect(await openStore(dir, FIELDS, KEY)).toMatchObject({ ok: false, reason: /^corrupt: / })
    writeFileSync(join(dir, MANIFEST), '{"format":')
    expect(await openStore(dir, FIELDS, KEY)).toMatchObject({ ok: false, reason: /not JSON/ })
    writeFileSync(join(dir, MANIFEST), JSON.stringify({ ...m, version: 1, extra: 1 }))
    expect(await openStore(dir, FIELDS, KEY)).toMatchObject({ ok: false, reason: /shape/ })
    writeFileSync(join(dir, MANIFEST), JSON.stringify({ ...m, version: 9 }))
    expect(await openStore(dir, FIELDS, KEY)).toMatchObject({ ok: false, reason: /^stale: / })
  })
})
