// Child process (Node, bundled by bundle-child.ts): makes real saves (create, update, delete of an annotation)
// on each article named, as the app does, so a parent running it under strace sees each save's system calls.
// Usage: node child.mjs [--exit] <archiveDir> <articleId>...
//
// Protocol on stdout, written synchronously (one write call each, so it marks the moment in the trace):
// `saved <n>` once the n-th save is acknowledged, `done` at the end: after archive.flush(), or with `--exit`
// once no save is under way, just before the process exits without flushing (its exit hook removes the open mark).
import { writeSync } from 'node:fs'
import { describe } from '../../src/shared/anchoring'
import { dispatch } from '../../src/shared/dispatch'
import { Archive } from '../../src/main/archive/archive'
import { createService } from '../../src/main/service'

const exitAfter = process.argv[2] === '--exit'
const [dir, ...articleIds] = process.argv.slice(exitAfter ? 3 : 2)
const emit = (line: string) => writeSync(1, `${line}\n`)
setTimeout(() => process.exit(2), 60_000).unref()

async function main(): Promise<void> {
  const archive = await Archive.open(dir)
  const service = createService({ archive, version: 'folder-flush' })
  const call = async (method: string, args: unknown) => {
    const result = await dispatch(service, method, args)
    if (!result.ok) throw new Error(result.error.message)
    return result.value as { id: string }
  }
  let saves = 0
  for (const articleId of articleIds) {
    const { text } = await archive.getArticle(articleId)
    const start = text.indexOf('70%')
    const made = await call('annotations.create', {
      articleId,
      target: describe(text, start, start + 3),
      figure: { value: 70, unit: '%', metric: 'grid/capacity', attributedTo: 'Grid operator' },
    })
    emit(`saved ${++saves}`)
    await call('annotations.update', {
      articleId,
      id: made.id,
      note: 'checked against the operator’s release',
    })
    emit(`saved ${++saves}`)
    await call('annotations.delete', { articleId, id: made.id })
    emit(`saved ${++saves}`)
  }
  if (exitAfter) {
    while (!archive.idle()) await new Promise((r) => setTimeout(r, 5))
    emit('done')
    process.exit(0)
  }
  await archive.flush()
  emit('done')
}

main().catch((err: unknown) => {
  emit(`fail ${String(err)}`)
  process.exit(3)
})
