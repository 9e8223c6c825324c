// Tests (Node): judges one crash run. Given the annotations before the run, the child's event lines and the
// annotations found on disk after the kill, lists every way the archive broke a promise it acknowledged.
export type Notes = ReadonlyMap<string, string>
/** `inFlight`: operations sent and not acknowledged when the kill landed (the kill cut them off mid-write). */
export type RunVerdict = { acks: number; inFlight: number; problems: string[] }

type Update = { note: string; acked: boolean }

/** What the child said it sent and what it said was acknowledged, per annotation. */
class RunLog {
  readonly acks: string[] = []
  readonly createdNote = new Map<string, string>()
  readonly pendingCreates = new Set<string>()
  readonly updates = new Map<string, Update[]>()
  readonly deleteSent = new Set<string>()
  readonly deleteAcked = new Set<string>()
  readonly failures: string[] = []

  constructor(lines: readonly string[]) {
    for (const line of lines) this.read(line)
  }

  private read(line: string): void {
    const [word, op, a, b] = line.split(' ')
    if (word === 'fail') this.failures.push(line)
    if (word === 'ack') this.acks.push(line)
    if (word !== 'send' && word !== 'ack') return
    const sent = word === 'send'
    if (op === 'create' && sent) this.pendingCreates.add(a)
    if (op === 'create' && !sent) {
      this.pendingCreates.delete(b)
      this.createdNote.set(a, b)
    }
    if (op === 'update' && sent) this.updatesOf(a).push({ note: b, acked: false })
    if (op === 'update' && !sent) {
      const update = this.updatesOf(a).find((u) => u.note === b)
      if (update) update.acked = true
      else this.failures.push(`ack without send: ${line}`)
    }
    if (op === 'delete') (sent ? this.deleteSent : this.deleteAcked).add(a)
  }

  updatesOf(id: string): Update[] {
    let list = this.updates.get(id)
    if (!list) this.updates.set(id, (list = []))
    return list
  }
}

/** The notes an annotation may hold: the last acknowledged one, or one sent after it and not acknowledged. */
function allowedNotes(log: RunLog, id: string, base: string): string[] {
  const updates = log.updatesOf(id)
  const last = updates.map((u) => u.acked).lastIndexOf(true)
  return last < 0 ? [base, ...updates.map((u) => u.note)] : updates.slice(last).map((u) => u.note)
}

export function checkRun(before: Notes, lines: readonly string[], after: Notes): RunVerdict {
  const log = new RunLog(lines)
  const problems = [...log.failures]
  const known = new Map([...before, ...log.createdNote])
  for (const [id, base] of known) {
    const stored = after.get(id)
    if (log.deleteAcked.has(id)) {
      if (stored !== undefined) problems.push(`${id}: deleted (acknowledged) but still stored`)
      continue
    }
    if (stored === undefined) {
      if (!log.deleteSent.has(id)) problems.push(`${id}: acknowledged but missing`)
      continue
    }
    const allowed = allowedNotes(log, id, base)
    if (!allowed.includes(stored))
      problems.push(`${id}: note "${stored}", expected one of ${allowed.join(', ')}`)
  }
  // Anything else on disk must be a create that was sent but whose acknowledgement the kill cut off.
  const claimed = new Set<string>()
  for (const [id, note] of after) {
    if (known.has(id)) continue
    if (!log.pendingCreates.has(note) || claimed.has(note))
      problems.push(`${id}: unexpected annotation with note "${note}"`)
    claimed.add(note)
  }
  const sends = log.pendingCreates.size + log.deleteSent.size - log.deleteAcked.size
  const updates = [...log.updates.values()].reduce((n, list) => n + list.filter((u) => !u.acked).length, 0)
  return { acks: log.acks.length, inFlight: sends + updates, problems }
}
