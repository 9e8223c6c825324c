// Bench (Node): a fresh `glossa serve` (the built CLI) on an archive, as the open benches start it
// (open-head.ts, open-rows.ts): spawned with its own config folder, the URL it prints waited for, its CPU read
// from /proc, and killed at the end.
import { spawn } from 'node:child_process'
import type { ChildProcessByStdio } from 'node:child_process'
import { readFileSync } from 'node:fs'
import type { Readable } from 'node:stream'

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux; 100 ticks a second). */
export function cpuOf(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return NaN
  }
}

export type Served = { child: ChildProcessByStdio<null, Readable, Readable>; ready: Promise<string> }

/** Starts `glossa serve` on `dir`; `ready` resolves with the URL it prints (its token after `#token=`). */
export function startServe(cli: string, dir: string, config: string): Served {
  const child = spawn(process.execPath, [cli, 'serve', '--archive', dir, '--connector-port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, XDG_CONFIG_HOME: config },
  })
  let output = ''
  const ready = new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no URL:\n${output}`)), 120_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output)
      if (m) {
        clearTimeout(timer)
        done(m[1])
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => fail(new Error(`serve exited ${code}:\n${output}`)))
  })
  ready.catch(() => {})
  return { child, ready }
}

/** Kills the served process (SIGKILL: what it starts after opening is not waited for) and waits for its end. */
export async function stopServe({ child }: Served): Promise<void> {
  child.kill('SIGKILL')
  await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)))
}
