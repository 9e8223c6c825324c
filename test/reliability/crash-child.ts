// Child process (Node, bundled by bundle-child.ts): writes annotations through the real service until it is
// killed. Usage: node child.mjs <archiveDir> <seed> <run>
//
// Protocol on stdout, one line per event, written synchronously (writeSync) so that a line the parent reads
// is a line that was really emitted before the kill:
//   article <id>                 the article the annotations belong to
//   send create <note>           before the call; `ack create <id> <note>` after its promise resolved
//   send update <id> <note>      before the call; `ack update <id> <note>` after
//   send delete <id>             before the call; `ack delete <id>` after
//   fail <op> <subject> <code>   a call that should have succeeded did not (the parent fails the test)
// Every note is unique across runs (`c<run>-<n>` for creates, `u<run>-<n>` for updates).
import { writeSync } from 'node:fs'
import { Archive } from '../../src/main/archive/archive'
import { createService } from '../../src/main/service'
import type { MethodName } from '../../src/shared/contract'
import { dispatch } from '../../src/shared/dispatch'
import { createRng } from '../prng'

const TEXT = 'Officials counted 500 missile and drone strikes in March; 70% were repelled, the ministry said.'
const EXACT = '70% were repelled'
const START = TEXT.indexOf(EXACT)
const TARGET = {
  quote: {
    type: 'TextQuoteSelector',
    exact: EXACT,
    prefix: TEXT.slice(0, START),
    suffix: ', the ministry said.',
  },
  position: { type: 'TextPositionSelector', start: START, end: START + EXACT.length },
}
/** Requests in flight at once, so writeAtomic's queue (newest waiting write wins) is exercised as well as single writes. */
const IN_FLIGHT = 4

const [dir, seedArg, runArg] = process.argv.slice(2)
const rng = createRng(Number(seedArg))
const run = Number(runArg)
const emit = (line: string) => writeSync(1, `${line}\n`)
// A child the parent forgot to kill must not run forever.
setTimeout(() => process.exit(2), 30_000)

const archive = await Archive.open(dir)
const handlers = createService({ archive, version: 'crash-test' })

async function call<T>(method: MethodName, args: unknown): Promise<T> {
  const result = await dispatch(handlers, method, args)
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code })
  return result.value as T
}

const existing = await call<{ id: string }[]>('articles.list', {})
const articleId =
  existing[0]?.id ?? (await call<{ id: string }>('articles.create', { title: 'Strikes', text: TEXT })).id
emit(`article ${articleId}`)

const notes = await call<{ id: string }[]>('annotations.list', { articleId })
/** Annotations that exist and are not being updated or deleted right now. */
const idle = new Set(notes.map((a) => a.id))
let counter = 0

async function create(): Promise<void> {
  const note = `c${run}-${counter++}`
  emit(`send create ${note}`)
  const made = await call<{ id: string }>('annotations.create', {
    articleId,
    note,
    tags: ['crash'],
    target: TARGET,
  })
  emit(`ack create ${made.id} ${note}`)
  idle.add(made.id)
}

async function update(id: string): Promise<void> {
  const note = `u${run}-${counter++}`
  emit(`send update ${id} ${note}`)
  await call('annotations.update', { articleId, id, note })
  emit(`ack update ${id} ${note}`)
  idle.add(id)
}

async function remove(id: string): Promise<void> {
  emit(`send delete ${id}`)
  await call('annotations.delete', { articleId, id })
  emit(`ack delete ${id}`)
}

/** Keeps the population between about 20 and 80 annotations, so files stay a realistic size. */
async function step(): Promise<void> {
  const roll = rng.next()
  const createShare = idle.size < 20 ? 0.7 : idle.size > 80 ? 0.2 : 0.4
  if (roll < createShare || idle.size === 0) return create()
  const id = rng.pick([...idle])
  idle.delete(id)
  return roll < createShare + 0.35 ? update(id) : remove(id)
}

async function worker(): Promise<void> {
  for (;;) {
    await step().catch((err: Error & { code?: string }) => {
      emit(`fail step - ${err.code ?? 'thrown'} ${err.message}`)
      process.exit(1)
    })
  }
}

await Promise.all(Array.from({ length: IN_FLIGHT }, worker))
