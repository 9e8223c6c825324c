// Bench (Node): a fresh `glossa serve` (the built CLI) on an archive, as the open benches start it
// (open-head.ts, open-rows.ts): started by e2e/serve-process.ts with its own config folder, its CPU read from
// /proc, and killed at the end.
import { readFileSync } from 'node:fs'
import { startServe as startServeProcess } from '../e2e/serve-process'
import type { ServeProcess } from '../e2e/serve-process'

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

export type Served = ServeProcess

/** Starts `glossa serve` on `dir` with its own config folder; resolves once it prints its URL. */
export function startServe(cli: string, dir: string, config: string): Promise<Served> {
  return startServeProcess(cli, dir, 120_000, {
    args: ['--connector-port', '0'],
    env: { ...process.env, XDG_CONFIG_HOME: config },
  })
}

/** Kills the served process (SIGKILL: what it starts after opening is not waited for) and waits for its end. */
export async function stopServe({ child }: Served): Promise<void> {
  child.kill('SIGKILL')
  await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)))
}
