// Runs everywhere: the shape of `window.api`, the object the preload exposes and the renderer consumes.
import type { ArgsOf, MethodName, ResultOf } from './contract'
import type { Result } from './types'

/** Events main sends to the window (menu items); the only thing besides the contract the preload exposes. */
export const APP_EVENTS = ['menu.import', 'menu.find', 'archive.changed'] as const
export type AppEvent = (typeof APP_EVENTS)[number]

/** The IPC channel a contract method is served on, and the one an app event is sent on: written once here. */
export const methodChannel = (method: MethodName): string => `glossa:${method}`
export const eventChannel = (event: AppEvent): string => `glossa-event:${event}`

export type BridgeApi = { [M in MethodName]: (args: ArgsOf<M>) => Promise<Result<ResultOf<M>>> } & {
  on?: (event: AppEvent, listener: () => void) => () => void
}
