// Preload (sandboxed, CommonJS): exposes the contract's methods as `window.api`, and nothing else.
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { APP_EVENTS, CHOSEN_PDF_CHANNEL, eventChannel, methodChannel } from '../shared/bridge'
import type { AppEvent, BridgeApi } from '../shared/bridge'
import type { MethodName } from '../shared/contract'

/**
 * The contract's method names, written into the bundle by the build (electron.vite.config.ts reads them off
 * contract.ts): importing contract.ts here would bundle zod and every schema (~200 KB) into the preload, which
 * needs only the names. Main validates every call against the schemas.
 */
declare const __GLOSSA_METHOD_NAMES__: readonly MethodName[]
if (typeof __GLOSSA_METHOD_NAMES__ === 'undefined')
  throw new Error('The build did not define the method names.')
const METHOD_NAMES = __GLOSSA_METHOD_NAMES__

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

/**
 * A large PDF the researcher chose or dropped: main reads it from its path. The path is Electron's for that File
 * (empty for any File the page made itself), never one the page gives.
 */
const importChosenPdf: NonNullable<BridgeApi['importChosenPdf']> = (file, password) => {
  let path = ''
  try {
    path = webUtils.getPathForFile(file as File)
  } catch {
    path = ''
  }
  if (!path)
    return Promise.resolve({
      ok: false,
      error: {
        code: 'invalid_argument',
        message: 'Only a file chosen on this computer can be imported from disk.',
      },
    })
  return ipcRenderer.invoke(CHOSEN_PDF_CHANNEL, { path, ...(password ? { password } : {}) })
}

const api = { ...methods, on, importChosenPdf } satisfies BridgeApi

contextBridge.exposeInMainWorld('api', api)
