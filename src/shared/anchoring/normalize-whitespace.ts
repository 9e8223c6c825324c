// Runs everywhere: a whitespace-insensitive view of a text, with a map back to the original offsets.
//
// Markup changes move, add, drop and swap whitespace ("\n\n" becomes " " or nothing, a "\t" becomes "\n",
// lines are re-wrapped, a space becomes a no-break space, soft hyphens appear). Removing every such
// character — rather than collapsing runs to one space — makes all of these the same text.

/** Whitespace as JavaScript's `\s` knows it, plus invisible characters that markup inserts. */
export function isIgnorable(code: number): boolean {
  if (code > 0x20 && code < 0x7f) return false
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  switch (code) {
    case 0x85: // next line
    case 0xa0: // no-break space
    case 0xad: // soft hyphen
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x2060: // word joiner
    case 0x3000:
    case 0xfeff: // zero-width no-break space
      return true
    default:
      // En quad to hair space, then zero-width space, non-joiner and joiner.
      return code >= 0x2000 && code <= 0x200d
  }
}

export type StrippedText = {
  /** The text without any ignorable character. */
  text: string
  /** `offsets[i]` is where `text[i]` sits in the original text. */
  offsets: Uint32Array
}

/** Removes every ignorable character from `text`, remembering where each kept character came from. */
export function stripText(text: string): StrippedText {
  const offsets = new Uint32Array(text.length)
  const runs: string[] = []
  let kept = 0
  let runStart = -1
  for (let i = 0; i < text.length; i++) {
    if (isIgnorable(text.charCodeAt(i))) {
      if (runStart >= 0) runs.push(text.slice(runStart, i))
      runStart = -1
    } else {
      if (runStart < 0) runStart = i
      offsets[kept++] = i
    }
  }
  if (runStart >= 0) runs.push(text.slice(runStart))
  return { text: runs.join(''), offsets: offsets.subarray(0, kept) }
}

/** `stripText(s).text`, without the offsets. */
export function stripString(s: string): string {
  let out = ''
  let runStart = 0
  for (let i = 0; i < s.length; i++) {
    if (!isIgnorable(s.charCodeAt(i))) continue
    out += s.slice(runStart, i)
    runStart = i + 1
  }
  return runStart === 0 ? s : out + s.slice(runStart)
}

/** How many ignorable characters run from `at` forward (direction 1) or backward from just before it (-1). */
export function countIgnorable(text: string, at: number, direction: 1 | -1): number {
  let count = 0
  for (let i = direction === 1 ? at : at - 1; i >= 0 && i < text.length; i += direction) {
    if (!isIgnorable(text.charCodeAt(i))) break
    count++
  }
  return count
}

/** The stripped offset of the first kept character at or after the original offset `offset`. */
export function toStrippedOffset(stripped: StrippedText, offset: number): number {
  const { offsets } = stripped
  let low = 0
  let high = offsets.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (offsets[mid] < offset) low = mid + 1
    else high = mid
  }
  return low
}

/**
 * The original range holding the stripped characters `[from, to)`, widened over up to `widen.before` and
 * `widen.after` whitespace characters next to it (as many as the quote being placed began or ended with).
 */
export function toOriginalRange(
  original: string,
  stripped: StrippedText,
  from: number,
  to: number,
  widen: { before: number; after: number },
): { start: number; end: number } {
  const start = stripped.offsets[from]
  const end = stripped.offsets[to - 1] + 1
  return {
    start: start - Math.min(widen.before, countIgnorable(original, start, -1)),
    end: end + Math.min(widen.after, countIgnorable(original, end, 1)),
  }
}
