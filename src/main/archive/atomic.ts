// Main process: atomic write of binary data (temp file, flush to disk, rename), for files steno cannot
// write because they are not text.
import { open, rename } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export async function writeAtomic(file: string, data: Uint8Array): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.tmp`)
  const handle = await open(temp, 'w')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(temp, file)
}
