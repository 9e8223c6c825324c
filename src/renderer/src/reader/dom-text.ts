// Renderer: maps between plain-text offsets of an article and DOM ranges in the reader, using the same
// text model main used to derive the article's text, so highlights created and restored land alike.
import { buildTextModel } from '../../../shared/text-model'
import type { TextModel, TextSegment } from '../../../shared/text-model'

export type DomText = TextModel<Node>

export function readDomText(container: HTMLElement): DomText {
  return buildTextModel<Node>(container)
}

/** Index of the first segment ending after `offset` (binary search: segments are sorted and disjoint). */
function segmentAt(model: DomText, offset: number): number {
  let lo = 0
  let hi = model.segments.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (model.segments[mid].end <= offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

function boundary(seg: TextSegment<Node>, offset: number): [Node, number] {
  const within = Math.min(Math.max(offset, seg.start), seg.end) - seg.start
  return [seg.node, seg.nodeStart + within]
}

export function rangeFromOffsets(model: DomText, start: number, end: number): Range | null {
  if (!model.segments.length || end <= start) return null
  const first = model.segments[segmentAt(model, start)]
  const last = model.segments[segmentAt(model, end - 1)]
  const range = document.createRange()
  range.setStart(...boundary(first, start))
  range.setEnd(...boundary(last, end))
  return range
}

/** Text offset of a DOM boundary point; points between text nodes snap to the next text. */
export function offsetOfPoint(model: DomText, node: Node, offset: number): number {
  const byNode = model.segments.find((s) => s.node === node)
  if (byNode) {
    const within = Math.min(Math.max(offset - byNode.nodeStart, 0), byNode.end - byNode.start)
    return byNode.start + within
  }
  // An element boundary: find the first text segment at or after that point in document order.
  const probe = document.createRange()
  probe.setStart(node, offset)
  for (const seg of model.segments) {
    if (probe.comparePoint(seg.node, seg.nodeStart) >= 0) return seg.start
  }
  return model.text.length
}

export function offsetsFromRange(model: DomText, range: Range): { start: number; end: number } | null {
  let start = offsetOfPoint(model, range.startContainer, range.startOffset)
  let end = offsetOfPoint(model, range.endContainer, range.endOffset)
  // Trim whitespace and separators from the edges, as a researcher means the words they selected.
  while (start < end && /\s/.test(model.text[start])) start++
  while (end > start && /\s/.test(model.text[end - 1])) end--
  return end > start ? { start, end } : null
}

export function offsetAtClientPoint(model: DomText, x: number, y: number): number | null {
  const caret = document.caretPositionFromPoint?.(x, y)
  if (caret) return offsetOfPoint(model, caret.offsetNode, caret.offset)
  const range = document.caretRangeFromPoint?.(x, y)
  return range ? offsetOfPoint(model, range.startContainer, range.startOffset) : null
}
