// Bench (Node): how many flushes (fsync, fdatasync) and renames a save makes, counted on the system calls under
// strace — the hard figure where wall times on a shared machine are noise. Makes a small archive in a temp
// folder, then runs the bench's saves (bench/saves.ts: create, update, delete through dispatch) in a child under
// `strace -f -y`, and counts the calls made between the first save and the end of `archive.flush()`, by what they
// touched: an annotations file, the annotations folder, a catalog bucket, the catalog folder, anything else.
// `npx jiti bench/save-flushes.ts [--reps 50] [--articles 20]`; to compare builds, run each tree's copy.
import { spawnSync } from 'node:child_process'
import { writeSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    reps: { type: 'string', default: '50' },
    articles: { type: 'string', default: '20' },
    /** Child mode: the archive folder to save in (run under strace by the parent). */
    child: { type: 'string' },
  },
})

const emit = (line: string) => writeSync(1, `${line}\n`)

async function child(dir: string): Promise<void> {
  const { Archive } = await import('../src/main/archive/archive')
  const { createService } = await import('../src/main/service')
  const { stopWriters } = await import('../src/main/archive/atomic-thread')
  const { runSaves } = await import('./saves')
  const archive = await Archive.open(dir)
  const service = createService({ archive, version: 'bench' })
  const ids = archive.list().map((a) => a.id)
  // Warm-up (the worker threads started, the files opened) before the counted saves.
  await runSaves({ handlers: service, articleIds: ids, reps: 0, warmup: 3, seed: 1 })
  await archive.flush()
  emit('start')
  await runSaves({ handlers: service, articleIds: ids, reps: Number(values.reps), warmup: 0, seed: 2 })
  await archive.flush()
  emit('end')
  await stopWriters()
}

async function seed(dir: string): Promise<void> {
  const { Archive } = await import('../src/main/archive/archive')
  const archive = await Archive.open(dir)
  for (let i = 0; i < Number(values.articles); i++)
    await archive.createArticle({
      title: `Article ${i}`,
      source: 'Wire',
      tags: [],
      text: `The grid held at ${i}% of capacity overnight. `.repeat(20),
    })
  await archive.flush()
}

/** The kind of file or folder a descriptor's path (strace -y) names, inside the archive `root`. */
function kindOf(path: string, root: string): string {
  if (path === join(root, 'annotations')) return 'annotations folder'
  if (path === join(root, 'catalog')) return 'catalog folder'
  if (path === root) return 'archive folder'
  if (dirname(path) === join(root, 'annotations')) return 'annotations file'
  if (dirname(path) === join(root, 'catalog')) return 'catalog file'
  return `other (${basename(path)})`
}

/** strace -f's lines, each call whole: one another thread interrupted (`<unfinished ...>`) joined to its end. */
function joined(text: string): string[] {
  const pending = new Map<string, string>()
  const lines: string[] = []
  for (const line of text.split('\n')) {
    const tid = /^(\d+)\s/.exec(line)?.[1] ?? ''
    const resumed = /^\d+\s+<\.\.\. \w+ resumed>(.*)$/.exec(line)
    if (resumed) {
      lines.push((pending.get(tid) ?? '') + resumed[1])
      pending.delete(tid)
    } else if (line.endsWith('<unfinished ...>'))
      pending.set(tid, line.slice(0, -'<unfinished ...>'.length).trimEnd())
    else lines.push(line)
  }
  return lines
}

async function main(): Promise<void> {
  if (values.child) return child(values.child)
  const dir = await mkdtemp(join(tmpdir(), 'glossa-flushes-'))
  try {
    await seed(dir)
    const trace = join(dir, '..', `${basename(dir)}.strace`)
    const jiti = join(process.cwd(), 'node_modules', 'jiti', 'lib', 'jiti-cli.mjs')
    const args = [
      '-f',
      '-qq',
      '-y',
      '-s',
      '200',
      '-e',
      'trace=fsync,fdatasync,rename,renameat,renameat2,write',
    ]
    const run = spawnSync(
      'strace',
      [...args, '-o', trace, process.execPath, jiti, process.argv[1], '--child', dir, '--reps', values.reps!],
      { encoding: 'utf8', timeout: 600_000 },
    )
    if (run.status !== 0) throw new Error(`child failed: ${run.stderr}`)
    const counts = new Map<string, number>()
    let counting = false
    for (const line of joined(await readFile(trace, 'utf8'))) {
      if (/ write\(1<[^>]*>, "start\\n"/.test(line)) counting = true
      if (/ write\(1<[^>]*>, "end\\n"/.test(line)) counting = false
      if (!counting || !/\) += 0$/.test(line)) continue
      const sync = /\b(fsync|fdatasync)\(\d+<([^>]*)>\)/.exec(line)
      const moved = /\b(rename\w*)\(.*"([^"]*)"\) += 0$/.exec(line)
      if (sync)
        counts.set(
          `${sync[1]} ${kindOf(sync[2], dir)}`,
          (counts.get(`${sync[1]} ${kindOf(sync[2], dir)}`) ?? 0) + 1,
        )
      else if (moved)
        counts.set(
          `rename to ${kindOf(moved[2], dir)}`,
          (counts.get(`rename to ${kindOf(moved[2], dir)}`) ?? 0) + 1,
        )
    }
    await rm(trace, { force: true })
    const saves = 3 * Number(values.reps)
    const total = (re: RegExp) => [...counts].filter(([k]) => re.test(k)).reduce((s, [, n]) => s + n, 0)
    console.log(`${saves} saves (${values.reps} × create, update, delete) on ${values.articles} articles:`)
    for (const [k, n] of [...counts].sort())
      console.log(`  ${k.padEnd(34)} ${String(n).padStart(5)}  ${(n / saves).toFixed(2)} a save`)
    console.log(
      `  flushes in all: ${total(/^(fsync|fdatasync)/)} (${(total(/^(fsync|fdatasync)/) / saves).toFixed(2)} a save); ` +
        `renames ${total(/^rename/)} (${(total(/^rename/) / saves).toFixed(2)} a save)`,
    )
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
