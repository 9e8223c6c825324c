// Tests (Node): the preload as Electron runs it, with electron's contextBridge and ipcRenderer recorded, and the
// method names defined as the build defines them (electron.vite.config.ts): window.api holds exactly the
// contract's methods and `on`, each method invokes its own channel, and the preload imports no zod.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CHOSEN_PDF_CHANNEL, eventChannel, methodChannel } from '../shared/bridge'
import { METHOD_NAMES } from '../shared/contract'

const exposed = new Map<string, Record<string, unknown>>()
const invoke = vi.fn(async (channel: string, args: unknown) => ({ channel, args }))
const listeners = new Map<string, () => void>()
/** The paths Electron knows for Files the user chose (webUtils.getPathForFile gives '' for any other File). */
const chosenPaths = new Map<object, string>()

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (channel: string, args: unknown) => invoke(channel, args),
    on: (channel: string, handler: () => void) => listeners.set(channel, handler),
    removeListener: (channel: string) => listeners.delete(channel),
  },
  webUtils: { getPathForFile: (file: object) => chosenPaths.get(file) ?? '' },
}))

async function loadPreload(): Promise<Record<string, unknown>> {
  vi.resetModules()
  exposed.clear()
  await import('./index')
  return exposed.get('api')!
}

afterEach(() => vi.unstubAllGlobals())

describe('the preload', () => {
  it('exposes exactly the contract methods and on, each invoking its own channel', async () => {
    vi.stubGlobal('__GLOSSA_METHOD_NAMES__', METHOD_NAMES)
    const api = await loadPreload()
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, 'importChosenPdf', 'on'].sort())
    const call = api['tags.list'] as (args: unknown) => Promise<unknown>
    expect(await call({})).toEqual({ channel: methodChannel('tags.list'), args: {} })

    const on = api.on as (event: string, listener: () => void) => () => void
    const heard: string[] = []
    const off = on('archive.changed', () => heard.push('changed'))
    listeners.get(eventChannel('archive.changed'))!()
    expect(heard).toEqual(['changed'])
    off()
    expect(listeners.has(eventChannel('archive.changed'))).toBe(false)
    expect(() => on('menu.quit', () => {})).toThrow('Unknown event')
  })

  it('imports a large PDF from the path Electron gives for a chosen File, never from one the page names', async () => {
    vi.stubGlobal('__GLOSSA_METHOD_NAMES__', METHOD_NAMES)
    const api = await loadPreload()
    const importChosenPdf = api.importChosenPdf as (file: object, password?: string) => Promise<unknown>
    invoke.mockClear()
    const chosen = { name: 'annex.pdf' }
    chosenPaths.set(chosen, '/home/ann/Reports/annex.pdf')
    expect(await importChosenPdf(chosen, 'pw')).toEqual({
      channel: CHOSEN_PDF_CHANNEL,
      args: { path: '/home/ann/Reports/annex.pdf', password: 'pw' },
    })
    // A File the page made (or anything else it passes, a path string included) has no path: nothing is sent.
    for (const made of [{ name: 'annex.pdf', path: '/etc/passwd' }, '/home/ann/.ssh/id_rsa', null]) {
      expect(await importChosenPdf(made as object)).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument' },
      })
    }
    expect(invoke).toHaveBeenCalledTimes(1)
  })

  it('refuses to start when the build did not define the method names', async () => {
    await expect(loadPreload()).rejects.toThrow('did not define the method names')
  })

  it('imports nothing at run time from contract.ts (zod stays out of the bundle)', () => {
    const source = readFileSync(resolve(__dirname, 'index.ts'), 'utf8')
    const valueImports = [...source.matchAll(/^import (?!type )[^'"]*from '([^']+)'/gm)].map((m) => m[1])
    expect(valueImports.sort()).toEqual(['../shared/bridge', 'electron'])
    const bridge = readFileSync(resolve(__dirname, '../shared/bridge.ts'), 'utf8')
    expect([...bridge.matchAll(/^import (?!type )/gm)]).toEqual([])
  })
})
