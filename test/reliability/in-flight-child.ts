// Child process (Node, bundled by bundle-child.ts): saves a figure tagged `new` on an article that already holds
// an annotation, with the catalog's write of the counts held back, so the parent's SIGKILL lands between the
// annotations file (on disk, the save acknowledged) and the catalog entry. Usage: node child.mjs <archiveDir> <id>
//
// Protocol on stdout, written synchronously: `saved <annotation id>` once the save is acknowledged.
import { writeSync } from 'node:fs'
import { describe } from '../../src/shared/anchoring'
import { dispatch } from '../../src/shared/dispatch'
import { Archive } from '../../src/main/archive/archive'
import { createService } from '../../src/main/service'

const [dir, articleId] = process.argv.slice(2)
const emit = (line: string) => writeSync(1, `${line}\n`)
setTimeout(() => process.exit(2), 60_000)

async function main(): Promise<void> {
  const archive = await Archive.open(dir)
  // The catalog's write of this save's counts waits: the kill comes first.
  const put = archive.catalog.put.bind(archive.catalog)
  archive.catalog.put = (meta) => new Promise((r) => setTimeout(r, 50_000)).then(() => put(meta))
  const { text } = await archive.getArticle(articleId)
  const start = text.indexOf('70%')
  const saved = await dispatch(createService({ archive, version: 'kill' }), 'annotations.create', {
    articleId,
    target: describe(text, start, start + 3),
    figure: { value: 70, unit: '%', metric: 'grid/capacity', attributedTo: 'Grid operator' },
    tags: ['new'],
  })
  if (!saved.ok) throw new Error(saved.error.message)
  emit(`saved ${(saved.value as { id: string }).id}`)
}

main().catch((err: unknown) => {
  emit(`fail ${String(err)}`)
  process.exit(3)
})
