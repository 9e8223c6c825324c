// Preload (sandboxed, CommonJS): exposes the contract's methods as `window.api`, and nothing else.
import { contextBridge, ipcRenderer } from 'electron'
import type { BridgeApi } from '../shared/bridge'
import { METHOD_NAMES } from '../shared/contract'

const api = Object.fromEntries(
  METHOD_NAMES.map((method) => [method, (args: unknown) => ipcRenderer.invoke(`glossa:${method}`, args)]),
) as BridgeApi satisfies BridgeApi

contextBridge.exposeInMainWorld('api', api)
