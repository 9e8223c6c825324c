// Runs everywhere: the shape of `window.api`, the object the preload exposes and the renderer consumes.
import type { ArgsOf, MethodName, ResultOf } from './contract'
import type { Result } from './types'

/** Events main sends to the window (menu items); with importChosenPdf below, all the preload exposes besides the contract. */
export const APP_EVENTS = ['menu.import', 'menu.find', 'archive.changed'] as const
export type AppEvent = (typeof APP_EVENTS)[number]

/** The IPC channel a contract method is served on, and the one an app event is sent on: written once here. */
export const methodChannel = (method: MethodName): string => `glossa:${method}`
export const eventChannel = (event: AppEvent): string => `glossa-event:${event}`

/**
 * Electron only: a PDF too large to send as bytes (over 20 MB) that the researcher chose in the Import dialog or
 * dropped, imported by main from its path. The preload takes the path from the File itself
 * (webUtils.getPathForFile, empty for a File a page made), so the window never names a path.
 */
export const CHOSEN_PDF_CHANNEL = 'glossa-import:chosen-pdf'
export type ChosenPdfResult = ResultOf<'import.files'>[number]

export type BridgeApi = { [M in MethodName]: (args: ArgsOf<M>) => Promise<Result<ResultOf<M>>> } & {
  on?: (event: AppEvent, listener: () => void) => () => void
  /** `file` is a DOM File (this module is pure TS); `password` opens an encrypted PDF for this import only. */
  importChosenPdf?: (file: object, password?: string) => Promise<Result<ChosenPdfResult>>
}
