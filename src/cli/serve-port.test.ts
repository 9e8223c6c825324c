// Tests (Node): glossa serve's port without --port is the same for the same archive at every start, and moves on
// past a port another program holds (serve-port.ts), on real sockets.
import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../test/temp-archive'
import { preferredPorts, stablePort } from './serve-port'

describe('serve port', () => {
  it('is the same for one archive folder from run to run, and differs between folders', async () => {
    const a = await tempDir()
    const b = await tempDir()
    expect(await preferredPorts(a)).toEqual(await preferredPorts(a))
    expect((await preferredPorts(a))[0]).not.toBe((await preferredPorts(b))[0])
    for (const port of await preferredPorts(a)) {
      expect(port).toBeGreaterThanOrEqual(20_000)
      expect(port).toBeLessThan(30_000)
      expect(port).not.toBe(21_787)
    }
  })

  it('takes the next preferred port when the first is held by another program', async () => {
    const dir = await tempDir()
    const [first, second] = await preferredPorts(dir)
    const holder = createServer()
    await new Promise<void>((resolve, reject) => {
      holder.once('error', reject)
      holder.listen(first, '127.0.0.1', () => resolve())
    })
    try {
      expect(await stablePort(dir)).toBe(second)
    } finally {
      await new Promise<void>((resolve) => holder.close(() => resolve()))
    }
    expect(await stablePort(dir)).toBe(first)
  })
})
