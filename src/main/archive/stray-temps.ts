// Main process: temp files a crash left behind. Every write goes to a temp file beside its target,
// `.<name>.json.<8 hex>.tmp` (atomic.ts; `.<name>.json.tmp` in archives written before it), and is renamed over
// the file; a crash between the two leaves the temp file, which nothing reads. They are removed when the archive
// opens — unless another live process holds the archive's lock, whose temp files may be mid-write.
import { readdir, rm } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { alive } from './lock'
import { readRegular } from './regular-file'

const FOLDERS = ['.', 'catalog', 'bodies', 'annotations', 'trash']
const STRAY = /^\..+\.json(\.[0-9a-f]{8})?\.tmp$/

/** Whether another live process (or another computer) holds the archive `dir`: its temp files may be mid-write. */
export async function heldByAnother(dir: string): Promise<boolean> {
  try {
    const held = JSON.parse(await readRegular(join(dir, '.lock'))) as { pid?: unknown; host?: unknown }
    if (typeof held.host === 'string' && held.host !== hostname()) return true
    return typeof held.pid === 'number' && held.pid !== process.pid && alive(held.pid)
  } catch {
    return false
  }
}

/** Removes crash-left temp files of JSON files; returns how many. */
export async function removeStrayTemps(dir: string): Promise<number> {
  if (await heldByAnother(dir)) return 0
  let removed = 0
  for (const folder of FOLDERS) {
    const names = await readdir(join(dir, folder)).catch(() => [] as string[])
    for (const name of names.filter((n) => STRAY.test(n))) {
      // A folder named like a temp file is not one (rm refuses it: the archive did not open).
      if (
        await rm(join(dir, folder, name), { force: true }).then(
          () => true,
          () => false,
        )
      )
        removed++
    }
  }
  return removed
}
