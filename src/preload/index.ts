// Preload (sandboxed, CommonJS): exposes the contract's methods as `window.api`, and nothing else.
import { contextBridge, ipcRenderer } from 'electron'
import { APP_EVENTS, eventChannel, methodChannel } from '../shared/bridge'
import type { AppEvent, BridgeApi } from '../shared/bridge'
import type { MethodName } from '../shared/contract'
import { METHOD_NAMES } from '../shared/contract'

type Methods = { [M in MethodName]: BridgeApi[M] }

// The channel carries any method's arguments; main validates them against the contract's schemas.
const invoker = <M extends MethodName>(method: M) =>
  ((args: unknown) => ipcRenderer.invoke(methodChannel(method), args)) as BridgeApi[M]

// One entry per contract method: fromEntries cannot say so itself, METHOD_NAMES is the contract's own keys.
const methods = Object.fromEntries(METHOD_NAMES.map((method) => [method, invoker(method)])) as Methods

function on(event: AppEvent, listener: () => void): () => void {
  if (!APP_EVENTS.includes(event)) throw new Error(`Unknown event ${event}`)
  // The listener gets no Electron event object: nothing of ipcRenderer leaks into the page.
  const handler = () => listener()
  ipcRenderer.on(eventChannel(event), handler)
  return () => ipcRenderer.removeListener(eventChannel(event), handler)
}

const api = { ...methods, on } satisfies BridgeApi

contextBridge.exposeInMainWorld('api', api)
