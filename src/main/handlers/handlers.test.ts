// Tests (Node): a method's handler is found by its name alone — `tags.rename` lives in handlers/tags.ts.
import { readdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { METHOD_NAMES } from '../../shared/contract'
import type { ServiceContext } from './context'

// Only app.ts serves a second prefix: the archive's health check sits with the app's own facts.
const SERVED_ALSO: Record<string, string[]> = { app: ['archive'] }

async function handlerFiles(): Promise<Map<string, string[]>> {
  const files = readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  const served = new Map<string, string[]>()
  for (const file of files.filter((f) => f !== 'context.ts')) {
    const module = (await import(join(__dirname, file))) as Record<string, unknown>
    const factories = Object.entries(module).filter(([name]) => name.endsWith('Handlers'))
    expect(factories, `${file} exports one handler map`).toHaveLength(1)
    // The factories only close over the context; none is called here, so an empty one will do.
    const map = (factories[0][1] as (ctx: ServiceContext) => object)({} as ServiceContext)
    served.set(basename(file, '.ts'), Object.keys(map))
  }
  return served
}

describe('one handler file per method prefix', () => {
  it('serves every method in the file named after its prefix, and nothing else there', async () => {
    const served = await handlerFiles()
    for (const [file, methods] of served) {
      const prefixes = [file, ...(SERVED_ALSO[file] ?? [])]
      for (const method of methods)
        expect(prefixes, `${method} in handlers/${file}.ts`).toContain(method.split('.')[0])
    }
    const all = [...served.values()].flat()
    expect(all.sort()).toEqual([...METHOD_NAMES].sort())
  })
})
