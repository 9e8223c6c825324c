// Electron main process: registers every contract method as `glossa:<method>`, generically.
import type { IpcMainInvokeEvent } from 'electron'
import { ipcMain } from 'electron'
import { methodChannel } from '../shared/bridge'
import { METHOD_NAMES } from '../shared/contract'
import type { Handlers } from '../shared/contract'
import { dispatch } from '../shared/dispatch'

export function registerIpc(handlers: Handlers, isOwnFrame: (event: IpcMainInvokeEvent) => boolean): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(methodChannel(method), async (event, args: unknown) => {
      if (!isOwnFrame(event)) {
        return {
          ok: false,
          error: { code: 'unauthorized', message: 'Calls are accepted only from Glossa’s own window.' },
        }
      }
      return dispatch(handlers, method, args)
    })
  }
}
