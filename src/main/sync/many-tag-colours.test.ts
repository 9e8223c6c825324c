// A team member sending thousands of tag-colour documents: each was written by a write of its own of tags.json,
// a file growing with each (2,000 took 11 s on this machine; 50,000 rewrite megabytes 50,000 times). They are
// now written together. A real archive on disk; the writes are counted as the file system reports them (each
// write of tags.json renames a new file onto it, atomic.ts).
import { watch } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { serviceHarness } from '../../../test/service-harness'
import { applyIncoming } from './apply'

describe('many tag colours from the team', () => {
  it('are written to tags.json together, every one kept', async () => {
    const h = await serviceHarness()
    const names = Array.from({ length: 2000 }, (_, i) => `tag ${i}`)
    let writes = 0
    const watcher = watch(h.dir, (_event, file) => {
      if (file === 'tags.json') writes++
    })
    try {
      const refused = await applyIncoming(
        h.archive,
        names.map((name) => ({ id: `tag:${name}`, raw: { type: 'tag', name, color: 'green' } })),
      )
      expect([...refused]).toEqual([])
      await new Promise((resolve) => setTimeout(resolve, 200))
    } finally {
      watcher.close()
    }
    // One write renames one file onto tags.json; the watcher may report it more than once, never 2,000 times.
    expect(writes).toBeGreaterThan(0)
    expect(writes).toBeLessThan(10)
    const again = await serviceHarness(h.dir)
    expect(Object.keys(again.archive.tagStore.colors()).sort()).toEqual([...names].sort())
  }, 120_000)
})
