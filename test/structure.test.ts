// Tests (Node): the import graph of src/, read from the files' own import lines. Import does not depend on
// export, and no module reaches itself through its imports.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = resolve(__dirname, '..', 'src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  )
}

/** Relative imports (type-only ones too: they are still an arrow between modules), resolved to files. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const specs = [...text.matchAll(/^(?:import|export)[^'"]*?from\s+'(\.[^']+)'/gm)].map((m) => m[1])
  return specs.flatMap((spec) => {
    const base = resolve(dirname(file), spec)
    const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((f) => existsSync(f))
    return found ? [found] : []
  })
}

const graph = new Map(sourceFiles(SRC).map((f) => [f, importsOf(f)]))
const name = (f: string) => relative(SRC, f)

function reachable(from: string): Set<string> {
  const seen = new Set<string>()
  const stack = [from]
  while (stack.length) {
    for (const next of graph.get(stack.pop()!) ?? []) {
      if (seen.has(next)) continue
      seen.add(next)
      stack.push(next)
    }
  }
  return seen
}

describe('the import graph', () => {
  it('import reaches nothing of export', () => {
    const reached = [...reachable(join(SRC, 'main', 'importer.ts'))].map(name)
    expect(reached.filter((f) => f.startsWith('main/export/'))).toEqual([])
  })
})

/** Modules under `dir` that reach themselves through their imports, each with one loop that proves it. */
function loopsUnder(dir: string): string[] {
  const loops: string[] = []
  for (const start of [...graph.keys()].filter((f) => f.startsWith(join(SRC, dir) + '/'))) {
    // Breadth-first from `start`, keeping each module's predecessor, so the loop found is a shortest one.
    const before = new Map<string, string>()
    const queue = [start]
    while (queue.length && !before.has(start)) {
      const at = queue.shift()!
      for (const next of graph.get(at) ?? []) {
        if (before.has(next)) continue
        before.set(next, at)
        queue.push(next)
      }
    }
    if (!before.has(start)) continue
    const path = [start]
    for (let at = before.get(start)!; at !== start; at = before.get(at)!) path.unshift(at)
    loops.push([start, ...path].map(name).join(' → '))
  }
  return loops
}

describe('import loops', () => {
  it.each(['main', 'renderer', 'cli', 'preload', 'shared'])(
    'no module under src/%s reaches itself',
    (dir) => {
      expect(loopsUnder(dir)).toEqual([])
    },
  )
})

/**
 * Files the main process writes go through src/main/archive/atomic.ts (the search index too, as lines). The
 * others that touch the file system's write calls, each for a reason: the lock is created exclusively ('wx'; a
 * rename would replace another process's lock), and repair moves a damaged file aside (nothing is written).
 */
// catalog-trust.ts creates its key once, outside the archive, with mode 0600 and link() so that two processes
// starting together agree on one key (a create-if-absent that the atomic rename cannot give). The by-tag
// Markdown export appends each tag's blocks to scratch files in a private folder it removes (a rename per block
// would be a file written whole per block); the export itself is written through atomic.ts.
const WRITES_OF_THEIR_OWN = [
  'main/archive/atomic.ts',
  'main/archive/catalog-trust.ts',
  'main/archive/lock.ts',
  'main/archive/repair.ts',
  'main/export/by-tag-stream.ts',
]

describe('writing files', () => {
  const main = [...graph.keys()].filter((f) => name(f).startsWith('main/') || name(f).startsWith('cli/'))

  it('nothing imports lowdb or steno (one atomic write instead), and the app does not depend on them', () => {
    const importers = main.filter((f) => /from\s+'(lowdb|steno)(\/[^']*)?'/.test(readFileSync(f, 'utf8')))
    expect(importers.map(name)).toEqual([])
    const pkg = JSON.parse(readFileSync(resolve(SRC, '..', 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>
    }
    // lowdb stays a devDependency: the bench compares the archive with one lowdb file (bench/baseline.ts).
    expect(Object.keys(pkg.dependencies).filter((d) => d === 'lowdb' || d === 'steno')).toEqual([])
  })

  it('only atomic.ts and the listed exceptions import a writing call from node:fs', () => {
    const WRITES = /^(writeFile|appendFile|createWriteStream|rename|copyFile|cp)(Sync)?$/
    const fsImports = (f: string) =>
      [...readFileSync(f, 'utf8').matchAll(/^import\s*\{([^}]*)\}\s*from\s*'(?:node:)?fs(?:\/promises)?'/gm)]
        .flatMap((m) => m[1].split(','))
        .map((n) => n.trim().split(/\s+as\s+/)[0])
    const writers = main.filter((f) => fsImports(f).some((n) => WRITES.test(n))).map(name)
    expect(writers.sort()).toEqual([...WRITES_OF_THEIR_OWN].sort())
  })
})

describe('MiniSearch', () => {
  const ADAPTER = 'main/search/minisearch-adapter.ts'
  const all = [...graph.keys()]

  it('only the adapter imports it', () => {
    const importers = all.filter((f) => /from\s+'minisearch(\/[^']*)?'/.test(readFileSync(f, 'utf8')))
    expect(importers.map(name)).toEqual([ADAPTER])
  })

  it('only the adapter reads its private fields (_index and friends)', () => {
    const PRIVATE =
      /\._(index|options|fieldIds|fieldLength|avgFieldLength|documentCount|documentIds|idToShortId|storedFields|dirtCount|nextId)\b/
    const readers = all.filter((f) => PRIVATE.test(readFileSync(f, 'utf8')))
    expect(readers.map(name)).toEqual([ADAPTER])
  })
})
