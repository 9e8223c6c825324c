// Tests (Node): a real archive and service, called through dispatch with every result checked against the
// contract's result schema.
import { contract, isMethodName } from '../src/shared/contract'
import { dispatch } from '../src/shared/dispatch'
import { Archive } from '../src/main/archive/archive'
import { createService } from '../src/main/service'
import type { ServiceOptions } from '../src/main/service'
import { tempDir } from './temp-archive'
import { typedCall } from './typed-call'
import type { UncheckedCall } from './typed-call'

/** Calls a service through dispatch; a refusal throws an Error carrying the service's `code`. */
export function callerOf(handlers: ReturnType<typeof createService>) {
  const callUnchecked: UncheckedCall = async (method, args) => {
    const result = await dispatch(handlers, method, args)
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code })
    if (isMethodName(method)) {
      const checked = contract[method].result.safeParse(result.value)
      if (!checked.success)
        throw new Error(`${method} returned a value outside its contract: ${checked.error.message}`)
    }
    return result.value
  }
  return { call: typedCall(callUnchecked), callUnchecked }
}

export async function serviceHarness(
  dir?: string,
  options: Omit<ServiceOptions, 'archive' | 'version'> = {},
) {
  const root = dir ?? (await tempDir())
  const archive = await Archive.open(root)
  const handlers = createService({ archive, version: 'test', ...options })
  return { dir: root, archive, handlers, ...callerOf(handlers) }
}
