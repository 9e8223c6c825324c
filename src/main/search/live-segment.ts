// Main process: the segmented index's live segment — the documents added since the last flush, held in memory
// as MiniSearch would index them (same tokenizer, field lengths), postings in plain arrays — and the segment
// bytes it is written as (segment-file.ts). Split from segmented-index.ts.
import { SegmentWriter } from './segment-file'
import type { TermPostings } from './segment-file'
import { processTerm, tokenize } from './terms'

export type Doc = { id: string } & Record<string, string>

/** The segment in memory: documents as MiniSearch would index them, postings in plain arrays. */
export class LiveSegment {
  readonly ids: string[] = []
  readonly lengths: number[] = []
  readonly postings = new Map<string, Map<number, { docs: number[]; tfs: number[] }>>()
  constructor(readonly fields: string[]) {}

  /** Adds one document; returns the terms it brought. */
  add(doc: Doc): string[] {
    const local = this.ids.length
    this.ids.push(doc.id)
    const terms: string[] = []
    this.fields.forEach((field, fieldId) => {
      const value = doc[field]
      const tokens = value == null ? [] : tokenize(String(value))
      // MiniSearch's field length: distinct tokens before processing.
      this.lengths.push(new Set(tokens).size)
      for (const token of tokens) {
        const term = processTerm(token)
        if (!term) continue
        let byField = this.postings.get(term)
        if (!byField) {
          byField = new Map()
          this.postings.set(term, byField)
          terms.push(term)
        }
        let list = byField.get(fieldId)
        if (!list) {
          list = { docs: [], tfs: [] }
          byField.set(fieldId, list)
        }
        const last = list.docs.length - 1
        if (last >= 0 && list.docs[last] === local) list.tfs[last]++
        else {
          list.docs.push(local)
          list.tfs.push(1)
        }
      }
    })
    return terms
  }

  fieldLength(local: number, fieldId: number): number {
    return this.lengths[local * this.fields.length + fieldId]
  }
}

/** The live segment as segment-file bytes, its documents `dead` marks left out. */
export function liveSegmentBytes(live: LiveSegment, dead: Uint8Array, key?: Buffer): Buffer {
  const writer = new SegmentWriter(live.fields.length)
  const renumber = new Int32Array(live.ids.length).fill(-1)
  live.ids.forEach((id, doc) => {
    if (dead[doc]) return
    renumber[doc] = writer.doc(
      id,
      live.fields.map((_, f) => live.fieldLength(doc, f)),
    )
  })
  for (const term of [...live.postings.keys()].sort()) {
    const fields: TermPostings = []
    for (const [fieldId, list] of [...live.postings.get(term)!].sort((x, y) => x[0] - y[0])) {
      const docs: number[] = []
      const tfs: number[] = []
      list.docs.forEach((doc, i) => {
        if (renumber[doc] < 0) return
        docs.push(renumber[doc])
        tfs.push(list.tfs[i])
      })
      fields.push({ fieldId, docs: Uint32Array.from(docs), tfs: Uint32Array.from(tfs) })
    }
    writer.term(term, fields)
  }
  return writer.bytes(key)
}

/** Articles numbered as their documents are met (`<article>` or `<article>#<annotation>`). */
export class ArticleNumbers {
  readonly ids: string[] = []
  private readonly numbers = new Map<string, number>()

  /** The number of the article the document `docId` belongs to. */
  of(docId: string): number {
    const at = docId.indexOf('#')
    const articleId = at < 0 ? docId : docId.slice(0, at)
    let n = this.numbers.get(articleId)
    if (n === undefined) {
      n = this.ids.length
      this.ids.push(articleId)
      this.numbers.set(articleId, n)
    }
    return n
  }
}
