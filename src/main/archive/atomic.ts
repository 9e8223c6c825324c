// Main process: atomic write of binary data (temp file, flush to disk, rename), for files steno cannot
// write because they are not text.
import { randomBytes } from 'node:crypto'
import { open, rename } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export async function writeAtomic(file: string, data: Uint8Array): Promise<void> {
  // A temp file of its own: two writers of one file must not rename each other's half-written temp.
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.tmp`)
  const handle = await open(temp, 'w')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(temp, file)
}
