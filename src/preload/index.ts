// Preload (sandboxed, CommonJS): exposes the contract's methods as `window.api`, and nothing else.
import { contextBridge, ipcRenderer } from 'electron'
import { APP_EVENTS } from '../shared/bridge'
import type { AppEvent, BridgeApi } from '../shared/bridge'
import { METHOD_NAMES } from '../shared/methods'

const methods = Object.fromEntries(
  METHOD_NAMES.map((method) => [method, (args: unknown) => ipcRenderer.invoke(`glossa:${method}`, args)]),
)

function on(event: AppEvent, listener: () => void): () => void {
  if (!APP_EVENTS.includes(event)) throw new Error(`Unknown event ${event}`)
  // The listener gets no Electron event object: nothing of ipcRenderer leaks into the page.
  const handler = () => listener()
  ipcRenderer.on(`glossa-event:${event}`, handler)
  return () => ipcRenderer.removeListener(`glossa-event:${event}`, handler)
}

const api = { ...methods, on } as BridgeApi satisfies BridgeApi

contextBridge.exposeInMainWorld('api', api)
