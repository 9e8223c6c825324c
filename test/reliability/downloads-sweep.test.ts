// Tests (Node): browser mode's download folder in the system temp folder (downloads.ts) holds exported notes until
// they are downloaded; a server killed with SIGKILL (a real child process, downloads-child.ts) left it there for
// good. The next server's first download sweeps it — and keeps the folder of a server still running beside it.
import { spawn } from 'node:child_process'
import { rm, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Downloads } from '../../src/main/downloads'
import { bundleChild } from './bundle-child'
import type { BundledChild } from './bundle-child'
import { runUntilKilled } from './kill-child'

let child: BundledChild
beforeAll(async () => {
  child = await bundleChild('test/reliability/downloads-child.ts')
}, 60_000)
afterAll(() => child?.dispose())

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  )

describe('the download folder of a killed server', () => {
  it('is removed by the next server’s first download; a live server’s is kept', async () => {
    const lines = await runUntilKilled(child.file, [], (line, kill) => {
      if (line.startsWith('made ')) kill(0)
    })
    const left = dirname(lines[0].slice('made '.length))
    expect(await exists(left)).toBe(true)

    const live = spawn(process.execPath, [child.file], { stdio: ['ignore', 'pipe', 'inherit'] })
    let liveFolder: string | null = null
    try {
      const liveFile = await new Promise<string>((resolve) =>
        createInterface({ input: live.stdout }).on('line', (line) => resolve(line.slice('made '.length))),
      )
      liveFolder = dirname(liveFile)
      const downloads = new Downloads()
      try {
        await downloads.path('figures.csv')
        expect(await exists(left)).toBe(false)
        expect(await exists(liveFile)).toBe(true)
      } finally {
        await downloads.close()
      }
    } finally {
      live.kill('SIGKILL')
      if (liveFolder) await rm(liveFolder, { recursive: true, force: true })
    }
  }, 60_000)
})
