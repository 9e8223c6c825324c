// Tests (Node): SIGKILL a process that saves the segmented search index again and again (a segment file, a
// signature file, the manifest, now and then a merged tail or merged signature files; search-save-child.ts),
// at random moments, on the same index folder. After every kill the folder opens, and what it opens is the state
// of the last save that finished or of the one the kill cut short — never a mix: the documents are exactly the
// signed articles, each article's document is the version its signature names.
import { spawn } from 'node:child_process'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { INDEX_OPTIONS } from '../../src/main/search/documents'
import { openStore } from '../../src/main/search/segment-store'
import { createRng, intFromEnv } from '../prng'
import { tempDir } from '../temp-archive'
import { bundleChild } from './bundle-child'
import type { BundledChild } from './bundle-child'
import { stateDigest } from './search-save-digest'

const RUNS = intFromEnv('GLOSSA_SEARCH_CRASH_RUNS', 14)
const SEED = intFromEnv('GLOSSA_SEARCH_CRASH_SEED', 19_000_005)
const KEY = Buffer.alloc(32, 7)

let child: BundledChild
beforeAll(async () => {
  child = await bundleChild('test/reliability/search-save-child.ts')
}, 60_000)
afterAll(() => child?.dispose())

/** Runs the child and kills it `thenMs` after it begins its `afterSaves`-th save. */
function runUntilKilled(args: string[], afterSaves: number, thenMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child.file, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    const lines: string[] = []
    let stderr = ''
    let saves = afterSaves
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    createInterface({ input: proc.stdout }).on('line', (line) => {
      lines.push(line)
      if (line.startsWith('saving ') && --saves === 0) setTimeout(() => proc.kill('SIGKILL'), thenMs)
    })
    proc.on('error', reject)
    proc.on('close', (_code, signal) =>
      signal === 'SIGKILL'
        ? resolve(lines)
        : reject(new Error(`child ended before the kill:\n${stderr}${lines.join('\n')}`)),
    )
  })
}

describe('search index saves under SIGKILL', () => {
  it(`open as the last finished save or the one cut short, through ${RUNS} kills`, async () => {
    const rng = createRng(SEED)
    const dir = join(await tempDir('glossa-search-crash-'), 'search-index')
    let saved: string | undefined
    let cutShort = 0
    let orphaned = 0
    let articles = 0
    for (let run = 0; run < RUNS; run++) {
      const afterSaves = rng.int(1, 12)
      const thenMs = rng.int(0, 120)
      const lines = await runUntilKilled(
        [dir, KEY.toString('hex'), String(rng.int(0, 2 ** 31))],
        afterSaves,
        thenMs,
      )
      const at = `run ${run} (seed ${SEED}, killed ${thenMs} ms into save ${afterSaves})`
      expect(
        lines.filter((l) => l.startsWith('fail')),
        at,
      ).toEqual([])
      let inFlight: string | undefined
      for (const line of lines) {
        if (line.startsWith('saving ')) inFlight = line.slice(7)
        else if (line === 'saved') {
          saved = inFlight
          inFlight = undefined
        }
      }
      // Files written but not named by the manifest on disk: the kill came between a file and the manifest, or
      // between the manifest and the removal of the files it no longer names.
      const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as {
        segments: { file: string }[]
        signatures: { file: string }[]
      }
      const named = new Set([...manifest.segments, ...manifest.signatures].map((f) => f.file))
      if ((await readdir(dir)).some((n) => /^(seg|sig)-/.test(n) && !named.has(n))) orphaned++
      const opened = await openStore(dir, INDEX_OPTIONS.fields, KEY)
      if (!opened.ok) throw new Error(`${at}: ${opened.reason}`)
      const digest = stateDigest(opened.signatures)
      expect([saved, inFlight], at).toContain(digest)
      if (inFlight && digest === inFlight) cutShort++
      saved = digest
      // The documents are exactly the signed articles, each the version its signature names.
      const { index } = opened
      const docs: string[] = []
      index.segments.forEach((segment, s) => {
        const dead = index.deadIn(s)
        for (let d = 0; d < segment.docCount; d++) if (!dead[d]) docs.push(segment.docId(d))
      })
      expect(docs.sort(), at).toEqual([...opened.signatures.keys()].sort())
      for (const [id, { meta }] of opened.signatures)
        expect(index.docsWith(meta), `${at}: ${id}`).toEqual([id])
      articles = opened.signatures.size
      index.close()
    }
    console.log(
      `search save crash: ${RUNS} kills, ${cutShort} opened as the save the kill cut short, ${orphaned} left ` +
        `files no manifest names, ${articles} ` +
        `articles at the end (seed ${SEED})`,
    )
    // The schedule must hit the moments between a save's steps, or the test proves little.
    expect(articles).toBeGreaterThan(0)
    expect(orphaned).toBeGreaterThan(0)
  }, 300_000)
})
