// Main process: the archive's account of its annotation saves. A save writes the article's annotations file,
// then, unawaited, the catalog entry whose counts derive from it; until that entry is written the save is under
// way: its id is named in `saves-in-flight` (saves-in-flight.ts) and the archive is not idle (the open mark stays,
// counts-check.ts). The ledger also counts the saves started per article, which the recount after a power cut
// checks a reading against (heal-counts.ts), and holds the catalog writes still running, for `settled`.
import { SavesInFlight } from './saves-in-flight'

export class SaveLedger {
  private marker = SavesInFlight.off()
  /** Saves started per article in this process. */
  private readonly started = new Map<string, number>()
  /** Saves whose catalog entry is not written yet. */
  private underWay = 0
  /** The catalog writes of saves, not yet settled (written or failed). */
  private readonly writes = new Set<Promise<unknown>>()

  /** `onFailure` is told of a catalog write that failed (the archive's problems). */
  constructor(private readonly onFailure: (message: string) => void) {}

  /** Names saves in the archive's `saves-in-flight` file from now on (not before the open has read it). */
  useMarker(marker: SavesInFlight): void {
    this.marker = marker
  }

  /** A save of the article starts: named until its catalog entry is written, or until it is `abandoned`. */
  begin(articleId: string): void {
    this.marker.begin(articleId)
    this.started.set(articleId, this.savesOf(articleId) + 1)
    this.underWay++
  }

  /** The save failed before its annotations file was written: nothing is left to count again. */
  abandon(articleId: string): void {
    this.underWay--
    this.marker.end(articleId)
  }

  /**
   * The save's annotations file is written and `countsWritten` writes its catalog entry. Once that is written the
   * save is done; if it fails, the failure is told and the id stays named, to be counted again at the next open.
   */
  finish(articleId: string, countsWritten: Promise<unknown>): void {
    const done = countsWritten
      .then(() => {
        this.underWay--
        this.marker.end(articleId)
      })
      .catch((err: unknown) => this.onFailure(`Could not update the catalog: ${String(err)}`))
    this.writes.add(done)
    void done.finally(() => this.writes.delete(done))
  }

  /** Whether no save is under way. */
  idle(): boolean {
    return this.underWay === 0
  }

  /** How many saves of the article have started in this process. */
  savesOf(articleId: string): number {
    return this.started.get(articleId) ?? 0
  }

  /** Resolves once every save's catalog write started so far (and any started meanwhile) has settled. */
  async settled(): Promise<void> {
    while (this.writes.size) await Promise.all([...this.writes])
  }
}
