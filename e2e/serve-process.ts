// e2e and bench: a real `glossa serve` process on an archive folder, started from a built CLI; resolves with the
// URL (token included) it prints, and keeps everything it prints after.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'

export type ServeProcess = { child: ChildProcess; url: string; output: () => string }

/**
 * `opts.args` go after the archive (e.g. `--connector-port 0`); `opts.env` replaces the environment; `opts.wrap`
 * is a command that execs Node with the rest (e.g. one that mounts a small disk first).
 */
export async function startServe(
  cli: string,
  archiveDir: string,
  timeoutMs: number,
  opts: { args?: string[]; env?: NodeJS.ProcessEnv; wrap?: string[] } = {},
): Promise<ServeProcess> {
  const [command, ...wrapArgs] = [...(opts.wrap ?? []), process.execPath]
  const args = [...wrapArgs, cli, 'serve', '--archive', archiveDir, ...(opts.args ?? [])]
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(opts.env ? { env: opts.env } : {}),
  })
  let output = ''
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`glossa serve printed no URL:\n${output}`)), timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolveUrl(match[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => reject(new Error(`glossa serve exited with ${code}:\n${output}`)))
  })
  return { child, url, output: () => output }
}
