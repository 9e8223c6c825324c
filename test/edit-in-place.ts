// Tests (Node): a file of the archive edited behind Glossa's back the hardest way to notice — rewritten in place
// (same inode), to the same size, its access and modification times then put back to the nanosecond as before
// (`touch -r`, as a user with `touch -d` could). Only the change time (ctime), which no user can set, moves.
import { execFile } from 'node:child_process'
import { readFile, rm, stat, writeFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { expect } from 'vitest'

const run = promisify(execFile)
const pause = () => new Promise((resolve) => setTimeout(resolve, 5))

/**
 * Rewrites `file` in place as `edit` says, its times put back; the sizes before and after (a caller that means
 * the size to stay the same checks they are equal).
 */
export async function editInPlace(
  file: string,
  edit: (text: string) => string,
): Promise<{ before: bigint; after: bigint }> {
  const before = await stat(file, { bigint: true })
  const times = `${file}.times`
  await run('touch', ['-r', file, times])
  try {
    const text = await readFile(file, 'utf8')
    const edited = edit(text)
    expect(edited).not.toBe(text)
    await writeFile(file, edited)
    await run('touch', ['-r', times, file])
    // The kernel's clock for file times is coarse (a few ms): until it moves, putting the times back again.
    while ((await stat(file, { bigint: true })).ctimeNs === before.ctimeNs) {
      await pause()
      await run('touch', ['-r', times, file])
    }
  } finally {
    await rm(times, { force: true })
  }
  const after = await stat(file, { bigint: true })
  expect([after.ino, after.mtimeNs, after.atimeNs]).toEqual([before.ino, before.mtimeNs, before.atimeNs])
  return { before: before.size, after: after.size }
}
