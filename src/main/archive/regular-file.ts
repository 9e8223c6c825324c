// Main process: reading a file of the archive folder only when it is a regular file. The folder is hostile (a
// restored tar, a network share): a named pipe in a file's place made a plain read wait forever for a writer —
// at open for the lock and the tag journal (the lock's read is synchronous: the whole process stopped).
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs'
import { open } from 'node:fs/promises'

/** Opened without waiting (a pipe) and without following a link. */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0)

export class NotARegularFile extends Error {
  constructor(readonly file: string) {
    super(`${file} is not a regular file`)
  }
}

/** The file's text; throws NotARegularFile for a pipe, device or folder, and the usual errors (ENOENT, ELOOP). */
export async function readRegular(file: string): Promise<string> {
  const handle = await open(file, READ_FLAGS)
  try {
    if (!(await handle.stat()).isFile()) throw new NotARegularFile(file)
    return await handle.readFile('utf8')
  } finally {
    await handle.close()
  }
}

/** readRegular, synchronously (the archive's lock is taken before anything else runs). */
export function readRegularSync(file: string): string {
  const fd = openSync(file, READ_FLAGS)
  try {
    if (!fstatSync(fd).isFile()) throw new NotARegularFile(file)
    return readFileSync(fd, 'utf8')
  } finally {
    closeSync(fd)
  }
}
