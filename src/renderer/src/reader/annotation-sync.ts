// Renderer: one article's annotations as the reader sees them. Every change shows at once, is saved through
// the contract in order, and is retried until it is saved: an error leaves it marked unsaved, never lost.
// Undo and redo replay inverse changes through the same queue. Changes not yet on disk are also kept in
// localStorage (per archive and article): a reload gives them back and saves them; past the store's bounds the
// snapshot says how many live only in this page. A new annotation's id is made here and sent with its creation,
// so a creation sent again after a reload finds the one it made. An update carries the time it was made, so
// one sent again after another window saved a newer state leaves that state, which the reader then shows; a
// deletion too: one made before another window changed the annotation leaves it, and the reader shows it back.
import { buildAnnotation, patchAnnotation } from '../../../shared/annotations'
import type { AnnotationPatch, NewAnnotation as SharedNew } from '../../../shared/annotations'
import type { Annotation, HighlightColor } from '../../../shared/types'
import { readKept, writeKept } from './pending-store'
import type { Change, Entry, LocalAnnotation, PdfPart, PendingStore } from './pending-store'
import { covers, idOf, invert, merged, newLocalId, withoutUnsaved } from './sync-changes'
import { sendChange } from './sync-send'
import type { Client } from './sync-send'

export type { LocalAnnotation, PdfPart, PendingStore }
/**
 * `editing`: nothing is waiting to be saved, but an editor holds typing that is not yet handed over. Before the
 * article's annotations have loaded: `waiting` (`waiting` changes this tab kept for a reload, not yet sent) or
 * `loading` (none kept); never `saved`, which only an acknowledgement of everything held may say.
 */
export type SaveStatus = {
  state: 'saved' | 'editing' | 'saving' | 'retrying' | 'failed' | 'waiting' | 'loading'
  message?: string
  waiting?: number
}
export type NewAnnotation = Omit<SharedNew, 'articleId'> & { color: HighlightColor }
export type { AnnotationPatch }

/**
 * `unkept`: changes not on disk that the store could not keep either: a closed window loses them. `notice`:
 * what the archive did instead of a change, in plain words (a deletion it refused), until the next change.
 */
export type SyncSnapshot = {
  items: LocalAnnotation[]
  status: SaveStatus
  canUndo: boolean
  canRedo: boolean
  unkept: number
  notice?: string
}

export const KEPT_NOTICE = 'Kept: changed in another window after you deleted it.'

const RETRY_MS = [500, 1000, 2000, 4000, 8000, 15000]
// Errors no retry can fix: the change stays on screen, marked unsaved, with the reason.
const PERMANENT = new Set([
  'invalid_argument',
  'not_found',
  'read_only',
  'corrupt_file',
  'unknown_method',
  'too_large',
])

export class AnnotationSync {
  private items: LocalAnnotation[]
  private status: SaveStatus = { state: 'saved' }
  private readonly listeners = new Set<() => void>()
  private readonly realIds = new Map<string, string>()
  /** Local id → on a PDF: the group linking the per-page parts of one selection, and the passage's rectangles. */
  private readonly pdfParts = new Map<string, PdfPart>()
  private queue: Promise<void> = Promise.resolve()
  private pending = 0
  private readonly pendingById = new Map<string, number>()
  /**
   * Changes the archive refused (PERMANENT errors), by annotation: while one is here the status stays "Not saved"
   * whatever saves after it, until a later change of the same annotation that covers it is saved.
   */
  private readonly refused = new Map<string, { change: Change; message: string }>()
  private undoStack: Change[] = []
  private redoStack: Change[] = []
  private seq = 0
  private readonly editors = new Set<string>()
  /** Changes not yet on disk (waiting, or refused), in order: what `persist` keeps across a reload. */
  private readonly unsent = new Map<number, Entry>()
  private readonly entryOf = new WeakMap<Change, number>()
  private retired = false
  private unkept = 0
  /** Annotations whose update the archive found older than what it holds: the state it holds instead. */
  private readonly newer = new Map<string, Annotation>()
  /**
   * When each creation this sync sent landed (the archive stamps a creation when it lands, which for one held
   * while the archive was away is after a deletion the reader made of it meanwhile).
   */
  private readonly landed = new Map<string, string>()
  private notice: string | undefined
  /** Why the change at the head of the queue failed, while it is being retried. */
  private retrying: string | undefined
  private snapshot: SyncSnapshot

  constructor(
    private readonly articleId: string,
    initial: Annotation[],
    private readonly client: Client,
    private readonly sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
    private readonly persist?: PendingStore,
    recovered: Entry[] = [],
  ) {
    this.items = initial
    this.snapshot = this.makeSnapshot()
    // Changes a reload left unsaved, and those of windows that are gone (`recovered`, taken over from their
    // stores): shown again and sent again, in their order, and kept in this one's store until saved.
    for (const entry of [...recovered, ...readKept(persist)]) {
      this.seq = Math.max(this.seq, entry.n)
      if (entry.pdf) this.pdfParts.set(idOf(entry.change), entry.pdf)
      this.apply(entry.change)
    }
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = () => this.snapshot

  private makeSnapshot(): SyncSnapshot {
    const editing = this.status.state === 'saved' && this.editors.size > 0
    return {
      items: this.items,
      status: editing ? { state: 'editing' as const } : this.status,
      canUndo: this.undoStack.length > 0,
      canRedo: this.redoStack.length > 0,
      unkept: this.unkept,
      ...(this.notice ? { notice: this.notice } : {}),
    }
  }

  private emit(): void {
    this.snapshot = this.makeSnapshot()
    for (const l of this.listeners) l()
  }

  /** Creates an annotation; returns its local id at once. */
  create(input: NewAnnotation, pdf?: PdfPart): string {
    const stamp = new Date().toISOString()
    const id = newLocalId()
    if (pdf) this.pdfParts.set(id, pdf)
    const annotation = buildAnnotation({ ...input, articleId: this.articleId }, id, stamp)
    if (annotation === undefined) throw new Error('A figure annotation needs a figure.')
    this.record({ type: 'create', annotation })
    return annotation.id
  }

  /**
   * Changes an annotation. Updates that share an editing `session` (the debounced saves of one note being
   * typed) are saved one by one but undone as one step, back to the text before the session began. `madeAt`:
   * when the change was made, if not now (a note typed before a reload, given back from its draft).
   */
  update(id: string, patch: AnnotationPatch, session?: string, madeAt?: string): void {
    const current = this.items.find((a) => a.id === id)
    if (!current) return
    const top = this.undoStack[this.undoStack.length - 1]
    if (session !== undefined && top?.type === 'update' && top.id === id && top.session === session) {
      top.patch = { ...top.patch, ...patch }
      this.redoStack = []
      this.apply({ type: 'update', id, patch, before: top.before, session, ...(madeAt ? { madeAt } : {}) })
      return
    }
    const before: AnnotationPatch = {}
    if (patch.color !== undefined) before.color = current.color
    if (patch.note !== undefined) before.note = current.note
    if (patch.tags !== undefined) before.tags = current.tags
    if (patch.figure !== undefined) before.figure = current.figure ?? null
    this.record({ type: 'update', id, patch, before, session, ...(madeAt ? { madeAt } : {}) })
  }

  /** An editor holds typing not yet handed to update(): the status says so instead of "Saved". */
  setEditing(key: string, dirty: boolean): void {
    const had = this.editors.has(key)
    if (dirty === had) return
    if (dirty) this.editors.add(key)
    else this.editors.delete(key)
    this.emit()
  }

  /** The id the archive knows an annotation by (a new one's local id until its creation is saved). */
  archiveId(id: string): string {
    return this.realIds.get(id) ?? id
  }

  /** Whether every change to this annotation so far is on disk. */
  isSaved(id: string): boolean {
    return !this.pendingById.has(id) && !this.refused.has(id) && !this.items.find((a) => a.id === id)?.unsaved
  }

  remove(id: string): void {
    const annotation = this.items.find((a) => a.id === id)
    if (annotation) this.record({ type: 'delete', annotation })
  }

  undo(): void {
    const change = this.undoStack.pop()
    if (!change) return
    this.redoStack.push(change)
    this.apply(invert(change))
  }

  redo(): void {
    const change = this.redoStack.pop()
    if (!change) return
    this.undoStack.push(change)
    this.apply(change)
  }

  /**
   * Another sync of the same article took over its kept changes (the article opened again, or loaded again):
   * this one sends nothing more and no longer writes the store, so no change is sent twice out of order.
   */
  retire(): void {
    this.retired = true
  }

  /** Resolves when every change made so far is saved. */
  flushed(): Promise<void> {
    return this.queue
  }

  private record(change: Change): void {
    // Undone or redone, it is a change made then, not when first made.
    this.undoStack.push(change.type === 'create' ? change : { ...change, madeAt: undefined })
    this.redoStack = []
    this.notice = undefined
    this.apply(change)
  }

  private apply(applied: Change): void {
    // A copy: a redone change is applied again while its first save may still be on its way. An update or a
    // deletion is stamped when made (one given back by a reload keeps its stamp).
    const change = { ...applied }
    if (change.type !== 'create') change.madeAt ??= new Date().toISOString()
    const n = ++this.seq
    this.entryOf.set(change, n)
    const pdf = change.type === 'create' ? this.pdfParts.get(change.annotation.id) : undefined
    this.unsent.set(n, { n, change, ...(pdf ? { pdf } : {}) })
    this.keep()
    if (change.type === 'create')
      this.items = [
        ...this.items.filter((a) => a.id !== change.annotation.id),
        { ...change.annotation, unsaved: true },
      ]
    else if (change.type === 'delete') this.items = this.items.filter((a) => a.id !== change.annotation.id)
    else
      this.items = this.items.map((a) =>
        a.id === change.id ? { ...patchAnnotation(a, change.patch), unsaved: true } : a,
      )
    const id = idOf(change)
    this.pending++
    this.pendingById.set(id, (this.pendingById.get(id) ?? 0) + 1)
    // Behind a change being retried, a new one is not being saved either.
    this.status = this.waiting()
    this.emit()
    this.queue = this.queue.then(() => this.save(change))
  }

  private async save(change: Change): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      if (this.retired) return
      try {
        await this.send(change)
        this.retrying = undefined
        break
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err)
        const code = (err as { code?: string }).code
        if (code && PERMANENT.has(code)) {
          this.retrying = undefined
          const earlier = this.refused.get(idOf(change))
          this.refused.set(idOf(change), {
            change: earlier ? merged(earlier.change, change) : change,
            message,
          })
          this.settle(change, false)
          return
        }
        this.retrying = message
        this.status = this.waiting()
        this.emit()
        await this.sleep(RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)])
      }
    }
    this.settle(change, true)
  }

  /** A change is done with: saved, or refused for good (then kept in `refused`, its annotation still unsaved). */
  private settle(change: Change, saved: boolean): void {
    const id = idOf(change)
    const left = (this.pendingById.get(id) ?? 1) - 1
    if (left === 0) this.pendingById.delete(id)
    else this.pendingById.set(id, left)
    const refused = this.refused.get(id)
    if (saved && refused && covers(change, refused.change)) {
      this.refused.delete(id)
      // The refused changes it covers need not be sent again after a reload.
      for (const [n, entry] of this.unsent)
        if (n < this.entryOf.get(change)! && idOf(entry.change) === id) this.unsent.delete(n)
    }
    if (saved) this.unsent.delete(this.entryOf.get(change)!)
    this.keep()
    const newer = left === 0 ? this.newer.get(id) : undefined
    this.newer.delete(id)
    if (newer && change.type === 'delete') {
      // The deletion was refused: the annotation another window changed is shown again, as saved.
      this.items = [...this.items.filter((a) => a.id !== id), { ...newer, id }]
      this.notice = KEPT_NOTICE
    } else if (newer) this.items = this.items.map((a) => (a.id === id ? { ...newer, id } : a))
    else if (left === 0 && !this.refused.has(id))
      this.items = this.items.map((a) => (a.id === id ? withoutUnsaved(a) : a))
    this.pending--
    const [first] = this.refused.values()
    // "Saved" only when nothing is waiting and nothing the archive refused is still on screen.
    this.status =
      this.pending > 0
        ? this.waiting()
        : first
          ? { state: 'failed', message: first.message }
          : { state: 'saved' }
    this.emit()
  }

  /** The status while changes wait: "Saving…" only while none of them is being retried. */
  private waiting(): SaveStatus {
    return this.retrying === undefined ? { state: 'saving' } : { state: 'retrying', message: this.retrying }
  }

  private send(change: Change): Promise<void> {
    const { articleId, client, realIds, landed, newer, pdfParts, refused } = this
    const refusedCreate = (id: string) => refused.get(id)?.change.type === 'create'
    return sendChange({ articleId, client, realIds, landed, newer, pdfParts, refusedCreate }, change)
  }

  /** Writes the changes not yet on disk to the store (bounded), noting how many it could not keep. */
  private keep(): void {
    if (!this.persist || this.retired) return
    this.unkept = writeKept(this.persist, this.unsent.values(), this.unsent.size)
  }
}
