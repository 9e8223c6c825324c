// Runs everywhere: the shape of `window.api`, the object the preload exposes and the renderer consumes.
import type { ArgsOf, MethodName, ResultOf } from './contract'
import type { Result } from './types'

export type BridgeApi = { [M in MethodName]: (args: ArgsOf<M>) => Promise<Result<ResultOf<M>>> }
