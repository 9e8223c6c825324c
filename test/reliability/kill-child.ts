// Tests (Node): runs a bundled child (bundle-child.ts) and SIGKILLs it at a moment its output names — the kill
// loop the catalog's crash tests share (rows-crash.test.ts, split-crash.test.ts). Resolves with every line the
// child wrote once it is killed; rejects if it ends any other way (its stderr and output in the error).
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'

/** `onLine` sees each line as it comes and calls `kill(ms)` to SIGKILL the child `ms` later. */
export function runUntilKilled(
  file: string,
  args: string[],
  onLine: (line: string, kill: (ms: number) => void) => void,
): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [file, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    const lines: string[] = []
    let stderr = ''
    const kill = (ms: number) => void setTimeout(() => proc.kill('SIGKILL'), ms)
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    createInterface({ input: proc.stdout }).on('line', (line) => {
      lines.push(line)
      onLine(line, kill)
    })
    proc.on('error', reject)
    proc.on('close', (_code, signal) =>
      signal === 'SIGKILL'
        ? resolve(lines)
        : reject(new Error(`child ended before the kill:\n${stderr}${lines.join('\n')}`)),
    )
  })
}
