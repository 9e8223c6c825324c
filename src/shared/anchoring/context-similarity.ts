// Runs everywhere: how well the text beside a candidate agrees with a stored prefix or suffix.

/** A side of context agrees when at least this share of it survives (at most 8 edits in 32 characters). */
export const MIN_CONTEXT_SIMILARITY = 0.75
/** A side strong enough to place an exact quote on its own (at most 3 edits in 32 characters). */
export const STRONG_CONTEXT_SIMILARITY = 0.9
/** Fewer characters than this are too little evidence for a side to agree, unless they reach the text edge. */
export const MIN_CONTEXT_CHARS = 8
/**
 * The characters touching the quote must be unchanged for a side to agree. Without this, deleting a short
 * passage with a few characters around it would let a copy of it a few characters away borrow its context.
 */
export const TOUCHING_CHARS = 4

export type SideAgreement = { similarity: number; agrees: boolean; strong: boolean }

/**
 * Edit distances between `stored` and `actual`, both read outward from the quote so that the characters
 * touching the quote must line up: `free` lets `actual` run on past the match, `full` compares all of it.
 */
export function outwardDistance(stored: string, actual: string): { free: number; full: number } {
  const n = actual.length
  let previous = new Uint32Array(n + 1)
  let current = new Uint32Array(n + 1)
  for (let j = 0; j <= n; j++) previous[j] = j
  for (let i = 1; i <= stored.length; i++) {
    const code = stored.charCodeAt(i - 1)
    current[0] = i
    for (let j = 1; j <= n; j++) {
      const substitution = previous[j - 1] + (code === actual.charCodeAt(j - 1) ? 0 : 1)
      current[j] = Math.min(substitution, previous[j] + 1, current[j - 1] + 1)
    }
    ;[previous, current] = [current, previous]
  }
  let free = previous[0]
  for (let j = 1; j <= n; j++) free = Math.min(free, previous[j])
  return { free, full: previous[n] }
}

/**
 * Whether the characters touching the quote are unchanged: the first TOUCHING_CHARS of `stored` (read
 * outward) against `text` read outward from `at` (forward for a suffix, backward for a prefix). Cheap, so
 * that a quote with thousands of copies runs the edit distance only where a side can agree.
 */
export function touches(stored: string, text: string, at: number, direction: 1 | -1): boolean {
  const count = Math.min(TOUCHING_CHARS, stored.length)
  for (let i = 0; i < count; i++) {
    const index = direction === 1 ? at + i : at - 1 - i
    if (index < 0 || index >= text.length || text.charCodeAt(index) !== stored.charCodeAt(i)) return false
  }
  return true
}

/** How many characters of text to compare with a stored context of `length` characters. */
export const windowLength = (length: number): number => length + Math.ceil(length / 2) + 1

/**
 * Compares a stored context with the text beside a candidate. Both are whitespace-stripped and read outward
 * (a prefix reversed). `storedAtEdge` says the stored context ran up to the edge of the old text;
 * `actualAtEdge` says `actual` runs up to the edge of the new one. A context that reached the edge agrees
 * only where the new text also ends within a few edits: an empty prefix means "this was the first word".
 */
export function compareSide(
  stored: string,
  actual: string,
  context: { storedAtEdge: boolean; actualAtEdge: boolean },
): SideAgreement {
  const length = stored.length
  if (length === 0) {
    const atEdge = context.storedAtEdge && actual.length === 0
    return { similarity: atEdge ? 1 : 0, agrees: atEdge, strong: atEdge }
  }
  if (!touches(stored, actual, 0, 1)) return { similarity: 0, agrees: false, strong: false }
  const distance = actual.startsWith(stored)
    ? { free: 0, full: actual.length - length }
    : outwardDistance(stored, actual)
  const similarity = Math.max(0, 1 - distance.free / length)
  const budget = Math.floor(length * (1 - MIN_CONTEXT_SIMILARITY))
  const agrees = context.storedAtEdge
    ? context.actualAtEdge && distance.full <= budget
    : length >= MIN_CONTEXT_CHARS && distance.free <= budget
  return {
    similarity,
    agrees,
    strong: agrees && (context.storedAtEdge || similarity >= STRONG_CONTEXT_SIMILARITY),
  }
}

export function reverse(s: string): string {
  let out = ''
  for (let i = s.length - 1; i >= 0; i--) out += s[i]
  return out
}
