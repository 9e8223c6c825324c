// Child process (Node, bundled by bundle-child.ts): a Markdown export by tag of a real archive to `target`, its
// blocks spilled as each comes (by-tag-stream.ts with no buffer), that stops after its first slice until a file
// `go` is in `gate` (test-gate.ts). Usage: node child.mjs <archive> <target> <gate> <split|whole|csv|folder>
// `split`: the first half of the articles, the stop, then the rest; `whole`: every article, the stop, the document;
// `csv`: figures.csv streamed (run.ts streamExport), the stop when its second half of the articles is asked for;
// `folder`: per-article Markdown into the folder <target> (write-files.ts, as `glossa export --out DIR`), the same stop.
//
// Protocol on stdout, written synchronously: `spilled <pid>` at the stop, `done` once the target is written.
import { writeSync } from 'node:fs'
import { Archive } from '../../src/main/archive/archive'
import { writeByTagMarkdown } from '../../src/main/export/by-tag-stream'
import { archiveExportSource, gatherBundle, perArticleFiles, streamExport } from '../../src/main/export/run'
import { writeExportFiles } from '../../src/main/export/write-files'
import type { ExportSource } from '../../src/main/export/run'
import { untilGo } from '../../src/main/test-gate'

const [dir, target, gate, mode] = process.argv.slice(2)
const emit = (line: string) => writeSync(1, `${line}\n`)
setTimeout(() => process.exit(2), 90_000).unref()
const AT = '2024-02-01T10:00:00.000Z'

async function main(): Promise<void> {
  const archive = await Archive.open(dir)
  const source = archiveExportSource(archive)
  const ids = archive.list().map((a) => a.id)
  const cut = mode === 'whole' ? ids.length : Math.ceil(ids.length / 2)
  if (mode === 'csv' || mode === 'folder') {
    const held: ExportSource = {
      ...source,
      select: async (scope) => {
        const selection = await source.select(scope)
        return {
          count: selection.count,
          slice: async (from, count) => {
            if (from > 0) {
              emit(`spilled ${process.pid}`)
              await untilGo(gate)
            }
            return selection.slice(from, count)
          },
        }
      },
    }
    if (mode === 'csv') await streamExport(held, { format: 'figures-csv', scope: {} }, target, AT, cut)
    else {
      const args = { format: 'markdown', scope: {}, options: { layout: 'per-article' } } as const
      const files = perArticleFiles(held, args, AT, cut)
      await writeExportFiles({ files, out: target, perArticle: true, wrote: () => {} })
    }
    emit('done')
    process.exit(0)
  }
  async function* slices() {
    yield gatherBundle(source, { articleIds: ids.slice(0, cut) }, AT)
    emit(`spilled ${process.pid}`)
    await untilGo(gate)
    if (cut < ids.length) yield gatherBundle(source, { articleIds: ids.slice(cut) }, AT)
  }
  await writeByTagMarkdown(target, slices(), AT, 0)
  emit('done')
  process.exit(0)
}

main().catch((err: unknown) => {
  emit(`fail ${String(err)}`)
  process.exit(3)
})
