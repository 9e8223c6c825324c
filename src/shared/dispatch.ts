// Runs everywhere: validates a call against the contract, runs its handler and wraps the outcome.
// ipc.ts (Electron) and serve.ts (browser mode) both go through here, so both paths validate alike.
import { contract, isMethodName } from './contract'
import type { Handlers } from './contract'
import { GlossaError, describeZodError, toErrorShape } from './errors'
import type { Result } from './types'

export async function dispatch(
  handlers: Handlers,
  method: string,
  rawArgs: unknown,
): Promise<Result<unknown>> {
  try {
    if (!isMethodName(method))
      throw new GlossaError('unknown_method', `There is no method called "${method}".`)
    const spec = contract[method]
    const parsed = spec.args.safeParse(rawArgs ?? {})
    if (!parsed.success) {
      throw new GlossaError(
        'invalid_argument',
        describeZodError(`Invalid argument for ${method}`, parsed.error),
      )
    }
    const handler = handlers[method] as (args: unknown) => Promise<unknown>
    const value = await handler(parsed.data)
    return { ok: true, value }
  } catch (err) {
    return { ok: false, error: toErrorShape(err) }
  }
}
