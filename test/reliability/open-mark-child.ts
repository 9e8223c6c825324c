// Child process (Node, bundled by bundle-child.ts): opens an archive for writing, makes one save, and then either
// exits as the app does when it quits (`exit`) or waits to be killed (`hold`). Usage: node child.mjs <dir> <mode>
//
// Protocol on stdout, written synchronously: `ready` once the save and its catalog entry are on disk.
import { writeSync } from 'node:fs'
import { describe } from '../../src/shared/anchoring'
import { dispatch } from '../../src/shared/dispatch'
import { Archive } from '../../src/main/archive/archive'
import { createService } from '../../src/main/service'

const [dir, mode] = process.argv.slice(2)
const emit = (line: string) => writeSync(1, `${line}\n`)
setTimeout(() => process.exit(2), 60_000).unref()

async function main(): Promise<void> {
  const archive = await Archive.open(dir)
  const service = createService({ archive, version: 'open-mark' })
  const text = 'The grid held at 70% of capacity.'
  const created = await dispatch(service, 'articles.create', { title: 'Grid', text })
  if (!created.ok) throw new Error(created.error.message)
  const articleId = (created.value as { id: string }).id
  const start = text.indexOf('70%')
  const saved = await dispatch(service, 'annotations.create', {
    articleId,
    target: describe(text, start, start + 3),
  })
  if (!saved.ok) throw new Error(saved.error.message)
  await archive.flush()
  emit('ready')
  if (mode === 'exit') process.exit(0)
  setInterval(() => {}, 1000)
}

main().catch((err: unknown) => {
  emit(`fail ${String(err)}`)
  process.exit(3)
})
