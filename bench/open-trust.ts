// Bench (Node): opening the archive's catalog with and without catalog trust (src/main/archive/catalog-trust.ts)
// at 1,000, 10,000 and 100,000 articles: `npx jiti bench/open-trust.ts [--reps 9] [--sizes 1000,10000,100000]`.
// Each open is a fresh Node process running `Archive.open` (timed inside it, from before the call to the archive
// in hand; the catalog is all it reads that grows). The catalogs are the 10,000 real entries of the bench's full
// archive (`npm run bench` makes it), copied under new ids and dates to reach each size, written as Glossa
// writes buckets, in an archive of their own under bench/results/open-trust/. The two ways alternate, so the
// load is shared: "checked" opens without a key (every entry through the schema, as before), "trusted" with
// the key after one open that checked and recorded every bucket.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Archive } from '../src/main/archive/archive'
import { bucketOf } from '../src/main/archive/ids'
import type { ArticleMeta } from '../src/shared/types'
import { summarize } from './stats'

const here = resolve(fileURLToPath(import.meta.url), '..')
const results = join(here, 'results', 'open-trust')
const source = join(here, 'results', 'archives', 'full-seed1', 'archive', 'catalog')

type ChildIn = { dir: string; key?: string }
type ChildOut = {
  openMs: number
  cpuMs: number
  articles: number
  trusted: number
  checked: number
  rss: number
}

async function child(input: ChildIn): Promise<ChildOut> {
  const start = performance.now()
  const cpu = process.cpuUsage()
  const archive = await Archive.open(input.dir, input.key ? { trustKeyFile: input.key } : {})
  const openMs = performance.now() - start
  const used = process.cpuUsage(cpu)
  const cpuMs = (used.user + used.system) / 1000
  await archive.flush()
  return {
    openMs,
    cpuMs,
    articles: archive.catalog.size(),
    ...archive.catalog.trustStats(),
    rss: Math.round(process.resourceUsage().maxRSS / 1024),
  }
}

function run(input: ChildIn): ChildOut {
  const jiti = join(here, '..', 'node_modules', 'jiti', 'lib', 'jiti-cli.mjs')
  const out = spawnSync(
    process.execPath,
    [jiti, fileURLToPath(import.meta.url), '--child', JSON.stringify(input)],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  )
  if (out.status !== 0) throw new Error(`open child failed: ${out.stderr}`)
  return JSON.parse(out.stdout.trim().split('\n').pop()!) as ChildOut
}

/** The full archive's real entries, copied under new ids (`<id>-<copy>`, the same bucket) and dates up to `n`. */
async function makeCatalog(n: number): Promise<string> {
  const dir = join(results, `catalog-${n}`)
  if (existsSync(join(dir, 'done'))) return dir
  await rm(dir, { recursive: true, force: true })
  await (await Archive.open(dir)).flush()
  const entries: ArticleMeta[] = []
  for (const name of readdirSync(source).filter((f) => /^[^.].*\.json$/.test(f)))
    entries.push(
      ...Object.values(
        (JSON.parse(readFileSync(join(source, name), 'utf8')) as { articles: Record<string, ArticleMeta> })
          .articles,
      ),
    )
  entries.sort((a, b) => (a.id < b.id ? -1 : 1))
  const buckets = new Map<string, Record<string, ArticleMeta>>()
  for (let i = 0; i < n; i++) {
    const base = entries[i % entries.length]
    const copy = Math.floor(i / entries.length)
    const id = copy === 0 ? base.id : `${base.id}-${copy}`
    const addedAt = new Date(Date.parse(base.addedAt) - copy * 86_400_000).toISOString()
    const meta = { ...base, id, addedAt, textHash: `${base.textHash}${copy || ''}` }
    const bucket = bucketOf(id)
    if (!buckets.has(bucket)) buckets.set(bucket, {})
    buckets.get(bucket)![id] = meta
  }
  for (const [bucket, articles] of buckets)
    await writeFile(join(dir, 'catalog', `${bucket}.json`), JSON.stringify({ version: 1, articles }))
  await writeFile(join(dir, 'done'), '')
  return dir
}

async function main(): Promise<void> {
  const arg = (name: string) => {
    const at = process.argv.indexOf(`--${name}`)
    return at >= 0 ? process.argv[at + 1] : undefined
  }
  const reps = Number(arg('reps') ?? 9)
  const sizes = (arg('sizes') ?? '1000,10000,100000').split(',').map(Number)
  if (!existsSync(source)) throw new Error(`No bench archive at ${source}: run npm run bench first.`)
  await mkdir(results, { recursive: true })
  const rows: string[] = []
  for (const n of sizes) {
    const dir = await makeCatalog(n)
    const key = join(results, `key-${n}`)
    await rm(key, { force: true })
    await rm(join(dir, 'catalog', '.trusted.json'), { force: true })
    const load = loadavg()[0].toFixed(1)
    const first = run({ dir, key })
    const checked: ChildOut[] = []
    const trusted: ChildOut[] = []
    for (let i = 0; i < reps; i++) {
      checked.push(run({ dir }))
      trusted.push(run({ dir, key }))
    }
    const loadAfter = loadavg()[0].toFixed(1)
    if (trusted.some((t) => t.checked > 0 || t.articles !== n))
      throw new Error('a trusted open checked a bucket')
    const c = summarize(checked.map((o) => o.openMs))
    const t = summarize(trusted.map((o) => o.openMs))
    const cc = summarize(checked.map((o) => o.cpuMs))
    const tc = summarize(trusted.map((o) => o.cpuMs))
    const row = {
      articles: n,
      firstOpenMs: Math.round(first.openMs),
      checked: {
        median: c.median,
        p95: c.p95,
        cpu: cc.median,
        rssMb: Math.max(...checked.map((o) => o.rss)),
      },
      trusted: {
        median: t.median,
        p95: t.p95,
        cpu: tc.median,
        rssMb: Math.max(...trusted.map((o) => o.rss)),
      },
      ratio: +(c.median / t.median).toFixed(2),
      cpuRatio: +(cc.median / tc.median).toFixed(2),
      load: `${load} -> ${loadAfter}`,
    }
    console.log(JSON.stringify(row))
    const ms = (x: number) => x.toFixed(0)
    rows.push(
      `| ${n.toLocaleString('en')} | ${ms(c.median)} / ${ms(c.p95)} (${ms(cc.median)}) | ${ms(t.median)} / ${ms(t.p95)} (${ms(tc.median)}) | ${row.ratio}× (${row.cpuRatio}×) | ${row.checked.rssMb} / ${row.trusted.rssMb} | ${row.load} |`,
    )
  }
  console.log(
    '\n| articles | checked: wall median / p95 (CPU median), ms | trusted | checked ÷ trusted, wall (CPU) | peak RSS MB (checked / trusted) | load |',
  )
  console.log('| --- | --- | --- | --- | --- | --- |')
  for (const r of rows) console.log(r)
}

if (process.argv[2] === '--child') {
  void child(JSON.parse(process.argv[3]) as ChildIn).then((out) => console.log(JSON.stringify(out)))
} else {
  void main()
}
