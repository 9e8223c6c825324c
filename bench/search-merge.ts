// Bench (Node): the search index's merge job (src/main/search/segment-merge.ts) at 10,000 and 100,000 articles.
// The segments are those `bench/search-scale.ts --design segments --phase build` writes (segments of 10,000
// articles, signed with its bench key). They are linked into a scratch index folder under the names the app
// uses; 30% of the documents of one segment are tombstoned (as deletes and edits leave them); the job runs in the
// real search worker (build-worker.ts, bundled as the app ships it) through processBuilder, as the app starts
// it; then this process adopts the merged file (adoptMerged: replaceRange and the manifest), as the holding
// process does. The job process is watched from /proc every 20 ms: peak RSS (VmHWM, the kernel's own peak) and
// CPU (utime + stime at the last sample before it is stopped: at most 20 ms short).
//
//   npx jiti bench/search-merge.ts --dir /tmp/segbench/100k [--rounds 3] [--joined 2]
//
// `--joined N`: the target is N build segments written as one first (a segment of N × 10,000 articles: a tail
// merge of small segments makes up to 7 × 20,000 documents, about two build segments).
import { randomBytes } from 'node:crypto'
import { link, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { parseArgs } from 'node:util'
import { bundleChild } from '../test/reliability/bundle-child'
import { nodeProcess } from '../src/main/jobs/job-process'
import { processBuilder } from '../src/main/search/process-builder'
import { mergeSegments } from '../src/main/search/merge-segments'
import { SegmentReader } from '../src/main/search/segment-file'
import { adoptMerged, mergeJob } from '../src/main/search/segment-merge'
import { SegmentedIndex } from '../src/main/search/segmented-index'
import { INDEX_OPTIONS } from '../src/main/search/documents'
import { procStats } from './job-bench'
import { summarize } from './stats'

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: '/tmp/glossa-search-scale' },
    rounds: { type: 'string', default: '3' },
    joined: { type: 'string', default: '1' },
  },
})
/** The key search-scale.ts signs its segments with. */
const KEY = Buffer.alloc(32, 1)
const rounds = Number(values.rounds)
const joined = Number(values.joined)

type Sample = { peakRssMB: number; cpuMs: number }

const cpuMs = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since)
  return (d.user + d.system) / 1000
}

/** Every third-or-so document of segment `s`, 30% of them, the same each round. */
function tombstones(index: SegmentedIndex, s: number): number[] {
  const count = index.segments[s].docCount
  const out: number[] = []
  for (let doc = 0; doc < count; doc++) if ((doc * 7919) % 100 < 30) out.push(doc)
  return out
}

async function round(worker: string, sources: string[]): Promise<Record<string, number>> {
  const dir = await mkdtemp(join(tmpdir(), 'glossa-merge-bench-'))
  try {
    const keyFile = join(dir, 'trust.key')
    await writeFile(keyFile, KEY)
    const names: string[] = []
    if (joined > 1) {
      // The target: the first `joined` build segments written as one.
      const parts = sources.slice(0, joined).map((f) => SegmentReader.open(f, KEY))
      const name = `seg-${randomBytes(8).toString('hex')}.seg`
      await writeFile(
        join(dir, name),
        mergeSegments(
          parts,
          parts.map((p) => new Uint8Array(p.docCount)),
          KEY,
        ),
      )
      for (const p of parts) p.close()
      names.push(name)
    }
    for (const file of sources.slice(joined > 1 ? joined : 0)) {
      const name = `seg-${randomBytes(8).toString('hex')}.seg`
      await link(file, join(dir, name))
      names.push(name)
    }
    const index = new SegmentedIndex(
      INDEX_OPTIONS.fields,
      names.map((n) => SegmentReader.open(join(dir, n), KEY)),
    )
    const target = 0
    index.tombstone(target, tombstones(index, target))
    const job = mergeJob(index, dir, keyFile, { share: 0.3, minDocs: 20_000 })
    if (!job) throw new Error('no segment passes the merge mark')
    let pid = 0
    let last: Sample | null = null
    const builder = processBuilder(() => nodeProcess(worker, [], (p) => (pid = p)))
    const watch = setInterval(() => {
      if (pid) void procStats(pid).then((s) => (last = s ?? last))
    }, 20)
    const started = performance.now()
    if (!builder.merge) throw new Error('the builder has no merge job')
    const report = await builder.merge(job.request)
    const wallMs = performance.now() - started
    clearInterval(watch)
    const sampled = last as Sample | null
    const c = process.cpuUsage()
    const t = performance.now()
    const adopted = await adoptMerged(dir, index, job.target, report.file, job.gone, KEY, [])
    const adoptCpuMs = cpuMs(c)
    const adoptWallMs = performance.now() - t
    if (!adopted) throw new Error('the merged segment was not adopted')
    const out = {
      segments: names.length,
      targetDocs: job.target.docCount,
      mergedDocs: report.docs,
      indexDocs: index.documentCount,
      jobWallMs: Math.round(wallMs),
      jobCpuMs: sampled?.cpuMs ?? -1,
      jobPeakRssMB: sampled?.peakRssMB ?? -1,
      adoptCpuMs: Math.round(adoptCpuMs),
      adoptWallMs: Math.round(adoptWallMs),
    }
    index.close()
    return out
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const sources = (await readdir(values.dir!))
    .filter((f) => f.endsWith('.seg'))
    .sort()
    .map((f) => join(values.dir!, f))
  const worker = await bundleChild('src/main/search/build-worker.ts')
  const load = [loadavg()[0]]
  const runs: Record<string, number>[] = []
  try {
    for (let r = 0; r < rounds; r++) {
      runs.push(await round(worker.file, sources))
      process.stderr.write(`${JSON.stringify(runs.at(-1))}\n`)
    }
  } finally {
    await worker.dispose()
  }
  load.push(loadavg()[0])
  const median = (key: string) => summarize(runs.map((r) => r[key])).median
  console.log(
    JSON.stringify({
      dir: basename(values.dir!),
      joined,
      load,
      runs,
      median: Object.fromEntries(
        ['jobCpuMs', 'jobWallMs', 'jobPeakRssMB', 'adoptCpuMs', 'adoptWallMs'].map((k) => [k, median(k)]),
      ),
    }),
  )
}

await main()
