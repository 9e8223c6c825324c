// Tests (Node): SIGKILL a process whose catalog buckets are splitting (an archive from before splitting being
// split at open, and buckets passing the split size as entries come and go), again and again on the same archive.
// After every kill the archive opens with every acknowledged entry, none acknowledged as removed, every article
// in exactly one bucket file once the open has finished what the kill cut short, and no problem.
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Archive } from '../../src/main/archive/archive'
import { layoutOf } from '../../src/main/archive/catalog-layout'
import { CURRENT_VERSION } from '../../src/main/archive/migrations'
import { bigMeta, idsUnder, layoutProblems, writeBucket } from '../catalog-entries'
import { createRng, intFromEnv } from '../prng'
import { tempDir } from '../temp-archive'
import { bundleChild } from './bundle-child'
import type { BundledChild } from './bundle-child'
import { runUntilKilled } from './kill-child'

const RUNS = intFromEnv('GLOSSA_SPLIT_RUNS', 16)
const SEED = intFromEnv('GLOSSA_SPLIT_SEED', 19_000_019)

let child: BundledChild
beforeAll(async () => {
  child = await bundleChild('test/reliability/split-child.ts')
}, 60_000)
afterAll(() => child?.dispose())

/**
 * Runs the child and kills it: `afterMs` after it is ready (the splits of opening under way), or `thenMs` after
 * it starts its `afterPuts`-th put (a put that passes the split size writes 16 children).
 */
function runUntilSplitKilled(
  args: string[],
  at: { afterMs: number } | { afterPuts: number; thenMs: number },
): Promise<string[]> {
  return runUntilKilled(child.file, args, (line, kill) => {
    if ('afterMs' in at && line === 'ready') kill(at.afterMs)
    if ('afterPuts' in at && line.startsWith('put ') && --at.afterPuts === 0) kill(at.thenMs)
  })
}

describe('catalog splits under SIGKILL', () => {
  it(`keep every acknowledged change and every article once through ${RUNS} kills`, async () => {
    const rng = createRng(SEED)
    const root = await tempDir('glossa-split-crash-')
    const dir = join(root, 'archive')
    const key = join(root, 'key')
    await (await Archive.open(dir, { trustKeyFile: key })).flush()
    // An archive from before splitting (manifest version 1): one bucket of 600 KB, split in 16 at the first open.
    const start = idsUnder('ab', 30, rng.next).map((id, n) => bigMeta(id, n, 90))
    await writeBucket(dir, 'ab', start)
    const manifest = JSON.parse(await readFile(join(dir, 'glossa.json'), 'utf8')) as object
    await writeFile(join(dir, 'glossa.json'), JSON.stringify({ ...manifest, version: 1 }))
    let expected = new Set(start.map((m) => m.id))
    let changes = 0
    let cutShort = 0
    let midWrite = 0
    for (let run = 0; run < RUNS; run++) {
      const when =
        run === 0 ? { afterMs: rng.int(1, 100) } : { afterPuts: rng.int(1, 40), thenMs: rng.int(0, 250) }
      const lines = await runUntilSplitKilled([dir, key, String(rng.int(0, 2 ** 31))], { ...when })
      expect(
        lines.filter((l) => l.startsWith('fail')),
        `run ${run}`,
      ).toEqual([])
      // The last change sent without its ack may or may not have landed.
      let open: string | undefined
      for (const line of lines) {
        const [what, id] = line.split(' ')
        if (what === 'put') open = `+${id}`
        else if (what === 'gone') open = `-${id}`
        else if (what === 'ack') {
          if (open?.startsWith('+')) expected.add(id)
          else expected.delete(id)
          open = undefined
          changes++
        }
      }
      const all = await readdir(join(dir, 'catalog'))
      const names = all.filter((n) => /^[^.].*\.json$/.test(n)).map((n) => n.slice(0, -5))
      // A split file never stands under the old version: an older Glossa would read it as damaged.
      if (layoutOf(names).split.size)
        expect(JSON.parse(await readFile(join(dir, 'glossa.json'), 'utf8'))).toMatchObject({
          version: CURRENT_VERSION.manifest,
        })
      if (layoutOf(names).leftovers.size) cutShort++
      else if (all.some((n) => /^\.[^.]+\.json\.[0-9a-f]{8}\.tmp$/.test(n))) midWrite++
      const archive = await Archive.open(dir, { trustKeyFile: key })
      const at = `run ${run} (seed ${SEED}, killed ${JSON.stringify(when)})`
      expect(archive.problems, at).toEqual([])
      const listed = new Set(archive.list().map((m) => m.id))
      const unsure = open?.slice(1)
      for (const id of expected) if (id !== unsure) expect(listed.has(id), `${at}: ${id} kept`).toBe(true)
      for (const id of listed) if (id !== unsure) expect(expected.has(id), `${at}: ${id} not back`).toBe(true)
      await archive.flush()
      const onDisk = await layoutProblems(dir)
      expect(onDisk.problems, at).toEqual([])
      expect(onDisk.ids, at).toEqual(listed)
      expected = listed
    }
    console.log(
      `split crash: ${RUNS} kills, ${cutShort} left a split half done (parent beside children), ${midWrite} ` +
        `others a bucket half written, ${changes} acknowledged ` +
        `changes, ${expected.size} articles at the end (seed ${SEED})`,
    )
    // The schedule must hit splits, or the test proves nothing.
    expect(cutShort).toBeGreaterThan(0)
  }, 120_000)
})
