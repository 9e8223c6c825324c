// Main process: several segment files written as one, without their tombstoned documents (a save's tail merge,
// the merge job). Split from segmented-index.ts.
import { SegmentWriter } from './segment-file'
import type { SegmentReader } from './segment-file'

/**
 * Several segments as one, without the documents `dead` marks: documents in segment order, each term's
 * postings renumbered and joined. Reads the segments a term at a time; holds the output (bounded by the
 * segments' size) until it is written.
 */
export function mergeSegments(segments: SegmentReader[], dead: Uint8Array[], key?: Buffer): Buffer {
  const fieldCount = segments[0]?.fieldCount ?? 0
  const writer = new SegmentWriter(fieldCount)
  const renumber = segments.map((segment, s) => {
    const map = new Int32Array(segment.docCount).fill(-1)
    for (let doc = 0; doc < segment.docCount; doc++) {
      if (dead[s]?.[doc]) continue
      const lengths = Array.from({ length: fieldCount }, (_, f) => segment.fieldLength(doc, f))
      map[doc] = writer.doc(segment.docId(doc), lengths)
    }
    return map
  })
  // A k-way walk over the segments' sorted term lists.
  const cursor = segments.map(() => 0)
  for (;;) {
    let next: string | undefined
    segments.forEach((segment, s) => {
      if (cursor[s] >= segment.termCount) return
      const term = segment.term(cursor[s])
      if (next === undefined || term < next) next = term
    })
    if (next === undefined) break
    const byField = new Map<number, { docs: number[]; tfs: number[] }>()
    segments.forEach((segment, s) => {
      if (cursor[s] >= segment.termCount || segment.term(cursor[s]) !== next) return
      const [first, end] = segment.entryRange(cursor[s]++)
      for (let k = first; k < end; k++) {
        const fieldId = segment.entryField(k)
        let list = byField.get(fieldId)
        if (!list) {
          list = { docs: [], tfs: [] }
          byField.set(fieldId, list)
        }
        const { docs, tfs } = segment.block(k)
        for (let i = 0; i < docs.length; i++) {
          const doc = renumber[s][docs[i]]
          if (doc < 0) continue
          list.docs.push(doc)
          list.tfs.push(tfs[i])
        }
      }
    })
    writer.term(
      next,
      [...byField]
        .sort((x, y) => x[0] - y[0])
        .map(([fieldId, l]) => ({ fieldId, docs: Uint32Array.from(l.docs), tfs: Uint32Array.from(l.tfs) })),
    )
  }
  return writer.bytes(key)
}
