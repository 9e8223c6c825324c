// Bench (Node): what the job-process benches share — the cached archive's paths, a second process keeping one
// core busy (`--busy`), a job process forked so that it can write a CPU profile, and a live process's memory and
// CPU read from /proc.
import { fork, spawn } from 'node:child_process'
import type { ChildProcess, Serializable } from 'node:child_process'
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { JobProcess } from '../src/main/jobs/job-process'
import { benchPaths } from './sizes'
import type { SizeName } from './sizes'

/**
 * The cached bench archive of this size and seed (bench/generate.ts), refused when it was not generated; `under`:
 * the folder holding the cached archives instead of bench/results/archives (a copy, for a bench that opens it).
 */
export async function cachedArchive(
  size: string,
  seed: number,
  under = join(process.cwd(), 'bench', 'results', 'archives'),
): Promise<ReturnType<typeof benchPaths>> {
  const root = join(under, `${size}-seed${seed}`)
  const paths = benchPaths(size as SizeName, seed, root)
  if (!(await stat(paths.manifest).catch(() => null))) throw new Error(`no cached archive at ${root}`)
  return paths
}

/** A second process keeping one core busy, as a browser beside Glossa would (kill it when done); null when not asked. */
export function busyCore(asked: boolean | undefined): ChildProcess | null {
  return asked ? spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }) : null
}

/**
 * A job process (the built worker `file`) that is ended by closing its channel rather than by a signal, so that
 * with `--cpu-prof` among `execArgv` it exits and writes its profile.
 */
export function profiledJob(file: string, execArgv: string[]): JobProcess {
  const child = fork(file, [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv,
    serialization: 'advanced',
  })
  return {
    send: (message) => child.send(message as Serializable),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.once('exit', (code, signal) => listener(signal ?? `exit code ${code}`)),
    kill: () => child.disconnect(),
  }
}

/**
 * A live process's RSS and peak RSS (MB, the kernel's VmRSS and VmHWM) and CPU time (ms: utime + stime from
 * /proc/PID/stat, in 10 ms clock ticks); null once it is gone.
 */
export async function procStats(
  pid: number,
): Promise<{ rssMB: number; peakRssMB: number; cpuMs: number } | null> {
  try {
    const [status, statLine] = await Promise.all([
      readFile(`/proc/${pid}/status`, 'utf8'),
      readFile(`/proc/${pid}/stat`, 'utf8'),
    ])
    const kB = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th, in clock ticks.
    const fields = statLine.slice(statLine.lastIndexOf(')') + 2).split(' ')
    return {
      rssMB: Math.round(kB('VmRSS') / 1024),
      peakRssMB: Math.round(kB('VmHWM') / 1024),
      cpuMs: (Number(fields[11]) + Number(fields[12])) * 10,
    }
  } catch {
    return null
  }
}
