// Main process: the order of a query's matches, best first, sorted only as far as it is read; and binary searches
// (a document in a postings block, the segment a document number falls in). Split from segmented-index.ts.

/** Matches ranked from this many up are not sorted whole: the best come first, the rest only when read. */
const SORT_WHOLE = 2_048

/**
 * Indexes of `score`, best first (equal scores in index order, as a stable sort would give), sorting only as far
 * as the caller reads: a query matching 100,000 documents shows 20.
 */
export function* bestFirst(score: Float64Array): Generator<number> {
  const byScore = (x: number, y: number) => score[y] - score[x] || x - y
  let rest = new Uint32Array(score.length)
  for (let i = 0; i < rest.length; i++) rest[i] = i
  let want = 256
  while (rest.length > SORT_WHOLE && want * 2 < rest.length) {
    const values = new Float64Array(rest.length)
    for (let i = 0; i < rest.length; i++) values[i] = score[rest[i]]
    const threshold = kthLargest(values, want)
    const top = rest.filter((i) => score[i] >= threshold)
    // Many ties at the threshold can make `top` most of `rest`: then sort it all.
    if (top.length * 2 > rest.length) break
    yield* top.sort(byScore)
    rest = rest.filter((i) => score[i] < threshold)
    want *= 4
  }
  yield* rest.sort(byScore)
}

/** The k-th largest value (k from 1), by quickselect; reorders `values`. */
function kthLargest(values: Float64Array, k: number): number {
  let lo = 0
  let hi = values.length - 1
  const target = k - 1
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]
    let i = lo
    let j = hi
    while (i <= j) {
      while (values[i] > pivot) i++
      while (values[j] < pivot) j--
      if (i <= j) {
        const t = values[i]
        values[i++] = values[j]
        values[j--] = t
      }
    }
    if (target <= j) hi = j
    else if (target >= i) lo = i
    else break
  }
  return values[target]
}

export function binarySearch(a: Uint32Array, v: number): number {
  let lo = 0
  let hi = a.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    if (a[mid] === v) return mid
    if (a[mid] < v) lo = mid + 1
    else hi = mid - 1
  }
  return -1
}

/** The last index of the ascending `sorted` whose value is at most `v` (0 when none is). */
export function lastAtMost(sorted: ArrayLike<number>, v: number): number {
  let lo = 0
  let hi = sorted.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if (sorted[mid] <= v) lo = mid
    else hi = mid - 1
  }
  return lo
}
