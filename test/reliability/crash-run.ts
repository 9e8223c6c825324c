// Tests (Node): runs the crash child once, kills it with SIGKILL at a chosen moment, and reads the archive
// back in-process with the real Archive code.
import { spawn } from 'node:child_process'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { Archive } from '../../src/main/archive/archive'
import { IN_FLIGHT_FILE } from '../../src/main/archive/saves-in-flight'

export type ChildRun = { lines: string[]; articleId: string }

/** Starts the child and sends SIGKILL `killAfterMs` after its first acknowledgement. */
export function runUntilKilled(file: string, args: string[], killAfterMs: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    const lines: string[] = []
    let stderr = ''
    let timer: NodeJS.Timeout | undefined
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line)
      if (!timer && line.startsWith('ack ')) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs)
    })
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const articleId = lines.find((l) => l.startsWith('article '))?.slice('article '.length)
      if (signal !== 'SIGKILL' || !articleId) {
        reject(
          new Error(
            `child ended with ${signal ?? `code ${code}`} before the kill:\n${stderr}${lines.join('\n')}`,
          ),
        )
      } else resolve({ lines, articleId })
    })
  })
}

export type Observed = { notes: Map<string, string>; files: number; tempFiles: number; staleCounts: boolean }

const isTemp = (name: string) => /^\..*\.tmp$/.test(name)

/** Archive files relative to the archive, temp files (`.<name>.<hex>.tmp`) apart: they may be half-written. */
async function archiveFiles(dir: string): Promise<{ files: string[]; temps: string[] }> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  const paths = (keep: (name: string) => boolean) =>
    entries
      .filter((e) => e.isFile() && keep(e.name))
      .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
  return { files: paths((n) => !isTemp(n)), temps: paths(isTemp) }
}

/** Reopens the archive after a kill. Throws if a file does not parse or the archive reports damage. */
export async function observe(dir: string, articleId: string): Promise<Observed> {
  const { files, temps } = await archiveFiles(dir)
  // Every file is JSON but the saves-in-flight marker (one id a line; a kill may cut its last line).
  for (const file of files.filter((f) => f !== IN_FLIGHT_FILE)) {
    try {
      JSON.parse(await readFile(join(dir, file), 'utf8'))
    } catch (err) {
      throw new Error(`${file} does not parse after the kill: ${String(err)}`)
    }
  }
  const archive = await Archive.open(dir)
  if (archive.problems.length)
    throw new Error(`the archive reports damage: ${JSON.stringify(archive.problems)}`)
  // The counts as the open left them (it mends those a kill left at 0), before reading the list mends any.
  const { counts } = archive.meta(articleId)
  const list = await archive.listAnnotations(articleId)
  return {
    notes: new Map(list.map((a) => [a.id, a.note])),
    files: files.length,
    tempFiles: temps.length,
    // Counts live in the catalog, written after the annotations file: a kill in between leaves them stale.
    staleCounts: counts.highlights + counts.figures !== list.length,
  }
}
