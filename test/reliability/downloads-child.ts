// Child process (Node, bundled by bundle-child.ts): browser mode's download folder (downloads.ts) with one made
// file in it, held until the process is killed. Usage: node child.mjs
//
// Protocol on stdout, written synchronously: `made <path>` once the file is on disk.
import { writeSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { Downloads } from '../../src/main/downloads'

const emit = (line: string) => writeSync(1, `${line}\n`)
setTimeout(() => process.exit(2), 60_000).unref()

async function main(): Promise<void> {
  const file = await new Downloads().path('notes-by-tag.md')
  await writeFile(file, '# Notes by tag\n\nA researcher’s notes.\n')
  emit(`made ${file}`)
  setInterval(() => {}, 1000)
}

main().catch((err: unknown) => {
  emit(`fail ${String(err)}`)
  process.exit(3)
})
