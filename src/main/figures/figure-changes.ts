// Main process: which articles' figures each version of the figures index changed (figure-index.ts records,
// figure-query.ts reads), so the Figures view's kept orders take in a save by moving one article's rows instead
// of sorting 100,000 figures again. Each version's entry names the article whose figures changed, none (a
// version that changed no figure, e.g. the index becoming ready), or everything (a whole index read).

/** Versions remembered: a reader further behind starts again from the whole index. */
const KEPT = 256

export class FigureChanges {
  /** From the oldest version remembered on: the article each changed, '' for none, null for everything. */
  private readonly log: (string | null)[] = []
  /** The version log[0] moved the index to. */
  private first = 1

  /** Version `version` changed the figures of `articleId` ('' none, null any number of articles). */
  record(version: number, articleId: string | null): void {
    if (this.log.length === 0) this.first = version
    this.log.push(articleId)
    if (this.log.length > KEPT) {
      this.log.shift()
      this.first++
    }
  }

  /**
   * The articles whose figures changed after version `from` up to `to`, or null when that is not known (a
   * change of everything, or further back than remembered).
   */
  since(from: number, to: number): Set<string> | null {
    if (from + 1 < this.first || to > this.first + this.log.length - 1) return null
    const touched = new Set<string>()
    for (let v = from + 1; v <= to; v++) {
      const id = this.log[v - this.first]
      if (id === null) return null
      if (id) touched.add(id)
    }
    return touched
  }
}
