// Tests (Node): a real archive and service, called through dispatch with every result checked against the
// contract's result schema.
import { contract } from '../src/shared/contract'
import type { MethodName } from '../src/shared/contract'
import { dispatch } from '../src/shared/dispatch'
import { Archive } from '../src/main/archive/archive'
import { createService } from '../src/main/service'
import { tempDir } from './temp-archive'

export async function serviceHarness(dir?: string) {
  const root = dir ?? (await tempDir())
  const archive = await Archive.open(root)
  const handlers = createService({ archive, version: 'test' })
  const call = async <T = unknown>(method: MethodName, args: unknown): Promise<T> => {
    const result = await dispatch(handlers, method, args)
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code })
    const checked = contract[method].result.safeParse(result.value)
    if (!checked.success)
      throw new Error(`${method} returned a value outside its contract: ${checked.error.message}`)
    return result.value as T
  }
  return { dir: root, archive, call }
}
