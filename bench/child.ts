// Bench (Node): measurements that need a process of their own (a cold open, the process whose memory is
// measured, the baseline with its huge heap) run as children: one JSON argument in, one JSON line out.
import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const distDir = dirname(fileURLToPath(import.meta.url))

/** A bundle built into `bench/results/dist/`: a measured child, or a job process's worker. */
export function distFile(entry: string): string {
  return join(distDir, `${entry}.js`)
}

export type ChildRun<T> = { value: T; wallMs: number }

/** Runs `bench/results/dist/<entry>.js` with `input`; its stderr is passed through as progress. */
export function runChild<T>(entry: string, input: unknown, nodeFlags: string[] = []): Promise<ChildRun<T>> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, distFile(entry), JSON.stringify(input)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.once('error', reject)
    child.once('exit', (code) => {
      const wallMs = performance.now() - started
      const last = out.trim().split('\n').pop() ?? ''
      if (code !== 0) return reject(new Error(`${entry} exited with ${code}`))
      try {
        resolve({ value: JSON.parse(last) as T, wallMs })
      } catch {
        reject(new Error(`${entry} printed no result:\n${out.slice(-2000)}`))
      }
    })
  })
}

/** The body of a child entry: reads its input, prints its result as the last stdout line. */
export function childMain<I, O>(work: (input: I) => Promise<O>): void {
  const input = JSON.parse(process.argv[2] ?? '{}') as I
  work(input).then(
    (output) => {
      process.stdout.write(`${JSON.stringify(output)}\n`)
    },
    (err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err))
      process.exitCode = 1
    },
  )
}

export function progress(line: string): void {
  process.stderr.write(`${line}\n`)
}
