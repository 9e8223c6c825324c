// openShardSync (an export process's reader of annotations files) against openShard, on real files: the same
// data, and the same refusal with the same message for each hostile file — a link, a named pipe, a folder, text
// that is not JSON, no schema version, a shape that is not an annotations file.
import { execFileSync } from 'node:child_process'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../test/temp-archive'
import { openAnnotationFile, readAnnotationFileSync } from './annotation-store'
import { articleFile } from './ids'

const ID = 'a1b2c3d4e5f6'

async function both(root: string): Promise<[unknown, unknown]> {
  const asyncly = await openAnnotationFile(root, ID).then(
    (s) => ({ ok: s.data.annotations }),
    (e: Error) => ({ refused: e.message }),
  )
  let syncly: unknown
  try {
    syncly = { ok: readAnnotationFileSync(root, ID) }
  } catch (e) {
    syncly = { refused: (e as Error).message }
  }
  return [asyncly, syncly]
}

describe('openShardSync', () => {
  const cases: [string, (file: string, root: string) => Promise<void>][] = [
    ['missing', async () => {}],
    [
      'a whole file',
      async (file) => writeFile(file, JSON.stringify({ version: 1, articleId: ID, annotations: [] })),
    ],
    [
      'a link',
      async (file, root) => {
        await writeFile(join(root, 'elsewhere.json'), '{"version":1,"annotations":[]}')
        await symlink(join(root, 'elsewhere.json'), file)
      },
    ],
    ['a named pipe', async (file) => void execFileSync('mkfifo', [file])],
    ['a folder', async (file) => mkdir(file)],
    ['not JSON', async (file) => writeFile(file, '{"version": 1, ')],
    ['no version', async (file) => writeFile(file, '{"annotations": []}')],
    ['null', async (file) => writeFile(file, 'null')],
    ['another shape', async (file) => writeFile(file, '{"version": 1, "annotations": [{"id": 3}]}')],
    [
      'another article',
      async (file) =>
        writeFile(file, JSON.stringify({ version: 1, articleId: 'ffffffffffff', annotations: [] })),
    ],
  ]
  for (const [what, make] of cases)
    it(`reads or refuses ${what} as openShard does`, async () => {
      const root = await tempDir()
      const file = articleFile(root, 'annotations', ID)
      await mkdir(join(file, '..'), { recursive: true })
      await make(file, root)
      const [asyncly, syncly] = await both(root)
      expect(syncly).toEqual(asyncly)
      if (!['missing', 'a whole file'].includes(what)) expect(syncly).toHaveProperty('refused')
    })
})
