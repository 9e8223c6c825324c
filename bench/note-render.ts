// Bench (Node), run by hand: `npm run bench:notes [-- --budget 2000] [--json]` (that is `jiti bench/note-render.ts`).
// How the time to render one note grows with the note, for the renderer's noteHtml (markdown-it) and for marked 15
// as note-html.ts used it before (gfm, breaks), on the pathological notes of issue #20 and on ordinary ones.
// Each unit is repeated n and 4n times: a ratio near 4 is linear, near 16 quadratic. Times are CPU time (a loaded
// machine inflates it less than wall time), the best of a few runs; the load average is printed beside them.
// A size whose render took longer than the budget ends that engine's ladder for the unit.
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { Marked } from 'marked'
import { noteHtml } from '../src/renderer/src/note-html'

const { values } = parseArgs({
  options: { budget: { type: 'string', default: '2000' }, json: { type: 'boolean', default: false } },
})
const BUDGET_MS = Number(values.budget)

const marked = new Marked({ gfm: true, breaks: true, async: false })
let rep = 0
const ENGINES = {
  // noteHtml keeps what it rendered: each run gets a note of its own (one more short paragraph).
  'markdown-it (noteHtml)': (note: string) => noteHtml(`${note}\n\nrun ${rep++}`),
  'marked 15': (note: string) => marked.parse(note) as string,
}
type Engine = keyof typeof ENGINES

/** Units repeated into a note: the previous helper's four, then others found slow in marked. */
const UNITS = ['[a](', '_a', '~a', '**a', '*a', 'a_', '~~a', '`a', '``a`', '![', '[](', 'http://', 'a.com ']
const LADDER: Record<Engine, number[]> = {
  'markdown-it (noteHtml)': [2_500, 10_000, 40_000, 160_000],
  'marked 15': [250, 1_000, 4_000, 16_000, 64_000],
}

// A full collection before each run of the ladder: without it, what earlier (larger) runs left in the heap is collected during
// later ones, and markdown-it's ratios read 6–7 where a fresh process per size gives a flat cost per byte.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

function cpuMs(render: (note: string) => string, note: string, runs: number, collect = true): number {
  let best = Infinity
  for (let i = 0; i < runs; i++) {
    if (collect) gc()
    const start = process.cpuUsage()
    render(note)
    const used = process.cpuUsage(start)
    best = Math.min(best, (used.user + used.system) / 1000)
  }
  return best
}

type Step = { n: number; bytes: number; ms: number; ratio?: number }
type Row = { unit: string; engine: Engine; steps: Step[]; stopped?: string }

function ladder(unit: string, engine: Engine): Row {
  const render = ENGINES[engine]
  const steps: Step[] = []
  for (const n of LADDER[engine]) {
    const note = unit.repeat(n)
    let ms: number
    try {
      ms = cpuMs(render, note, 1)
      if (ms < BUDGET_MS / 4) ms = Math.min(ms, cpuMs(render, note, 3))
    } catch (err) {
      return { unit, engine, steps, stopped: `n=${n} threw: ${String(err).slice(0, 60)}` }
    }
    const before = steps.at(-1)
    steps.push({ n, bytes: note.length, ms, ...(before ? { ratio: ms / before.ms } : {}) })
    if (ms > BUDGET_MS) return { unit, engine, steps, stopped: `over the ${BUDGET_MS} ms budget` }
  }
  return { unit, engine, steps }
}

const ORDINARY = [
  'Check the **ministry** figure against the _2023_ report.',
  '# Interview\n\nThe minister said the budget rose by 4%; see [the report](https://example.com/r "Report").\n\n' +
    '- [x] check the figure\n- [ ] call the source\n  - ask for the table\n\n> A quote with `code` and ' +
    '~~struck~~ text.\n\n| year | value |\n|---|--:|\n| 2023 | 4.1 |\n\nhttps://example.org/data and www.example.net',
]

const load = () => loadavg().map((l) => l.toFixed(1))
const loadBefore = load()
const rows = UNITS.flatMap((unit) => (Object.keys(ENGINES) as Engine[]).map((engine) => ladder(unit, engine)))
const ordinary = ORDINARY.flatMap((note, i) =>
  [1, 10].flatMap((times) => {
    const text = Array.from({ length: times }, () => note).join('\n\n')
    return (Object.keys(ENGINES) as Engine[]).map((engine) => {
      for (let w = 0; w < 50; w++) ENGINES[engine](text)
      return {
        note: `ordinary ${i + 1} ×${times}`,
        bytes: text.length,
        engine,
        us: cpuMs(ENGINES[engine], text, 200, false) * 1000,
      }
    })
  }),
)
const loadAfter = load()

if (values.json) {
  console.log(JSON.stringify({ budgetMs: BUDGET_MS, loadBefore, loadAfter, rows, ordinary }))
} else {
  console.log(
    `load average ${loadBefore.join(' ')} before, ${loadAfter.join(' ')} after; CPU ms, best of runs`,
  )
  console.log('| note | engine | n → CPU ms (× the previous size) |')
  console.log('| --- | --- | --- |')
  for (const r of rows) {
    const steps = r.steps.map(
      (s) => `${s.n}: ${s.ms.toFixed(1)}${s.ratio ? ` (×${s.ratio.toFixed(1)})` : ''}`,
    )
    console.log(
      `| \`${r.unit}\` × n | ${r.engine} | ${[...steps, ...(r.stopped ? [r.stopped] : [])].join(', ')} |`,
    )
  }
  for (const o of ordinary) console.log(`| ${o.note} (${o.bytes} B) | ${o.engine} | ${o.us.toFixed(0)} µs |`)
}
